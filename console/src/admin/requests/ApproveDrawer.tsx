// Approving a request: per field, granted or not, in the clear or masked (with a live preview of the mask on a sample
// value, by the hub's own rules), a shorter validity, a row scope, a note.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Checkbox, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyMask, maskCompatibility, STRATEGIES_BY_TYPE } from '../../../../src/authz/maskRules.js';
import type { FieldType, MaskStrategy } from '../../../../src/catalog/definition.js';
import { ProblemList } from '../../common/errors/ProblemList';
import { AdminCatalogQueryDoc } from '../catalog/CatalogPage';
import { ApproveMutation, type AccessRequestItem } from './accessRequests';

interface FieldChoice {
  isGranted: boolean;
  isMasked: boolean;
  strategy: MaskStrategy | null;
  n: number;
  sample: string;
}

/** The preview never knows the consumer's key: HASH shows what kind of value it becomes, not a value. */
const hashPlaceholder = () => 'HMAC-SHA-256 …';

export function ApproveDrawer({ request, onClose }: { request: AccessRequestItem; onClose(decided: boolean): void }) {
  const { t } = useTranslation();
  const catalog = useQuery(AdminCatalogQueryDoc).data;
  const entry = catalog?.resourceTypes.find((r) => r.code === request.resourceType) ?? catalog?.certificateTypes.find((c) => c.code === request.resourceType);
  const fieldOf = (name: string) => entry?.fields.find((f) => f.name === name);
  const [choices, setChoices] = useState<Record<string, FieldChoice>>(() =>
    Object.fromEntries(request.conditionalFields.map((f) => [f, { isGranted: true, isMasked: false, strategy: null, n: 3, sample: '' }])),
  );
  const [validUntil, setValidUntil] = useState<Dayjs | null>(null);
  const [scopeField, setScopeField] = useState<string | undefined>();
  const [scopeText, setScopeText] = useState('');
  const scopeValues = scopeText.split(/[,，\s]+/).filter(Boolean);
  const [reason, setReason] = useState('');
  const [approve, { loading, error, data }] = useMutation(ApproveMutation);

  const set = (field: string, change: Partial<FieldChoice>) => setChoices((c) => ({ ...c, [field]: { ...c[field]!, ...change } }));
  const granted = request.conditionalFields.filter((f) => choices[f]?.isGranted);
  const ruleOf = (c: FieldChoice) => ({ strategy: c.strategy ?? 'REDACT', n: c.strategy === 'KEEP_FIRST' || c.strategy === 'KEEP_LAST' ? c.n : undefined });
  const problemOf = (name: string): string | null => {
    const c = choices[name]!;
    const f = fieldOf(name);
    if (!c.isGranted || !c.isMasked || !f) return null;
    if (!c.strategy) return t('admin.approve.chooseStrategy');
    return maskCompatibility({ type: f.type as FieldType }, ruleOf(c));
  };
  const isReady = granted.length > 0 && granted.every((f) => !problemOf(f)) && (!scopeField || scopeValues.length > 0);

  async function submit() {
    const res = await approve({
      variables: {
        input: {
          requestId: request.id,
          fields: granted.map((f) => {
            const c = choices[f]!;
            return c.isMasked ? { field: f, effect: 'MASK' as const, mask: { strategy: c.strategy!, n: ruleOf(c).n ?? null } } : { field: f, effect: 'ALLOW' as const };
          }),
          validUntil: validUntil ? validUntil.endOf('day').toISOString() : null,
          rowScope: scopeField ? { field: scopeField, values: scopeValues } : null,
          reason: reason.trim() || null,
        },
      },
    });
    if (res.data) onClose(true);
  }

  return (
    <Drawer open size="large" title={t('admin.approve.title', { type: request.resourceType })} onClose={() => onClose(!!data)} closable={{ 'aria-label': t('common.close') }}>
      <Space orientation="vertical" style={{ width: '100%' }} size="large">
        <Typography.Paragraph>
          {t('admin.requests.from', { consumer: request.consumerCode, client: request.requestedBy })} · {t('admin.requests.purposes', { purposes: request.purposes.join('、') })}
          <br />
          {t('admin.requests.justification', { text: request.justification })}
        </Typography.Paragraph>
        <Table
          size="small"
          pagination={false}
          rowKey="field"
          scroll={{ x: true }}
          dataSource={request.conditionalFields.map((field) => ({ field }))}
          columns={[
            {
              title: t('admin.approve.grant'),
              render: (_: unknown, { field }) => {
                const f = fieldOf(field);
                return (
                  <Checkbox checked={choices[field]!.isGranted} onChange={(e) => set(field, { isGranted: e.target.checked })}>
                    {f ? `${f.nameZh} (${field})` : field}
                  </Checkbox>
                );
              },
            },
            {
              title: t('admin.approve.mask'),
              render: (_: unknown, { field }) => {
                const c = choices[field]!;
                const f = fieldOf(field);
                const strategies = f ? STRATEGIES_BY_TYPE[f.type as FieldType] : [];
                if (!c.isGranted) return '—';
                if (strategies.length === 0) return t('admin.approve.cannotMask', { type: f?.type ?? '' });
                return (
                  <Space wrap>
                    <Checkbox checked={c.isMasked} onChange={(e) => set(field, { isMasked: e.target.checked, strategy: c.strategy ?? strategies[0] ?? null })}>
                      {t('admin.approve.masked')}
                    </Checkbox>
                    {c.isMasked && (
                      <>
                        <Select
                          aria-label={t('admin.approve.strategyOf', { field })}
                          style={{ minWidth: 150 }}
                          value={c.strategy}
                          onChange={(v) => set(field, { strategy: v })}
                          options={strategies.map((s) => ({ value: s, label: t(`admin.mask.${s}`) }))}
                        />
                        {(c.strategy === 'KEEP_FIRST' || c.strategy === 'KEEP_LAST') && (
                          <InputNumber aria-label={t('admin.approve.keepOf', { field })} min={1} max={32} value={c.n} onChange={(v) => set(field, { n: v ?? 1 })} />
                        )}
                      </>
                    )}
                  </Space>
                );
              },
            },
            {
              title: t('admin.approve.preview'),
              render: (_: unknown, { field }) => {
                const c = choices[field]!;
                const f = fieldOf(field);
                if (!c.isGranted || !c.isMasked || !f) return null;
                const problem = problemOf(field);
                const preview = c.sample && !problem ? applyMask(c.sample, { type: f.type as FieldType }, ruleOf(c), hashPlaceholder) : null;
                return (
                  <Space orientation="vertical">
                    <Input aria-label={t('admin.approve.sampleOf', { field })} placeholder={t('admin.approve.sample')} value={c.sample} onChange={(e) => set(field, { sample: e.target.value })} />
                    <output aria-label={t('admin.approve.previewOf', { field })} aria-live="polite" style={{ fontFamily: 'monospace' }}>
                      {problem ? <Typography.Text type="danger">{problem}</Typography.Text> : preview === null ? (c.sample ? t('admin.approve.withheld') : '') : preview}
                    </output>
                  </Space>
                );
              },
            },
          ]}
        />
        <Form layout="vertical">
          <Form.Item label={t('admin.approve.validUntil')} htmlFor="approve-valid-until" extra={t('admin.approve.validUntilHelp', { until: request.validUntil.slice(0, 10) })}>
            <DatePicker
              id="approve-valid-until"
              value={validUntil}
              onChange={setValidUntil}
              disabledDate={(d) => d.isBefore(dayjs(), 'day') || d.isAfter(dayjs(request.validUntil), 'day')}
            />
          </Form.Item>
          <Form.Item label={t('admin.approve.rowScope')} extra={t('admin.approve.rowScopeHelp')}>
            <Space wrap>
              <Select
                aria-label={t('admin.approve.rowScopeField')}
                allowClear
                placeholder={t('admin.approve.rowScopeField')}
                style={{ minWidth: 200 }}
                value={scopeField}
                onChange={setScopeField}
                options={(entry?.fields ?? []).map((f) => ({ value: f.name, label: `${f.nameZh} (${f.name})` }))}
              />
              {scopeField && (
                <Input
                  aria-label={t('admin.approve.rowScopeValues')}
                  placeholder={t('admin.approve.rowScopeValues')}
                  style={{ minWidth: 240 }}
                  value={scopeText}
                  onChange={(e) => setScopeText(e.target.value)}
                />
              )}
            </Space>
          </Form.Item>
          <Form.Item label={t('admin.approve.note')} htmlFor="approve-note">
            <Input.TextArea id="approve-note" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
        </Form>
        {granted.length === 0 && <Alert type="warning" showIcon title={t('admin.approve.noneGranted')} />}
        <ProblemList error={error} />
        <Button type="primary" disabled={!isReady} loading={loading} onClick={() => void submit()}>
          {t('admin.approve.submit', { count: granted.length })}
        </Button>
      </Space>
    </Drawer>
  );
}
