// 审计查询: search the audit log by time, department, client, purpose, type, subject, outcome and operation; pages load
// as the auditor scrolls (keyset cursors); an event opens in a panel; the matching events export as NDJSON.
import { useQuery } from '@apollo/client/react';
import { Alert, Button, DatePicker, Empty, Form, Input, List, Select, Space, Spin, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../common/errors/ProblemList';
import { formatTime } from '../../common/format/time';
import { subjectIdProblem } from '../../common/identifiers/subjectIdCheck';
import { useSession } from '../../common/session/SessionContext';
import { graphql } from '../../staff-gql';
import type { AuditEventFilter, AuditEventsQuery, AuditOutcome } from '../../staff-gql/graphql';
import '../i18n/register';
import { EventPanel } from './EventPanel';
import { downloadExport } from './exportDownload';

export const AuditEventsQueryDoc = graphql(`
  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      edges {
        node {
          seq
          occurredAt
          requestId
          principalKind
          clientId
          departmentCode
          purpose
          caseNumber
          action
          operationName
          outcome
          errorCodes
          resourceTypes
          subjectHashes
          fieldsReturned
          fieldsMasked
          fieldsDenied
          details
          hash
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export type AuditEventItem = AuditEventsQuery['auditEvents']['edges'][number]['node'];

export const OUTCOME_COLOURS: Record<string, string> = { SUCCESS: '#237804', PARTIAL: '#ad4e00', DENIED: '#a8071a', REFUSED: '#a8071a', ERROR: '#a8071a' };

interface FilterForm {
  range?: [Dayjs | null, Dayjs | null] | null;
  department?: string;
  client?: string;
  purpose?: string;
  resourceType?: string;
  certificateType?: string;
  subjectId?: string;
  outcome?: AuditOutcome;
  operation?: string;
}

function filterOf(v: FilterForm): AuditEventFilter {
  const text = (s: string | undefined) => s?.trim() || null;
  return {
    from: v.range?.[0]?.toISOString() ?? null,
    to: v.range?.[1]?.toISOString() ?? null,
    department: text(v.department),
    client: text(v.client),
    purpose: text(v.purpose),
    resourceType: text(v.resourceType),
    certificateType: text(v.certificateType),
    subjectId: text(v.subjectId)?.toUpperCase() ?? null,
    outcome: v.outcome ?? null,
    operation: text(v.operation),
  };
}

export default function AuditSearchPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  // The export is the auditors' (the hub refuses anyone else); a data administrator searches its own part of the log.
  const isAuditor = session?.kind === 'CLIENT' && session.roles.includes('AUDITOR');
  const [form] = Form.useForm<FilterForm>();
  const [filter, setFilter] = useState<AuditEventFilter>({});
  const { data, error, loading, fetchMore } = useQuery(AuditEventsQueryDoc, { variables: { filter, first: 30 } });
  const [open, setOpen] = useState<AuditEventItem | null>(null);
  const [exporting, setExporting] = useState<{ state: 'running' | 'done' | 'failed'; count?: number; message?: string } | null>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const events = data?.auditEvents.edges.map((e) => e.node) ?? [];
  const pageInfo = data?.auditEvents.pageInfo;
  const [isFetching, setIsFetching] = useState(false);

  // The next page loads when the end of the list scrolls into view.
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !pageInfo?.hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetching) {
        setIsFetching(true);
        void fetchMore({ variables: { after: pageInfo.endCursor } }).finally(() => setIsFetching(false));
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [pageInfo?.endCursor, pageInfo?.hasNextPage, fetchMore, isFetching]);

  async function exportNow() {
    setExporting({ state: 'running' });
    try {
      const count = await downloadExport(session!.accessToken, filter);
      setExporting({ state: 'done', count });
    } catch (e) {
      setExporting({ state: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('audit.search.title')}
      </Typography.Title>
      {!isAuditor && <Alert type="info" showIcon title={t('audit.search.adminScope')} />}
      <Form form={form} layout="vertical" onFinish={(v) => setFilter(filterOf(v))} className="audit-filters">
        <Space wrap align="start">
          <Form.Item name="range" label={t('audit.search.range')}>
            <DatePicker.RangePicker showTime allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item name="subjectId" label={t('audit.search.subjectId')} rules={[{ validator: (_, v: string | undefined) => (v && subjectIdProblem(v) ? Promise.reject(new Error(t(`subjectId.${subjectIdProblem(v)}`))) : Promise.resolve()) }]}>
            <Input style={{ fontFamily: 'monospace' }} autoComplete="off" />
          </Form.Item>
          <Form.Item name="department" label={t('audit.search.department')}>
            <Input />
          </Form.Item>
          <Form.Item name="client" label={t('audit.search.client')}>
            <Input />
          </Form.Item>
          <Form.Item name="purpose" label={t('audit.search.purpose')}>
            <Input />
          </Form.Item>
          <Form.Item name="resourceType" label={t('audit.search.resourceType')}>
            <Input />
          </Form.Item>
          <Form.Item name="certificateType" label={t('audit.search.certificateType')}>
            <Input />
          </Form.Item>
          <Form.Item name="outcome" label={t('audit.search.outcome')}>
            <Select allowClear style={{ minWidth: 140 }} options={['SUCCESS', 'PARTIAL', 'DENIED', 'REFUSED', 'ERROR'].map((o) => ({ value: o, label: t(`outcome.${o}`) }))} />
          </Form.Item>
          <Form.Item name="operation" label={t('audit.search.operation')}>
            <Input placeholder="graphql.query" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Button type="primary" htmlType="submit">
            {t('audit.search.submit')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setFilter({});
            }}
          >
            {t('audit.search.reset')}
          </Button>
          {isAuditor && (
            <Button onClick={() => void exportNow()} loading={exporting?.state === 'running'}>
              {t('audit.search.export')}
            </Button>
          )}
        </Space>
      </Form>
      {exporting?.state === 'done' && <Alert type="success" showIcon role="status" title={t('audit.search.exported', { count: exporting.count })} />}
      {exporting?.state === 'failed' && <Alert type="error" showIcon role="alert" title={t('audit.search.exportFailed', { reason: exporting.message })} />}
      <ProblemList error={error} />
      {!loading && events.length === 0 && !error && <Empty description={t('audit.search.none')} />}
      <section aria-label={t('audit.search.results')}>
        <List
          dataSource={events}
          renderItem={(e) => (
            <List.Item
              style={{ display: 'block', cursor: 'pointer' }}
              onClick={() => setOpen(e)}
            >
              <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={(ev) => { ev.stopPropagation(); setOpen(e); }}>
                {t('audit.search.openEvent', { seq: e.seq })} · {formatTime(e.occurredAt, i18n.language, true)}
              </Button>
              <div>
                <Tag color={OUTCOME_COLOURS[e.outcome]}>{t(`outcome.${e.outcome}`)}</Tag>
                {e.action}
                {e.operationName ? ` · ${e.operationName}` : ''} · {e.clientId ?? t('audit.search.anonymous')}
                {e.purpose ? ` · ${t('audit.search.purposeIs', { purpose: e.purpose })}` : ''}
                {e.caseNumber ? ` · ${t('audit.search.caseIs', { caseNumber: e.caseNumber })}` : ''}
              </div>
              {e.resourceTypes.length > 0 && <div>{e.resourceTypes.join('、')}</div>}
            </List.Item>
          )}
        />
        <div ref={sentinel} aria-hidden style={{ height: 1 }} />
        {(isFetching || loading) && <Spin />}
        {pageInfo && !pageInfo.hasNextPage && events.length > 0 && <Typography.Text type="secondary">{t('audit.search.end', { count: events.length })}</Typography.Text>}
      </section>
      {open && <EventPanel isAuditor={isAuditor} event={open} onClose={() => setOpen(null)} />}
    </Space>
  );
}
