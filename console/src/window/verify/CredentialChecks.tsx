// What the hub found in a holder's Verifiable Credential: issuer, key, validity, and each status list's answer in words,
// each with its icon as well as its colour.
import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { Alert, Descriptions, Typography } from 'antd';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../common/format/time';
import type { Verification } from './verificationDocument';

type Check = NonNullable<Verification['credential']>;
type Answer = Check['revocation'];

/** How an answer looks: a clear list is good news, a set bit bad news, anything else leaves the standing unknown. */
const LOOK: Record<Answer, { Icon: ComponentType<{ 'aria-hidden'?: boolean }>; color: string }> = {
  CLEAR: { Icon: CheckCircleFilled, color: '#237804' },
  SET: { Icon: CloseCircleFilled, color: '#a8071a' },
  UNAVAILABLE: { Icon: QuestionCircleFilled, color: '#ad4e00' },
  INVALID: { Icon: QuestionCircleFilled, color: '#ad4e00' },
  STALE: { Icon: QuestionCircleFilled, color: '#ad4e00' },
  ABSENT: { Icon: QuestionCircleFilled, color: '#ad4e00' },
};

/** The standings a credential explains beyond the status tag. */
const NOTES = new Set(['STATUS_UNKNOWN', 'EXPIRED', 'NOT_YET_VALID']);

function ListAnswer({ purpose, answer }: { purpose: 'revocation' | 'suspension'; answer: Answer }) {
  const { t } = useTranslation();
  const { Icon, color } = LOOK[answer];
  const words = answer === 'CLEAR' || answer === 'SET' ? t(`credential.${purpose}.${answer}`) : t(`credential.list.${answer}`);
  return (
    <Typography.Text strong style={{ color }}>
      <Icon aria-hidden /> {words}
    </Typography.Text>
  );
}

export function CredentialChecks({ v }: { v: Verification }) {
  const { t, i18n } = useTranslation();
  const c = v.credential;
  if (!c) return null;
  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
        {t('credential.block')}
      </Typography.Title>
      {NOTES.has(v.status) && <Alert type="warning" showIcon title={t(`credential.note.${v.status}`)} style={{ marginBottom: 12 }} />}
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('credential.revocationCheck')}>
          <ListAnswer purpose="revocation" answer={c.revocation} />
        </Descriptions.Item>
        <Descriptions.Item label={t('credential.suspensionCheck')}>
          <ListAnswer purpose="suspension" answer={c.suspension} />
        </Descriptions.Item>
        <Descriptions.Item label={t('credential.validity')}>
          {formatTime(c.validFrom, i18n.language)} – {c.validUntil ? formatTime(c.validUntil, i18n.language) : t('verify.noEnd')}
        </Descriptions.Item>
        <Descriptions.Item label={t('credential.issuer')}>
          <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
            {c.issuer}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('credential.kid')}>
          <span style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{c.kid}</span>
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
