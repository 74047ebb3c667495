// 共享申请: the provider's inbox (due dates, overdue marked; approve or reject), the consumer's outbox, and the wizard
// for a new request.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, Input, List, Modal, Radio, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ProblemList } from '../../common/errors/ProblemList';
import { formatTime } from '../../common/format/time';
import type { AccessRequestStatus, AccessSide } from '../../staff-gql/graphql';
import '../i18n/register';
import { AccessRequestsQueryDoc, RejectMutation, type AccessRequestItem } from './accessRequests';
import { ApproveDrawer } from './ApproveDrawer';
import { RequestWizard } from './RequestWizard';

const STATUS_COLOURS: Record<string, string> = { PENDING: '#ad4e00', APPROVED: '#237804', REJECTED: '#a8071a' };

function RequestCard({ r, side, onApprove, onReject }: { r: AccessRequestItem; side: AccessSide; onApprove?(): void; onReject?(): void }) {
  const { t, i18n } = useTranslation();
  return (
    <Card
      size="small"
      title={
        <span>
          {r.resourceType} · {side === 'PROVIDER' ? r.consumerCode : r.providerCode}
        </span>
      }
      extra={<Tag color={STATUS_COLOURS[r.status]}>{t(`admin.requestStatus.${r.status}`)}</Tag>}
      role="article"
      aria-label={t('admin.requests.requestOf', { type: r.resourceType, id: r.id })}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <div>{t('admin.requests.fields', { fields: r.fields.join('、') })}</div>
        {r.conditionalFields.length > 0 && <div>{t('admin.requests.conditional', { fields: r.conditionalFields.join('、') })}</div>}
        <div>{t('admin.requests.purposes', { purposes: r.purposes.join('、') })}</div>
        <div>{t('admin.requests.justification', { text: r.justification })}</div>
        <div>{t('admin.requests.validity', { from: formatTime(r.validFrom, i18n.language), until: formatTime(r.validUntil, i18n.language) })}</div>
        <div>
          {t('admin.requests.due', { at: formatTime(r.dueAt, i18n.language) })}{' '}
          {r.isOverdue && (
            <Tag color="#a8071a" icon={<span aria-hidden>⚠ </span>}>
              {t('admin.requests.overdue')}
            </Tag>
          )}
        </div>
        {r.decisionReason && <div>{t('admin.requests.decision', { reason: r.decisionReason })}</div>}
        {r.grants.length > 0 && <div>{t('admin.requests.grants', { grants: r.grants.map((g) => `${g.id.slice(0, 8)} (${t(`admin.grantState.${g.state}`)})`).join('、') })}</div>}
        {side === 'PROVIDER' && r.status === 'PENDING' && (
          <Space wrap>
            <Button type="primary" onClick={onApprove}>
              {t('admin.requests.approve')}
            </Button>
            <Button danger onClick={onReject}>
              {t('admin.requests.reject')}
            </Button>
          </Space>
        )}
      </Space>
    </Card>
  );
}

function RequestList({ side }: { side: AccessSide }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<AccessRequestStatus | 'ALL'>(side === 'PROVIDER' ? 'PENDING' : 'ALL');
  const { data, error, refetch, fetchMore } = useQuery(AccessRequestsQueryDoc, { variables: { side, status: status === 'ALL' ? null : status, first: 20 } });
  const [approving, setApproving] = useState<AccessRequestItem | null>(null);
  const [rejecting, setRejecting] = useState<AccessRequestItem | null>(null);
  const [reason, setReason] = useState('');
  const [reject, rejected] = useMutation(RejectMutation);
  const items = data?.accessRequests.edges.map((e) => e.node) ?? [];
  const overdue = items.filter((r) => r.isOverdue).length;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Radio.Group
          optionType="button"
        aria-label={t('admin.requests.statusFilter')}
        value={status}
        onChange={(e) => setStatus(e.target.value as AccessRequestStatus | 'ALL')}
        options={(['PENDING', 'APPROVED', 'REJECTED', 'ALL'] as const).map((s) => ({ value: s, label: s === 'ALL' ? t('admin.common.all') : t(`admin.requestStatus.${s}`) }))}
      />
      {overdue > 0 && <Alert type="warning" showIcon title={t('admin.requests.overdueCount', { count: overdue })} />}
      <ProblemList error={error} />
      {items.length === 0 && !error && <Empty description={t('admin.requests.none')} />}
      <List
        dataSource={items}
        renderItem={(r) => (
          <List.Item style={{ display: 'block' }}>
            <RequestCard r={r} side={side} onApprove={() => setApproving(r)} onReject={() => setRejecting(r)} />
          </List.Item>
        )}
      />
      {data?.accessRequests.pageInfo.hasNextPage && (
        <Button onClick={() => void fetchMore({ variables: { after: data.accessRequests.pageInfo.endCursor } })}>{t('common.more')}</Button>
      )}
      {approving && (
        <ApproveDrawer
          request={approving}
          onClose={(decided) => {
            setApproving(null);
            if (decided) void refetch();
          }}
        />
      )}
      <Modal
        open={!!rejecting}
        title={t('admin.requests.rejectTitle', { type: rejecting?.resourceType ?? '' })}
        okText={t('admin.requests.rejectConfirm')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: rejected.loading }}
        cancelText={t('common.cancel')}
        onCancel={() => setRejecting(null)}
        onOk={async () => {
          const res = await reject({ variables: { requestId: rejecting!.id, reason: reason.trim() } });
          if (res.data) {
            setRejecting(null);
            setReason('');
            void refetch();
          }
        }}
      >
        <label htmlFor="reject-reason">{t('admin.common.reason')}</label>
        <Input.TextArea id="reject-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        <ProblemList error={rejected.error} />
      </Modal>
    </Space>
  );
}

export default function AccessRequestsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? (params.get('type') ? 'new' : 'inbox');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('admin.requests.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[
          { key: 'inbox', label: t('admin.requests.inbox'), children: <RequestList side="PROVIDER" /> },
          { key: 'outbox', label: t('admin.requests.outbox'), children: <RequestList side="CONSUMER" /> },
          { key: 'new', label: t('admin.requests.new'), children: <RequestWizard /> },
        ]}
      />
    </Space>
  );
}
