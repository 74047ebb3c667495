// One verification answer as a card: authentic or not (word, icon and colour), status now, issuer, validity, holder, face.
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, LockOutlined } from '@ant-design/icons';
import { Descriptions, Space, Tag, Typography } from 'antd';
import { Panel } from '../../common/layout/Panel';
import { useTranslation } from 'react-i18next';
import type { CertificateTypeInfo } from '../../common/catalog/certificateTypes';
import { formatTime } from '../../common/format/time';
import type { FaceLayout, Verification } from './verificationDocument';

/** Solid colours dark enough for white text (WCAG AA); the status is also always written out. */
const STATUS_COLOR: Record<string, string> = { VALID: '#237804', SUSPENDED: '#ad4e00', REVOKED: '#a8071a', CANCELLED: '#595959', EXPIRED: '#ad4e00', NOT_YET_VALID: '#ad4e00', NOT_FOUND: '#a8071a', STATUS_UNKNOWN: '#a8071a' };

export function AuthenticityBadge({ v }: { v: Verification }) {
  const { t } = useTranslation();
  if (v.status === 'NOT_FOUND')
    return (
      <Typography.Text type="danger" strong>
        <ExclamationCircleFilled aria-hidden /> {t('verify.notFound')}
      </Typography.Text>
    );
  return v.authentic ? (
    <Typography.Text type="success" strong>
      <CheckCircleFilled aria-hidden /> {t('verify.authentic')}
    </Typography.Text>
  ) : (
    <Typography.Text type="danger" strong>
      <CloseCircleFilled aria-hidden /> {t('verify.notAuthentic')}
    </Typography.Text>
  );
}

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status] ?? '#595959'}>{t(`status.${status}`, { defaultValue: status })}</Tag>;
}

function display(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return String(value);
}

export function VerificationCard({ v, types, layout, withheld, pathPrefix }: { v: Verification; types: readonly CertificateTypeInfo[]; layout: FaceLayout; withheld: Set<string>; pathPrefix: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const type = types.find((x) => x.code === (v.face?.certificateType ?? v.certificateType?.code));
  const keys = type ? layout.get(type.code) : undefined;
  const good = v.authentic && v.status === 'VALID';
  return (
    <Panel
      role="region"
      aria-label={t('verify.resultFor', { identifier: v.identifier })}
      style={{ borderColor: good ? '#52c41a' : '#ff4d4f', borderWidth: 2 }}
      title={
        <Space wrap>
          <AuthenticityBadge v={v} />
          <StatusTag status={v.status} />
        </Space>
      }
    >
      <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small" bordered>
        <Descriptions.Item label={t('verify.identifier')}>
          <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
            {v.identifier}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.type')}>{v.certificateType ? (en ? v.certificateType.nameEn : v.certificateType.nameZh) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('verify.issuer')}>{v.issuer ? `${v.issuer.name} (${v.issuer.code})` : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('verify.validity')}>
          {v.validFrom ? formatTime(v.validFrom, i18n.language) : '—'} – {v.validUntil ? formatTime(v.validUntil, i18n.language) : v.validFrom ? t('verify.noEnd') : '—'}
        </Descriptions.Item>
        {v.holder && (
          <>
            <Descriptions.Item label={t('verify.holderName')}>
              {v.holder.name} {v.holder.isNameMasked && <Tag icon={<LockOutlined aria-hidden />}>{t('verify.masked')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('verify.holderId')}>
              {v.holder.idNumber} {v.holder.isIdNumberMasked && <Tag icon={<LockOutlined aria-hidden />}>{t('verify.masked')}</Tag>}
            </Descriptions.Item>
          </>
        )}
        <Descriptions.Item label={t('verify.checkedAt')}>{formatTime(v.checkedAt, i18n.language, true)}</Descriptions.Item>
        {v.presentation && <Descriptions.Item label={t('verify.presentedAt')}>{formatTime(v.presentation.presentedAt, i18n.language, true)}</Descriptions.Item>}
        {v.successor && <Descriptions.Item label={t('verify.successor')}>{v.successor}</Descriptions.Item>}
      </Descriptions>
      {v.face && type && keys && (
        <>
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
            {t('verify.face')}
          </Typography.Title>
          <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small" bordered>
            {type.fields.map((f) => {
              const key = keys.get(f.name) ?? f.name;
              const isWithheld = withheld.has(`${pathPrefix}.face.${key}`);
              return (
                <Descriptions.Item key={f.name} label={en ? f.name : f.nameZh}>
                  {isWithheld ? (
                    <Tag icon={<LockOutlined aria-hidden />} color="default">
                      {t('verify.withheld')}
                    </Tag>
                  ) : (
                    display(v.face?.[key])
                  )}
                </Descriptions.Item>
              );
            })}
          </Descriptions>
        </>
      )}
    </Panel>
  );
}
