// The consumer's request wizard: type → fields (with their sharing class) → purposes → justification → validity.
// A link can prepare it (?type=…&fields=a,b&purpose=…), as the coverage page does for a material that needs a grant.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Checkbox, DatePicker, Input, Select, Space, Steps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ServiceItemsQuery } from '../../common/catalog/serviceItems';
import { ProblemList } from '../../common/errors/ProblemList';
import { formatTime } from '../../common/format/time';
import { AdminCatalogQueryDoc, SharingTag } from '../catalog/CatalogPage';
import { useDepartmentCode } from '../viewer';
import { RequestAccessMutation } from './accessRequests';

export function RequestWizard() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [params] = useSearchParams();
  const department = useDepartmentCode();
  const catalog = useQuery(AdminCatalogQueryDoc).data;
  const items = useQuery(ServiceItemsQuery).data?.serviceItems ?? [];
  const entries = [
    ...(catalog?.resourceTypes ?? []).map((r) => ({ code: r.code, name: en ? r.nameEn : r.nameZh, provider: r.providerCode, fields: r.fields })),
    ...(catalog?.certificateTypes ?? []).map((c) => ({ code: c.code, name: en ? c.nameEn : c.nameZh, provider: c.issuerCode, fields: c.fields })),
  ].filter((e) => e.provider !== department);
  const [step, setStep] = useState(params.get('type') ? 1 : 0);
  const [type, setType] = useState<string | undefined>(params.get('type') ?? undefined);
  const [fields, setFields] = useState<string[]>(params.get('fields')?.split(',').filter(Boolean) ?? []);
  const [purposes, setPurposes] = useState<string[]>(params.get('purpose') ? [params.get('purpose')!] : []);
  const [justification, setJustification] = useState('');
  const [validity, setValidity] = useState<[Dayjs, Dayjs]>([dayjs(), dayjs().add(1, 'year')]);
  const [request, { loading, error, data }] = useMutation(RequestAccessMutation);
  const entry = entries.find((e) => e.code === type);
  const done = data?.requestAccess.accessRequest;

  const steps = [
    { title: t('admin.wizard.type'), ready: !!type },
    { title: t('admin.wizard.fields'), ready: fields.length > 0 },
    { title: t('admin.wizard.purposes'), ready: purposes.length > 0 },
    { title: t('admin.wizard.justification'), ready: justification.trim().length > 0 },
    { title: t('admin.wizard.validity'), ready: validity[1].isAfter(validity[0]) },
  ];

  async function submit() {
    await request({
      variables: {
        input: { resourceType: type!, fields, purposes, justification: justification.trim(), validFrom: validity[0].toISOString(), validUntil: validity[1].endOf('day').toISOString() },
      },
    });
  }

  if (done) {
    return (
      <Alert
        type="success"
        showIcon
        role="status"
        title={t(done.status === 'APPROVED' ? 'admin.wizard.granted' : 'admin.wizard.submitted', { id: done.id })}
        description={done.status === 'PENDING' ? t('admin.wizard.waiting', { fields: done.conditionalFields.join('、'), due: formatTime(done.dueAt, i18n.language) }) : undefined}
      />
    );
  }

  return (
    <section aria-label={t('admin.requests.new')}>
      <Space orientation="vertical" style={{ width: '100%' }} size="large">
        <Steps current={step} size="small" items={steps.map((s) => ({ title: s.title }))} />
        {step === 0 && (
          <Select
            aria-label={t('admin.wizard.type')}
            showSearch
            optionFilterProp="label"
            style={{ width: '100%', maxWidth: 480 }}
            value={type}
            onChange={(v) => {
              setType(v);
              setFields([]);
            }}
            options={entries.map((e) => ({ value: e.code, label: `${e.name} (${e.code})` }))}
          />
        )}
        {step === 1 && entry && (
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend>{t('admin.wizard.fieldsOf', { type: entry.name })}</legend>
            <Space orientation="vertical">
              {entry.fields.map((f) => (
                <Checkbox
                  key={f.name}
                  disabled={f.sharing === 'NOT_SHARED'}
                  checked={fields.includes(f.name)}
                  onChange={(e) => setFields((now) => (e.target.checked ? [...now, f.name] : now.filter((x) => x !== f.name)))}
                >
                  {f.nameZh} ({f.name}) <SharingTag sharing={f.sharing} />
                </Checkbox>
              ))}
            </Space>
          </fieldset>
        )}
        {step === 2 && (
          <Select
            aria-label={t('admin.wizard.purposes')}
            mode="tags"
            style={{ width: '100%', maxWidth: 480 }}
            value={purposes}
            onChange={setPurposes}
            placeholder={t('admin.wizard.purposesHelp')}
            options={items.map((i) => ({ value: i.code, label: `${en ? i.nameEn : i.name} (${i.code})` }))}
          />
        )}
        {step === 3 && <Input.TextArea aria-label={t('admin.wizard.justification')} rows={3} value={justification} onChange={(e) => setJustification(e.target.value)} />}
        {step === 4 && (
          <DatePicker.RangePicker
            aria-label={t('admin.wizard.validity')}
            value={validity}
            onChange={(v) => v?.[0] && v[1] && setValidity([v[0], v[1]])}
            disabledDate={(d) => d.isBefore(dayjs(), 'day') || d.isAfter(dayjs().add(5, 'year'))}
          />
        )}
        <ProblemList error={error} />
        <Space>
          {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('admin.wizard.back')}</Button>}
          {step < steps.length - 1 ? (
            <Button type="primary" disabled={!steps[step]!.ready} onClick={() => setStep(step + 1)}>
              {t('admin.wizard.next')}
            </Button>
          ) : (
            <Button type="primary" disabled={!steps.every((s) => s.ready)} loading={loading} onClick={() => void submit()}>
              {t('admin.wizard.submit')}
            </Button>
          )}
        </Space>
      </Space>
    </section>
  );
}
