// 审计链: the last signed checkpoint, its signature checked here in the browser against the hub's published keys, and
// the time and result of the last full `sharehub audit verify`.
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../common/errors/ProblemList';
import { formatTime } from '../../common/format/time';
import '../i18n/register';
import { AuditChainQueryDoc, checkCheckpoint, type CheckpointCheck } from './auditChain';

export default function AuditChainPage() {
  const { t, i18n } = useTranslation();
  const { data, error } = useQuery(AuditChainQueryDoc);
  const [check, setCheck] = useState<CheckpointCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const chain = data?.auditChain;
  const cp = chain?.lastCheckpoint;
  const v = chain?.lastVerification;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('audit.chain.title')}
      </Typography.Title>
      <ProblemList error={error} />
      <Card size="small" title={t('audit.chain.checkpoint')}>
        {cp ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Descriptions bordered size="small" column={1}>
              <Descriptions.Item label={t('audit.chain.head')}>{chain?.headSeq ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('audit.chain.checkpointSeq')}>{cp.seq}</Descriptions.Item>
              <Descriptions.Item label={t('audit.chain.signedAt')}>{formatTime(cp.createdAt, i18n.language, true)}</Descriptions.Item>
              <Descriptions.Item label={t('audit.chain.headHash')}>
                <span style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{cp.headHash}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('audit.chain.kid')}>
                <span style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{cp.kid}</span>
              </Descriptions.Item>
            </Descriptions>
            <Button
              type="primary"
              loading={checking}
              onClick={async () => {
                setChecking(true);
                setCheck(await checkCheckpoint(cp));
                setChecking(false);
              }}
            >
              {t('audit.chain.check')}
            </Button>
            {check && (
              <Alert
                role="status"
                showIcon
                type={check.isValid ? 'success' : 'error'}
                title={check.isValid ? t('audit.chain.valid', { kid: check.kid }) : t(`audit.chain.invalid.${check.reason}`)}
              />
            )}
          </Space>
        ) : (
          <Alert type="warning" showIcon title={t('audit.chain.noCheckpoint')} />
        )}
      </Card>
      <Card size="small" title={t('audit.chain.verification')}>
        {v ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert
              role="status"
              showIcon
              type={v.isIntact ? 'success' : 'error'}
              title={v.isIntact ? t('audit.chain.intact', { at: formatTime(v.verifiedAt, i18n.language, true) }) : t('audit.chain.broken', { at: formatTime(v.verifiedAt, i18n.language, true), seq: v.firstBrokenSeq })}
              description={v.problem ?? undefined}
            />
            <Descriptions bordered size="small" column={1}>
              <Descriptions.Item label={t('audit.chain.events')}>{v.events}</Descriptions.Item>
              <Descriptions.Item label={t('audit.chain.checkpoints')}>{v.checkpoints}</Descriptions.Item>
              <Descriptions.Item label={t('audit.chain.from')}>{v.fromSeq === '0' ? t('audit.chain.fromStart') : v.fromSeq}</Descriptions.Item>
              <Descriptions.Item label={t('audit.chain.lastChecked')}>{v.lastCheckpointSeq ?? '—'}</Descriptions.Item>
            </Descriptions>
          </Space>
        ) : (
          <Alert type="warning" showIcon title={t('audit.chain.neverVerified')} description={t('audit.chain.howToVerify')} />
        )}
      </Card>
    </Space>
  );
}
