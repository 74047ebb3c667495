// 数据目录: the resource types and certificate types with their fields; a type's versions and what changed between two;
// publishing a new type (resource or certificate) or a new version of one of the department's own.
import { useQuery } from '@apollo/client/react';
import { Button, Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../common/errors/ProblemList';
import { graphql } from '../../staff-gql';
import type { AdminCatalogQuery } from '../../staff-gql/graphql';
import '../i18n/register';
import { useDepartmentCode } from '../viewer';
import { CertificateTypePublishForm } from './CertificateTypePublishForm';
import { PublishForm } from './PublishForm';
import { RotateKey } from './RotateKey';
import { VersionsDrawer, type CatalogKind } from './VersionsDrawer';

// The selections are the fragments of catalogFragments.ts, shared with the versions and the publish forms.
export const AdminCatalogQueryDoc = graphql(`
  query AdminCatalog {
    resourceTypes {
      ...ResourceTypeFacts
    }
    certificateTypes {
      ...CertificateTypeFacts
    }
  }
`);

export type CatalogField = AdminCatalogQuery['resourceTypes'][number]['fields'][number];
export type CatalogResourceType = AdminCatalogQuery['resourceTypes'][number];
export type CatalogCertificateType = AdminCatalogQuery['certificateTypes'][number];

const SHARING_COLOURS: Record<string, string> = { UNCONDITIONAL: '#237804', CONDITIONAL: '#ad4e00', NOT_SHARED: '#a8071a' };

export function SharingTag({ sharing }: { sharing: string }) {
  const { t } = useTranslation();
  return <Tag color={SHARING_COLOURS[sharing]}>{t(`admin.sharing.${sharing}`)}</Tag>;
}

export function FieldsTable({ fields }: { fields: readonly CatalogField[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="name"
      pagination={false}
      dataSource={[...fields]}
      scroll={{ x: true }}
      columns={[
        { title: t('admin.catalog.field'), dataIndex: 'name', render: (name: string, f) => `${f.nameZh} (${name})` },
        { title: t('admin.catalog.type'), dataIndex: 'type', render: (type: string, f) => (f.enumValues?.length ? `${type}: ${f.enumValues.join(' / ')}` : type) },
        { title: t('admin.catalog.sharing'), dataIndex: 'sharing', render: (s: string) => <SharingTag sharing={s} /> },
        { title: t('admin.catalog.required'), dataIndex: 'required', render: (r: boolean) => (r ? t('admin.common.yes') : t('admin.common.no')) },
        { title: t('admin.catalog.description'), dataIndex: 'description' },
      ]}
    />
  );
}

export default function CatalogPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const department = useDepartmentCode();
  const { data, error, refetch } = useQuery(AdminCatalogQueryDoc);
  const [tab, setTab] = useState('resource');
  const [versionsOf, setVersionsOf] = useState<{ kind: CatalogKind; code: string } | null>(null);
  const [publishing, setPublishing] = useState<CatalogResourceType | 'NEW' | null>(null);
  const [publishingCertificate, setPublishingCertificate] = useState<CatalogCertificateType | 'NEW' | null>(null);
  const types = data?.resourceTypes ?? [];
  const closed = (published: boolean) => {
    setPublishing(null);
    setPublishingCertificate(null);
    if (published) void refetch();
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('admin.catalog.title')}
        </Typography.Title>
        {tab === 'resource' ? (
          <Button type="primary" onClick={() => setPublishing('NEW')}>
            {t('admin.catalog.publishNew')}
          </Button>
        ) : (
          <Button type="primary" onClick={() => setPublishingCertificate('NEW')}>
            {t('admin.certificateTypes.publishNew')}
          </Button>
        )}
      </Space>
      <ProblemList error={error} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'resource',
            label: t('admin.catalog.resourceTypes'),
            children: (
              <Table
                rowKey="code"
                size="small"
                dataSource={types}
                pagination={false}
                scroll={{ x: true }}
                expandable={{ expandedRowRender: (r) => <FieldsTable fields={r.fields} />, rowExpandable: () => true }}
                columns={[
                  { title: t('admin.catalog.name'), dataIndex: 'code', render: (code: string, r) => `${en ? r.nameEn : r.nameZh} (${code})` },
                  {
                    title: t('admin.catalog.provider'),
                    dataIndex: 'providerCode',
                    render: (p: string) => (p === department ? <Tag color="#0958d9">{t('admin.catalog.ours')}</Tag> : p),
                  },
                  { title: t('admin.catalog.version'), dataIndex: 'version' },
                  { title: t('admin.catalog.fieldCount'), render: (_: unknown, r) => r.fields.length },
                  {
                    title: t('admin.common.actions'),
                    render: (_: unknown, r) => (
                      <Space wrap>
                        <Button size="small" onClick={() => setVersionsOf({ kind: 'RESOURCE_TYPE', code: r.code })} aria-label={t('admin.catalog.versionsOf', { code: r.code })}>
                          {t('admin.catalog.versions')}
                        </Button>
                        {r.providerCode === department && (
                          <Button size="small" onClick={() => setPublishing(r)} aria-label={t('admin.catalog.newVersionOf', { code: r.code })}>
                            {t('admin.catalog.newVersion')}
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'certificate',
            label: t('admin.catalog.certificateTypes'),
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <RotateKey />
                {(data?.certificateTypes ?? []).map((c) => (
                  <Card
                    key={c.code}
                    size="small"
                    title={`${en ? c.nameEn : c.nameZh} (${c.code} · ${c.identifierCode})`}
                    extra={c.issuerCode === department ? <Tag color="#0958d9">{t('admin.catalog.ours')}</Tag> : c.issuerCode}
                  >
                    <Space orientation="vertical" style={{ width: '100%' }}>
                      <Typography.Text>
                        {t('admin.certificateTypes.summary', {
                          version: c.version,
                          holder: t(`admin.subjectKind.${c.holderKind}`),
                          validity: c.defaultValidityDays ? t('admin.certificateTypes.validityDays', { days: c.defaultValidityDays }) : t('admin.certificateTypes.noEnd'),
                        })}
                      </Typography.Text>
                      <Typography.Paragraph style={{ margin: 0 }}>{c.description}</Typography.Paragraph>
                      <Space wrap>
                        <Button size="small" onClick={() => setVersionsOf({ kind: 'CERTIFICATE_TYPE', code: c.code })} aria-label={t('admin.catalog.versionsOf', { code: c.code })}>
                          {t('admin.catalog.versions')}
                        </Button>
                        {c.issuerCode === department && (
                          <Button size="small" onClick={() => setPublishingCertificate(c)} aria-label={t('admin.catalog.newVersionOf', { code: c.code })}>
                            {t('admin.catalog.newVersion')}
                          </Button>
                        )}
                      </Space>
                      <FieldsTable fields={c.fields} />
                    </Space>
                  </Card>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {versionsOf && <VersionsDrawer kind={versionsOf.kind} code={versionsOf.code} onClose={() => setVersionsOf(null)} />}
      {publishing && <PublishForm existing={publishing === 'NEW' ? null : publishing} onClose={closed} />}
      {publishingCertificate && <CertificateTypePublishForm existing={publishingCertificate === 'NEW' ? null : publishingCertificate} onClose={closed} />}
    </Space>
  );
}
