// 办件: prepare an application: choose the service item, the applicant and the case; the checklist of materials follows.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Form, Input, List, Select, Space, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ServiceItemsQuery } from '../../common/catalog/serviceItems';
import { ProblemList } from '../../common/errors/ProblemList';
import { normalizeSubjectId, subjectIdProblem } from '../../common/identifiers/subjectIdCheck';
import { suggestCaseNumber } from './caseNumber';
import { Checklist } from './Checklist';
import { keepForPrint, PrepareApplicationMutationDoc, type PreparedApplication } from './prepareApplication';

/** While the applicant's consent is awaited, the checklist is asked for again this often, this many times. */
const CONSENT_POLL_MS = 10_000;
const CONSENT_POLLS = 30;

export default function ApplyPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const navigate = useNavigate();
  const items = useQuery(ServiceItemsQuery).data?.serviceItems ?? [];
  const [itemCode, setItemCode] = useState<string | undefined>();
  const [applicant, setApplicant] = useState('');
  const [caseNumber, setCaseNumber] = useState(() => suggestCaseNumber(undefined));
  const [result, setResult] = useState<PreparedApplication | null>(null);
  const [polls, setPolls] = useState(0);
  const [prepare, { loading, error }] = useMutation(PrepareApplicationMutationDoc);
  const item = items.find((i) => i.code === itemCode);
  const idProblem = applicant ? subjectIdProblem(applicant) : null;
  const awaitingConsent = !!result?.materials.some((m) => m.reason === 'CONSENT_REQUIRED');

  async function run() {
    if (!itemCode || subjectIdProblem(applicant) || !caseNumber.trim()) return;
    const applicantId = normalizeSubjectId(applicant);
    const res = await prepare({ variables: { serviceItemCode: itemCode, applicantId, caseNumber: caseNumber.trim() } });
    const prepared = res.data?.prepareApplication ?? null;
    setResult(prepared);
    if (prepared) keepForPrint(prepared, applicantId);
  }

  useEffect(() => {
    if (!awaitingConsent || polls >= CONSENT_POLLS) return;
    const timer = setTimeout(() => {
      setPolls((n) => n + 1);
      void run();
    }, CONSENT_POLL_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [awaitingConsent, polls, result]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('apply.title')}
      </Typography.Title>
      <Form
        layout="vertical"
        onFinish={() => {
          setPolls(0);
          void run();
        }}
      >
        <Form.Item label={t('apply.serviceItem')} htmlFor="apply-item" required>
          <Select
            id="apply-item"
            showSearch
            optionFilterProp="label"
            placeholder={t('apply.serviceItemPlaceholder')}
            value={itemCode}
            onChange={(v) => {
              setItemCode(v);
              setResult(null);
              setCaseNumber(suggestCaseNumber(v));
            }}
            options={items.map((i) => ({ value: i.code, label: `${en ? i.nameEn : i.name} (${i.code})` }))}
          />
        </Form.Item>
        {item && (
          <Card size="small" title={t('apply.materialsOfItem', { count: item.materials.length })} style={{ marginBottom: 16 }}>
            <List
              size="small"
              dataSource={item.materials}
              renderItem={(m) => (
                <List.Item>
                  {m.name} · {t(`source.${m.source}`)} · {m.typeCode}
                  {m.isConsentRequired ? ` · ${t('apply.consentRequired')}` : ''}
                </List.Item>
              )}
            />
          </Card>
        )}
        <Form.Item
          label={t('apply.applicantId')}
          htmlFor="apply-applicant"
          required
          validateStatus={idProblem ? 'error' : applicant ? 'success' : undefined}
          help={idProblem ? t(`subjectId.${idProblem}`) : t('apply.applicantIdHelp')}
          hasFeedback={!!applicant}
        >
          <Input id="apply-applicant" value={applicant} autoComplete="off" spellCheck={false} onChange={(e) => setApplicant(e.target.value)} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item label={t('apply.caseNumber')} htmlFor="apply-case" required help={t('apply.caseNumberHelp')}>
          <Space.Compact style={{ width: '100%' }}>
            <Input id="apply-case" value={caseNumber} onChange={(e) => setCaseNumber(e.target.value)} style={{ fontFamily: 'monospace' }} />
            <Button onClick={() => setCaseNumber(suggestCaseNumber(itemCode))}>{t('apply.newCaseNumber')}</Button>
          </Space.Compact>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading} disabled={!itemCode || !applicant || !!idProblem || !caseNumber.trim()}>
          {t('apply.submit')}
        </Button>
      </Form>
      <ProblemList error={error} />
      {result && (
        <section aria-label={t('apply.result')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space wrap size="large">
              <Statistic title={t('apply.noPaper')} value={result.satisfiedCount} suffix={`/ ${result.materials.length}`} />
              <Statistic title={t('apply.caseNumber')} value={result.caseNumber} />
            </Space>
            {awaitingConsent && (
              <Alert
                type="info"
                showIcon
                role="status"
                title={t('apply.awaitingConsent', { caseNumber: result.caseNumber })}
                action={<Button onClick={() => void run()}>{t('apply.checkAgain')}</Button>}
              />
            )}
            <Checklist materials={result.materials} />
            <Space wrap>
              <Button onClick={() => navigate('/window/receipt/print')}>{t('apply.printReceipt')}</Button>
            </Space>
          </Space>
        </section>
      )}
    </Space>
  );
}
