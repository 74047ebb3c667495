// The checklist of an application's materials: each SATISFIED with its source and values, each NEEDED with the reason.
import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Descriptions, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CertificateTypesQuery } from '../../common/catalog/certificateTypes';
import { ResourceTypesQuery } from '../../common/catalog/resourceTypes';
import type { MaterialResolution } from './prepareApplication';

export function Checklist({ materials }: { materials: readonly MaterialResolution[] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const resources = useQuery(ResourceTypesQuery, { fetchPolicy: 'cache-first' }).data?.resourceTypes ?? [];
  const certificates = useQuery(CertificateTypesQuery, { fetchPolicy: 'cache-first' }).data?.certificateTypes ?? [];
  const typeOf = (code: string) => resources.find((r) => r.code === code) ?? certificates.find((c) => c.code === code);
  const label = (typeCode: string, field: string) => {
    const f = typeOf(typeCode)?.fields.find((x) => x.name === field);
    return f ? (en ? f.name : f.nameZh) : field;
  };
  return (
    <section aria-label={t('apply.checklist')}>
    <List
      bordered
      dataSource={[...materials]}
      renderItem={(m) => {
        const type = typeOf(m.typeCode);
        const satisfied = m.outcome === 'SATISFIED';
        return (
          <List.Item>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space wrap>
                {satisfied ? (
                  <Typography.Text type="success" strong>
                    <CheckCircleFilled aria-hidden /> {t('apply.satisfied')}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="warning" strong>
                    <ExclamationCircleFilled aria-hidden /> {t('apply.needed')}
                  </Typography.Text>
                )}
                <Typography.Text strong>{m.name}</Typography.Text>
                <Tag>{type ? (en ? type.nameEn : type.nameZh) : m.typeCode}</Tag>
                {type && <Typography.Text type="secondary">{t('apply.provider', { code: 'providerCode' in type ? type.providerCode : type.issuerCode })}</Typography.Text>}
              </Space>
              {satisfied ? (
                <Typography.Text>
                  {m.certificateIdentifier
                    ? t('apply.fromCertificate', { identifier: m.certificateIdentifier })
                    : m.recordVersion !== null && m.recordVersion !== undefined
                      ? t('apply.fromRecord', { version: m.recordVersion })
                      : t('apply.byAbsence')}
                </Typography.Text>
              ) : (
                <Typography.Text>{t(`reason.${m.reason ?? 'UNKNOWN'}`)}</Typography.Text>
              )}
              {m.missingGrant && (
                <Typography.Text type="secondary">
                  {t('apply.missingGrant', {
                    type: m.missingGrant.typeCode,
                    fields: m.missingGrant.fields.map((f) => label(m.missingGrant!.typeCode, f)).join('、'),
                    purpose: m.missingGrant.purpose,
                    provider: m.missingGrant.providerCode ?? '—',
                  })}
                </Typography.Text>
              )}
              {m.values && Object.keys(m.values).length > 0 && (
                <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
                  {Object.entries(m.values).map(([k, v]) => (
                    <Descriptions.Item key={k} label={label(m.typeCode, k)}>
                      {v === null || v === undefined ? '—' : String(v)}
                    </Descriptions.Item>
                  ))}
                </Descriptions>
              )}
            </Space>
          </List.Item>
        );
      }}
    />
    </section>
  );
}
