// 数据纠错: the provider's queue of reports about its data (correct the record, or reject with a reason), and the
// reporter's view: its reports with their outcomes, and a form to report a wrong field.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, Form, Input, List, Modal, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../common/errors/ProblemList';
import { formatTime } from '../../common/format/time';
import { subjectIdProblem } from '../../common/identifiers/subjectIdCheck';
import { graphql } from '../../staff-gql';
import type { AccessSide, CorrectionReportsQuery } from '../../staff-gql/graphql';
import '../i18n/register';
import { AdminCatalogQueryDoc } from '../catalog/CatalogPage';

const ReportsQuery = graphql(`
  query CorrectionReports($side: AccessSide!, $first: Int, $after: String) {
    correctionReports(side: $side, first: $first, after: $after) {
      edges {
        node {
          id
          resourceType
          subjectId
          field
          comment
          status
          recordVersion
          correctedVersion
          reportedAt
          reportedBy
          reporterCode
          resolution
          resolvedAt
          resolvedBy
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

const ResolveMutation = graphql(`
  mutation ResolveDataError($input: ResolveDataErrorInput!) {
    resolveDataError(input: $input) {
      correctionReport {
        id
        status
        correctedVersion
      }
    }
  }
`);

const ReportMutation = graphql(`
  mutation ReportDataError($input: ReportDataErrorInput!) {
    reportDataError(input: $input) {
      correctionReport {
        id
        status
      }
    }
  }
`);

type Report = CorrectionReportsQuery['correctionReports']['edges'][number]['node'];
const STATUS_COLOURS: Record<string, string> = { OPEN: '#ad4e00', CORRECTED: '#237804', REJECTED: '#a8071a' };

function ReportCard({ r, actions }: { r: Report; actions?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <Card size="small" role="article" aria-label={t('admin.corrections.reportOf', { type: r.resourceType, field: r.field })} title={`${r.resourceType}.${r.field}`} extra={<Tag color={STATUS_COLOURS[r.status]}>{t(`admin.corrections.status.${r.status}`)}</Tag>}>
      <div>{t('admin.corrections.subject', { id: r.subjectId, version: r.recordVersion })}</div>
      <div>{t('admin.corrections.comment', { text: r.comment })}</div>
      <div>{t('admin.corrections.reported', { by: `${r.reporterCode} / ${r.reportedBy}`, at: formatTime(r.reportedAt, i18n.language, true) })}</div>
      {r.resolution && <div>{t('admin.corrections.resolution', { text: r.resolution, version: r.correctedVersion ?? '—' })}</div>}
      {actions}
    </Card>
  );
}

function ProviderQueue() {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(ReportsQuery, { variables: { side: 'PROVIDER' as AccessSide, first: 50 } });
  const [resolve, resolved] = useMutation(ResolveMutation);
  const [acting, setActing] = useState<{ report: Report; outcome: 'CORRECTED' | 'REJECTED' } | null>(null);
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const reports = data?.correctionReports.edges.map((e) => e.node) ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ProblemList error={error} />
      {reports.length === 0 && !error && <Empty description={t('admin.corrections.none')} />}
      <List
        dataSource={reports}
        renderItem={(r) => (
          <List.Item style={{ display: 'block' }}>
            <ReportCard
              r={r}
              actions={
                r.status === 'OPEN' && (
                  <Space wrap style={{ marginTop: 8 }}>
                    <Button type="primary" onClick={() => setActing({ report: r, outcome: 'CORRECTED' })}>
                      {t('admin.corrections.correct')}
                    </Button>
                    <Button danger onClick={() => setActing({ report: r, outcome: 'REJECTED' })}>
                      {t('admin.corrections.reject')}
                    </Button>
                  </Space>
                )
              }
            />
          </List.Item>
        )}
      />
      <Modal
        open={!!acting}
        title={acting ? t(`admin.corrections.${acting.outcome === 'CORRECTED' ? 'correctTitle' : 'rejectTitle'}`, { field: acting.report.field }) : ''}
        okText={acting?.outcome === 'CORRECTED' ? t('admin.corrections.correct') : t('admin.corrections.reject')}
        okButtonProps={{ danger: acting?.outcome === 'REJECTED', disabled: !reason.trim() || (acting?.outcome === 'CORRECTED' && !value.trim()), loading: resolved.loading }}
        cancelText={t('common.cancel')}
        onCancel={() => setActing(null)}
        onOk={async () => {
          const { report, outcome } = acting!;
          const res = await resolve({
            variables: { input: { reportId: report.id, outcome, reason: reason.trim(), fields: outcome === 'CORRECTED' ? { [report.field]: value.trim() } : null } },
          });
          if (res.data) {
            setActing(null);
            setValue('');
            setReason('');
            void refetch();
          }
        }}
      >
        {acting?.outcome === 'CORRECTED' && (
          <>
            <label htmlFor="correction-value">{t('admin.corrections.newValue', { field: acting.report.field })}</label>
            <Input id="correction-value" value={value} onChange={(e) => setValue(e.target.value)} />
          </>
        )}
        <label htmlFor="correction-reason">{acting?.outcome === 'CORRECTED' ? t('admin.corrections.whatCorrected') : t('admin.common.reason')}</label>
        <Input.TextArea id="correction-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        <ProblemList error={resolved.error} />
      </Modal>
    </Space>
  );
}

function ReporterView() {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(ReportsQuery, { variables: { side: 'CONSUMER' as AccessSide, first: 50 } });
  const catalog = useQuery(AdminCatalogQueryDoc).data;
  const [report, reported] = useMutation(ReportMutation);
  const [form] = Form.useForm<{ resourceType: string; subjectId: string; field: string; comment: string; purpose: string }>();
  const type = Form.useWatch('resourceType', form);
  const reports = data?.correctionReports.edges.map((e) => e.node) ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Card size="small" title={t('admin.corrections.reportNew')}>
        <Form
          form={form}
          layout="vertical"
          onFinish={async ({ purpose, ...v }) => {
            // A report reads the field it names: it states a purpose like any read (x-sharehub-purpose).
            const res = await report({
              variables: { input: { ...v, subjectId: v.subjectId.trim().toUpperCase() } },
              context: { headers: { 'x-sharehub-purpose': encodeURIComponent(purpose.trim()) } },
            });
            if (res.data) {
              form.resetFields();
              void refetch();
            }
          }}
        >
          <Space wrap align="start">
            <Form.Item name="resourceType" label={t('admin.corrections.type')} rules={[{ required: true, message: t('admin.common.required') }]}>
              <Select showSearch optionFilterProp="label" style={{ minWidth: 200 }} options={(catalog?.resourceTypes ?? []).map((r) => ({ value: r.code, label: `${r.nameZh} (${r.code})` }))} />
            </Form.Item>
            <Form.Item
              name="subjectId"
              label={t('admin.corrections.subjectId')}
              rules={[{ required: true, message: t('admin.common.required') }, { validator: (_, v: string) => (v && subjectIdProblem(v) ? Promise.reject(new Error(t(`subjectId.${subjectIdProblem(v)}`))) : Promise.resolve()) }]}
            >
              <Input style={{ fontFamily: 'monospace' }} autoComplete="off" />
            </Form.Item>
            <Form.Item name="field" label={t('admin.corrections.field')} rules={[{ required: true, message: t('admin.common.required') }]}>
              <Select style={{ minWidth: 160 }} options={(catalog?.resourceTypes.find((r) => r.code === type)?.fields ?? []).map((f) => ({ value: f.name, label: `${f.nameZh} (${f.name})` }))} />
            </Form.Item>
          </Space>
          <Form.Item name="purpose" label={t('admin.corrections.purpose')} extra={t('admin.corrections.purposeHelp')} rules={[{ required: true, message: t('admin.common.required') }]}>
            <Input style={{ maxWidth: 320 }} />
          </Form.Item>
          <Form.Item name="comment" label={t('admin.corrections.commentLabel')} rules={[{ required: true, message: t('admin.common.required') }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <ProblemList error={reported.error} />
          {reported.data && <Alert type="success" showIcon role="status" title={t('admin.corrections.reportedOk')} style={{ marginBottom: 8 }} />}
          <Button type="primary" htmlType="submit" loading={reported.loading}>
            {t('admin.corrections.reportSubmit')}
          </Button>
        </Form>
      </Card>
      <ProblemList error={error} />
      {reports.length === 0 && !error && <Empty description={t('admin.corrections.noneMine')} />}
      <List dataSource={reports} renderItem={(r) => <List.Item style={{ display: 'block' }}><ReportCard r={r} /></List.Item>} />
    </Space>
  );
}

export default function CorrectionsPage() {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('admin.corrections.title')}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'queue', label: t('admin.corrections.queue'), children: <ProviderQueue /> },
          { key: 'mine', label: t('admin.corrections.mine'), children: <ReporterView /> },
        ]}
      />
    </Space>
  );
}
