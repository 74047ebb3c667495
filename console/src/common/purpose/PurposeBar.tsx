// The purpose (用途) and case number of the clerk's reads: always visible, applied to every request until changed.
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ServiceItemsQuery } from '../catalog/serviceItems';
import { setPurpose, usePurpose } from './purposeStore';

export function PurposeBar() {
  const { t, i18n } = useTranslation();
  const current = usePurpose();
  const { data } = useQuery(ServiceItemsQuery);
  const items = data?.serviceItems ?? [];
  const isItem = items.some((i) => i.code === current.purpose);
  const [item, setItem] = useState<string | undefined>(isItem ? (current.purpose ?? undefined) : undefined);
  const [basis, setBasis] = useState(isItem ? '' : (current.purpose ?? ''));
  const [caseNumber, setCaseNumber] = useState(current.caseNumber ?? '');

  const apply = () => setPurpose({ purpose: basis.trim() || item || null, caseNumber });
  return (
    <section aria-label={t('purpose.region')}>
      <div className="purpose-bar">
        <span>{t('purpose.current')}</span>
        {current.purpose ? <Tag color="blue">{current.purpose}</Tag> : <Tag color="red">{t('purpose.none')}</Tag>}
        {current.caseNumber && <Tag>{t('purpose.caseTag', { caseNumber: current.caseNumber })}</Tag>}
        <Space wrap className="no-print">
          {/* A text field with the items as suggestions (datalist): typing filters them, choosing one gives its code. */}
          <Input
            aria-label={t('purpose.serviceItem')}
            placeholder={t('purpose.serviceItem')}
            list="purpose-service-items"
            allowClear
            autoComplete="off"
            style={{ minWidth: 220 }}
            value={item ?? ''}
            onChange={(e) => {
              const v = e.target.value.trim();
              setItem(v || undefined);
              if (v) setBasis('');
            }}
          />
          <datalist id="purpose-service-items">
            {items.map((i) => (
              <option key={i.code} value={i.code}>{`${i18n.language === 'en' ? i.nameEn : i.name} (${i.code})`}</option>
            ))}
          </datalist>
          <Input aria-label={t('purpose.legalBasis')} placeholder={t('purpose.legalBasisPlaceholder')} value={basis} onChange={(e) => setBasis(e.target.value)} style={{ width: 200 }} />
          <Input aria-label={t('purpose.caseNumber')} placeholder={t('purpose.caseNumber')} value={caseNumber} onChange={(e) => setCaseNumber(e.target.value)} style={{ width: 180 }} />
          <Button type="primary" onClick={apply}>
            {t('purpose.apply')}
          </Button>
        </Space>
      </div>
      {!current.purpose && <Alert className="no-print" style={{ marginTop: 8 }} type="warning" showIcon title={t('purpose.needed')} />}
    </section>
  );
}
