// One audit event in a panel: who, when, why, the fields returned, masked and denied, the grants it cites, and its
// position in the chain (for auditors: covered by a signed checkpoint or not yet).
import { useQuery } from '@apollo/client/react';
import { Descriptions, Drawer, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../common/format/time';
import { AuditChainQueryDoc } from '../chain/auditChain';
import { OUTCOME_COLOURS, type AuditEventItem } from './AuditSearchPage';

function fieldList(fields: readonly string[], colour: string) {
  return fields.length ? fields.map((f) => <Tag key={f} color={colour}>{f}</Tag>) : '—';
}

export function EventPanel({ event: e, isAuditor, onClose }: { event: AuditEventItem; isAuditor: boolean; onClose(): void }) {
  const { t, i18n } = useTranslation();
  // The chain's checkpoints are the auditors' to read; an administrator sees the event's place in the chain only.
  const chain = useQuery(AuditChainQueryDoc, { skip: !isAuditor }).data?.auditChain;
  const grants = (e.details?.grants ?? null) as Record<string, string> | null;
  const checkpoint = chain?.lastCheckpoint;
  const isCovered = checkpoint ? BigInt(e.seq) <= BigInt(checkpoint.seq) : false;
  return (
    <Drawer
      open
      rootClassName="audit-event-panel"
      title={t('audit.event.title', { seq: e.seq })}
      onClose={onClose}
      size="large"
      closable={{ 'aria-label': t('common.close') }}
    >
      {/* The panel scrolls on a phone: its content takes the keyboard focus from the first render, so it scrolls without a mouse too. */}
      <div tabIndex={0}>
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t('audit.event.at')}>{formatTime(e.occurredAt, i18n.language, true)}</Descriptions.Item>
        <Descriptions.Item label={t('audit.event.outcome')}>
          <Tag color={OUTCOME_COLOURS[e.outcome]}>{t(`outcome.${e.outcome}`)}</Tag>
          {e.errorCodes.join(', ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.event.action')}>
          {e.action}
          {e.operationName ? ` · ${e.operationName}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.event.who')}>{`${t(`audit.principal.${e.principalKind}`)} · ${e.clientId ?? '—'} · ${e.departmentCode ?? '—'}`}</Descriptions.Item>
        <Descriptions.Item label={t('audit.event.purpose')}>{`${e.purpose ?? '—'} · ${t('audit.event.case')} ${e.caseNumber ?? '—'}`}</Descriptions.Item>
        <Descriptions.Item label={t('audit.event.types')}>{e.resourceTypes.join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('audit.event.subjects')}>{t('audit.event.subjectCount', { count: e.subjectHashes.length })}</Descriptions.Item>
        <Descriptions.Item label={t('audit.event.returned')}>{fieldList(e.fieldsReturned, '#237804')}</Descriptions.Item>
        <Descriptions.Item label={t('audit.event.masked')}>{fieldList(e.fieldsMasked, '#ad4e00')}</Descriptions.Item>
        <Descriptions.Item label={t('audit.event.denied')}>{fieldList(e.fieldsDenied, '#a8071a')}</Descriptions.Item>
        <Descriptions.Item label={t('audit.event.grants')}>
          {grants && Object.keys(grants).length ? (
            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
              {Object.entries(grants).map(([field, grant]) => (
                <li key={field}>
                  {field}: <code>{grant}</code>
                </li>
              ))}
            </ul>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.event.request')}>
          <code>{e.requestId}</code>
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.event.chain')}>
          <div>{t('audit.event.seq', { seq: e.seq })}</div>
          <div style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{e.hash}</div>
          {isAuditor && <div>{checkpoint ? (isCovered ? t('audit.event.covered', { seq: checkpoint.seq }) : t('audit.event.notYetCovered', { seq: checkpoint.seq })) : t('audit.event.noCheckpoint')}</div>}
        </Descriptions.Item>
      </Descriptions>
      </div>
    </Drawer>
  );
}
