// 共享授权: the grants the department gave (provider) or holds (consumer), filtered by type, department, state and
// purpose; suspend, reinstate and revoke with a confirmation and a reason; each grant's version history.
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Drawer, Input, Modal, Radio, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ProblemList } from '../../common/errors/ProblemList';
import { formatTime } from '../../common/format/time';
import { graphql } from '../../staff-gql';
import type { AccessSide, GrantsQuery } from '../../staff-gql/graphql';
import '../i18n/register';

const GrantsQueryDoc = graphql(`
  query Grants($side: AccessSide!, $resourceType: String, $first: Int, $after: String) {
    grants(side: $side, resourceType: $resourceType, first: $first, after: $after) {
      edges {
        node {
          ...GrantFacts
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
  fragment GrantFacts on Grant {
    id
    version
    resourceType
    consumerCode
    providerCode
    clientId
    purposes
    validFrom
    validUntil
    state
    statusReason
    accessRequestId
    changedAt
    ...GrantTerms
  }
`);

const HistoryQuery = graphql(`
  query GrantHistory($grantId: ID!) {
    grantHistory(grantId: $grantId) {
      ...GrantFacts
    }
  }
`);

const SuspendMutation = graphql(`
  mutation SuspendGrant($grantId: ID!, $reason: String!) {
    suspendGrant(grantId: $grantId, reason: $reason) {
      grant {
        id
        state
      }
    }
  }
`);
const ReinstateMutation = graphql(`
  mutation ReinstateGrant($grantId: ID!) {
    reinstateGrant(grantId: $grantId) {
      grant {
        id
        state
      }
    }
  }
`);
const RevokeMutation = graphql(`
  mutation RevokeGrant($grantId: ID!, $reason: String!) {
    revokeGrant(grantId: $grantId, reason: $reason) {
      grant {
        id
        state
      }
    }
  }
`);

type GrantItem = GrantsQuery['grants']['edges'][number]['node'];
type Action = 'suspend' | 'reinstate' | 'revoke';

const TIMELINE_COLOURS: Record<string, string> = { ACTIVE: 'green', SUSPENDED: 'orange', REVOKED: 'red', EXPIRED: 'gray' };
export const STATE_COLOURS: Record<string, string> = { ACTIVE: '#237804', SUSPENDED: '#ad4e00', REVOKED: '#a8071a', EXPIRED: '#595959' };

function rulesText(g: Pick<GrantItem, 'rules'>, t: TFunction): string {
  return g.rules.map((r) => (r.effect === 'MASK' && r.mask ? `${r.field} (${t(`admin.mask.${r.mask.strategy}`)}${r.mask.n ? ` ${r.mask.n}` : ''})` : r.effect === 'DENY' ? `${r.field} ✕` : r.field)).join('、');
}

function HistoryDrawer({ grantId, onClose }: { grantId: string; onClose(): void }) {
  const { t, i18n } = useTranslation();
  // Every version has the grant's id: kept out of the normalized cache, or they would merge into one.
  const { data, error } = useQuery(HistoryQuery, { variables: { grantId }, fetchPolicy: 'no-cache' });
  return (
    <Drawer open title={t('admin.grants.historyOf', { id: grantId.slice(0, 8) })} onClose={onClose} closable={{ 'aria-label': t('common.close') }}>
      <ProblemList error={error} />
      <Timeline
        items={(data?.grantHistory ?? []).map((v) => ({
          key: v.version,
          color: TIMELINE_COLOURS[v.state],
          children: (
            <article aria-label={t('admin.grants.versionN', { version: v.version })}>
              <strong>{t('admin.grants.versionN', { version: v.version })}</strong> · {formatTime(v.changedAt, i18n.language, true)}
              <div>
                <Tag color={STATE_COLOURS[v.state]}>{t(`admin.grantState.${v.state}`)}</Tag>
                {v.statusReason && t('admin.grants.reasonIs', { reason: v.statusReason })}
              </div>
              <div>{t('admin.grants.fields', { fields: rulesText(v, t) })}</div>
              <div>{t('admin.grants.until', { until: formatTime(v.validUntil, i18n.language) })}</div>
              {v.rowScope && <div>{t('admin.grants.scope', { field: v.rowScope.field, values: v.rowScope.values.join('、') })}</div>}
            </article>
          ),
        }))}
      />
    </Drawer>
  );
}

export default function GrantsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [side, setSide] = useState<AccessSide>('PROVIDER');
  const [type, setType] = useState<string | undefined>();
  const [department, setDepartment] = useState<string | undefined>();
  const [state, setState] = useState<string | undefined>();
  const [purpose, setPurpose] = useState<string | undefined>();
  const { data, error, refetch, fetchMore } = useQuery(GrantsQueryDoc, { variables: { side, resourceType: type ?? null, first: 100 } });
  const [acting, setActing] = useState<{ grant: GrantItem; action: Action } | null>(null);
  const [reason, setReason] = useState('');
  const [suspend, suspended] = useMutation(SuspendMutation);
  const [reinstate, reinstated] = useMutation(ReinstateMutation);
  const [revoke, revoked] = useMutation(RevokeMutation);
  const historyOf = params.get('grant');
  const all = data?.grants.edges.map((e) => e.node) ?? [];
  const counterpart = (g: GrantItem) => (side === 'PROVIDER' ? g.consumerCode : g.providerCode);
  const grants = all.filter((g) => (!department || counterpart(g) === department) && (!state || g.state === state) && (!purpose || g.purposes.includes(purpose)));
  const uniq = (xs: string[]) => [...new Set(xs)].sort().map((x) => ({ value: x, label: x }));

  async function act() {
    if (!acting) return;
    const grantId = acting.grant.id;
    const res =
      acting.action === 'suspend'
        ? await suspend({ variables: { grantId, reason: reason.trim() } })
        : acting.action === 'revoke'
          ? await revoke({ variables: { grantId, reason: reason.trim() } })
          : await reinstate({ variables: { grantId } });
    if (res.data) {
      setActing(null);
      setReason('');
      void refetch();
    }
  }
  const actionError = suspended.error ?? reinstated.error ?? revoked.error;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('admin.grants.title')}
      </Typography.Title>
      <Space wrap>
        <Radio.Group
          optionType="button"
          aria-label={t('admin.grants.side')}
          value={side}
          onChange={(e) => setSide(e.target.value as AccessSide)}
          options={[
            { value: 'PROVIDER', label: t('admin.grants.given') },
            { value: 'CONSUMER', label: t('admin.grants.held') },
          ]}
        />
        <Select aria-label={t('admin.grants.filterType')} placeholder={t('admin.grants.filterType')} allowClear style={{ minWidth: 180 }} value={type} onChange={setType} options={uniq(all.map((g) => g.resourceType))} />
        <Select aria-label={t('admin.grants.filterDepartment')} placeholder={t('admin.grants.filterDepartment')} allowClear style={{ minWidth: 200 }} value={department} onChange={setDepartment} options={uniq(all.map(counterpart))} />
        <Select
          aria-label={t('admin.grants.filterState')}
          placeholder={t('admin.grants.filterState')}
          allowClear
          style={{ minWidth: 120 }}
          value={state}
          onChange={setState}
          options={['ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED'].map((s) => ({ value: s, label: t(`admin.grantState.${s}`) }))}
        />
        <Select aria-label={t('admin.grants.filterPurpose')} placeholder={t('admin.grants.filterPurpose')} allowClear style={{ minWidth: 160 }} value={purpose} onChange={setPurpose} options={uniq(all.flatMap((g) => g.purposes))} />
      </Space>
      <ProblemList error={error} />
      <Table
        rowKey="id"
        size="small"
        dataSource={grants}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('admin.grants.type'), dataIndex: 'resourceType' },
          { title: side === 'PROVIDER' ? t('admin.grants.consumer') : t('admin.grants.provider'), render: (_: unknown, g) => `${counterpart(g)}${g.clientId ? ` / ${g.clientId}` : ''}` },
          { title: t('admin.grants.fieldsTitle'), render: (_: unknown, g) => rulesText(g, t) },
          { title: t('admin.grants.purposes'), render: (_: unknown, g) => g.purposes.join('、') },
          { title: t('admin.grants.scopeTitle'), render: (_: unknown, g) => (g.rowScope ? `${g.rowScope.field} ∈ {${g.rowScope.values.join(', ')}}` : t('admin.grants.allSubjects')) },
          { title: t('admin.grants.validUntil'), render: (_: unknown, g) => formatTime(g.validUntil, i18n.language) },
          { title: t('admin.grants.state'), render: (_: unknown, g) => <Tag color={STATE_COLOURS[g.state]}>{t(`admin.grantState.${g.state}`)}</Tag> },
          {
            title: t('admin.common.actions'),
            render: (_: unknown, g) => (
              <Space wrap>
                <Button size="small" onClick={() => setParams({ grant: g.id })} aria-label={t('admin.grants.historyFor', { type: g.resourceType, id: g.id.slice(0, 8) })}>
                  {t('admin.grants.history')}
                </Button>
                {side === 'PROVIDER' && g.state === 'ACTIVE' && (
                  <Button size="small" onClick={() => setActing({ grant: g, action: 'suspend' })}>
                    {t('admin.grants.suspend')}
                  </Button>
                )}
                {side === 'PROVIDER' && g.state === 'SUSPENDED' && (
                  <Button size="small" onClick={() => setActing({ grant: g, action: 'reinstate' })}>
                    {t('admin.grants.reinstate')}
                  </Button>
                )}
                {side === 'PROVIDER' && (g.state === 'ACTIVE' || g.state === 'SUSPENDED') && (
                  <Button size="small" danger onClick={() => setActing({ grant: g, action: 'revoke' })} aria-label={t('admin.grants.revokeFor', { type: g.resourceType, id: g.id.slice(0, 8) })}>
                    {t('admin.grants.revoke')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {data?.grants.pageInfo.hasNextPage && <Button onClick={() => void fetchMore({ variables: { after: data.grants.pageInfo.endCursor } })}>{t('common.more')}</Button>}
      <Modal
        open={!!acting}
        title={acting ? t(`admin.grants.confirm.${acting.action}`, { type: acting.grant.resourceType, consumer: acting.grant.consumerCode }) : ''}
        okText={acting ? t(`admin.grants.${acting.action}`) : ''}
        okButtonProps={{ danger: acting?.action !== 'reinstate', disabled: acting?.action !== 'reinstate' && !reason.trim() }}
        cancelText={t('common.cancel')}
        onCancel={() => setActing(null)}
        onOk={() => void act()}
      >
        <p>{acting && t(`admin.grants.effect.${acting.action}`)}</p>
        {acting?.action !== 'reinstate' && (
          <>
            <label htmlFor="grant-reason">{t('admin.common.reason')}</label>
            <Input.TextArea id="grant-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          </>
        )}
        <ProblemList error={actionError} />
      </Modal>
      {historyOf && <HistoryDrawer grantId={historyOf} onClose={() => setParams({})} />}
    </Space>
  );
}
