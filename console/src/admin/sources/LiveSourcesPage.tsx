// 接口共享: the department's live sources with their health (colour and word), last error category and latency;
// registering one (a refusal lists every mismatch as a table) and unregistering.
import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../common/errors/ProblemList';
import { formatTime } from '../../common/format/time';
import { graphql } from '../../staff-gql';
import type { RegisterLiveSourceInput } from '../../staff-gql/graphql';
import '../i18n/register';
import { AdminCatalogQueryDoc } from '../catalog/CatalogPage';
import { useDepartmentCode } from '../viewer';

const LiveSourcesQuery = graphql(`
  query LiveSources {
    liveSources {
      resourceType
      url
      entityTypeName
      keyField
      credential
      timeoutMs
      isFallbackToPublished
      state
      health
      lastError
      lastErrorAt
      latencyP50
      version
      registeredAt
    }
  }
`);

const RegisterMutation = graphql(`
  mutation RegisterLiveSource($input: RegisterLiveSourceInput!) {
    registerLiveSource(input: $input) {
      liveSource {
        resourceType
        version
      }
    }
  }
`);

const UnregisterMutation = graphql(`
  mutation UnregisterLiveSource($resourceType: ID!) {
    unregisterLiveSource(resourceType: $resourceType) {
      resourceType
    }
  }
`);

const HEALTH_COLOURS: Record<string, string> = { HEALTHY: '#237804', DEGRADED: '#ad4e00', UNAVAILABLE: '#a8071a' };
const HEALTH_ICONS: Record<string, string> = { HEALTHY: '●', DEGRADED: '▲', UNAVAILABLE: '✕' };

/** Latency in words as well as colour: fast under 200 ms, slow under 1 s, very slow beyond. */
export function latencyBand(ms: number | null | undefined): 'NONE' | 'FAST' | 'SLOW' | 'VERY_SLOW' {
  if (ms === null || ms === undefined) return 'NONE';
  return ms < 200 ? 'FAST' : ms < 1000 ? 'SLOW' : 'VERY_SLOW';
}
const LATENCY_COLOURS = { NONE: '#595959', FAST: '#237804', SLOW: '#ad4e00', VERY_SLOW: '#a8071a' } as const;

interface Mismatch {
  field: string;
  problem: string;
}

function RegisterForm({ types, onDone }: { types: Array<{ value: string; label: string }>; onDone(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RegisterLiveSourceInput>();
  const [register, { loading }] = useMutation(RegisterMutation);
  const [mismatches, setMismatches] = useState<Mismatch[]>([]);
  const [error, setError] = useState<unknown>(null);
  const credential = Form.useWatch('credential', form);

  async function submit(input: RegisterLiveSourceInput) {
    setMismatches([]);
    setError(null);
    const res = await register({ variables: { input } });
    if (res.data) {
      form.resetFields();
      onDone();
      return;
    }
    const found = CombinedGraphQLErrors.is(res.error) ? res.error.errors.flatMap((e) => (e.extensions?.mismatches as Mismatch[] | undefined) ?? []) : [];
    if (found.length) setMismatches(found);
    else setError(res.error);
  }

  return (
    <Card size="small" title={t('admin.sources.register')}>
      <Form form={form} layout="vertical" initialValues={{ keyField: 'subjectId', credential: 'NONE', isFallbackToPublished: false }} onFinish={(v) => void submit(v)}>
        <Space wrap align="start">
          <Form.Item name="resourceType" label={t('admin.sources.resourceType')} rules={[{ required: true, message: t('admin.common.required') }]}>
            <Select showSearch optionFilterProp="label" style={{ minWidth: 220 }} options={types} />
          </Form.Item>
          <Form.Item name="url" label={t('admin.sources.url')} rules={[{ required: true, message: t('admin.common.required') }]}>
            <Input style={{ minWidth: 280 }} placeholder="https://…/graphql" />
          </Form.Item>
          <Form.Item name="entityTypeName" label={t('admin.sources.entityType')} rules={[{ required: true, message: t('admin.common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="keyField" label={t('admin.sources.keyField')}>
            <Input />
          </Form.Item>
          <Form.Item name="timeoutMs" label={t('admin.sources.timeout')}>
            <InputNumber min={50} max={30000} placeholder="3000" />
          </Form.Item>
          <Form.Item name="credential" label={t('admin.sources.credential')}>
            <Select style={{ minWidth: 180 }} options={['NONE', 'STATIC_BEARER', 'CLIENT_CREDENTIALS'].map((c) => ({ value: c, label: t(`admin.sources.credentialKind.${c}`) }))} />
          </Form.Item>
          {credential === 'STATIC_BEARER' && (
            <Form.Item name="bearerToken" label={t('admin.sources.bearerToken')}>
              <Input.Password autoComplete="off" />
            </Form.Item>
          )}
          {credential === 'CLIENT_CREDENTIALS' && (
            <>
              <Form.Item name="tokenEndpoint" label={t('admin.sources.tokenEndpoint')}>
                <Input />
              </Form.Item>
              <Form.Item name="clientId" label={t('admin.sources.clientId')}>
                <Input />
              </Form.Item>
              <Form.Item name="clientSecret" label={t('admin.sources.clientSecret')}>
                <Input.Password autoComplete="off" />
              </Form.Item>
            </>
          )}
          <Form.Item name="isFallbackToPublished" label={t('admin.sources.fallback')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        {mismatches.length > 0 && (
          <section aria-label={t('admin.sources.mismatches')}>
            <Alert type="error" showIcon role="alert" title={t('admin.sources.refused', { count: mismatches.length })} style={{ marginBottom: 8 }} />
            <Table
              size="small"
              pagination={false}
              rowKey={(m) => `${m.field}-${m.problem}`}
              dataSource={mismatches}
              columns={[
                { title: t('admin.sources.mismatchField'), dataIndex: 'field' },
                { title: t('admin.sources.mismatchProblem'), dataIndex: 'problem' },
              ]}
            />
          </section>
        )}
        <ProblemList error={error} />
        <Button type="primary" htmlType="submit" loading={loading} style={{ marginTop: 8 }}>
          {t('admin.sources.registerSubmit')}
        </Button>
      </Form>
    </Card>
  );
}

export default function LiveSourcesPage() {
  const { t, i18n } = useTranslation();
  const department = useDepartmentCode();
  const { data, error, refetch } = useQuery(LiveSourcesQuery);
  const catalog = useQuery(AdminCatalogQueryDoc).data;
  const [unregister, unregistered] = useMutation(UnregisterMutation);
  const [removing, setRemoving] = useState<string | null>(null);
  const own = (catalog?.resourceTypes ?? []).filter((r) => r.providerCode === department).map((r) => ({ value: r.code, label: `${r.nameZh} (${r.code})` }));
  const sources = data?.liveSources ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('admin.sources.title')}
      </Typography.Title>
      <ProblemList error={error} />
      {sources.length === 0 && !error ? (
        <Empty description={t('admin.sources.none')} />
      ) : (
        <Table
          rowKey="resourceType"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={sources}
          columns={[
            { title: t('admin.sources.resourceType'), dataIndex: 'resourceType' },
            { title: t('admin.sources.url'), dataIndex: 'url', render: (u: string) => <span style={{ fontFamily: 'monospace' }}>{u}</span> },
            {
              title: t('admin.sources.health'),
              render: (_: unknown, s) => (
                <Tag color={HEALTH_COLOURS[s.health]}>
                  <span aria-hidden>{HEALTH_ICONS[s.health]} </span>
                  {t(`admin.sources.healthWord.${s.health}`)}
                </Tag>
              ),
            },
            { title: t('admin.sources.breaker'), render: (_: unknown, s) => t(`admin.sources.breakerWord.${s.state}`) },
            {
              title: t('admin.sources.lastError'),
              render: (_: unknown, s) => (s.lastError ? `${t(`admin.sources.errorCategory.${s.lastError}`, { defaultValue: s.lastError })} · ${s.lastErrorAt ? formatTime(s.lastErrorAt, i18n.language, true) : ''}` : t('admin.sources.noError')),
            },
            {
              title: t('admin.sources.latency'),
              render: (_: unknown, s) => {
                const band = latencyBand(s.latencyP50);
                return <Tag color={LATENCY_COLOURS[band]}>{band === 'NONE' ? t('admin.sources.latencyNone') : t(`admin.sources.latencyWord.${band}`, { ms: Math.round(s.latencyP50!) })}</Tag>;
              },
            },
            { title: t('admin.sources.fallback'), render: (_: unknown, s) => (s.isFallbackToPublished ? t('admin.common.yes') : t('admin.common.no')) },
            {
              title: t('admin.common.actions'),
              render: (_: unknown, s) => (
                <Button size="small" danger onClick={() => setRemoving(s.resourceType)} aria-label={t('admin.sources.unregisterFor', { type: s.resourceType })}>
                  {t('admin.sources.unregister')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <RegisterForm types={own} onDone={() => void refetch()} />
      <Modal
        open={!!removing}
        title={t('admin.sources.unregisterTitle', { type: removing ?? '' })}
        okText={t('admin.sources.unregister')}
        okButtonProps={{ danger: true, loading: unregistered.loading }}
        cancelText={t('common.cancel')}
        onCancel={() => setRemoving(null)}
        onOk={async () => {
          const res = await unregister({ variables: { resourceType: removing! } });
          if (res.data) {
            setRemoving(null);
            void refetch();
          }
        }}
      >
        <p>{t('admin.sources.unregisterEffect')}</p>
        <ProblemList error={unregistered.error} />
      </Modal>
    </Space>
  );
}
