// 数据目录: the resource types and certificate types with their fields; a type's versions and what changed between two;
// publishing a new type or a new version of one of the department's own.
import { useQuery } from '@apollo/client/react';
import { Button, Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../common/errors/ProblemList';
import { graphql } from '../../staff-gql';
import type { AdminCatalogQuery } from '../../staff-gql/graphql';
import '../i18n/register';
import { useDepartmentCode } from '../viewer';
import { PublishForm } from './PublishForm';
import { RotateKey } from './RotateKey';
import { VersionsDrawer } from './VersionsDrawer';

export const AdminCatalogQueryDoc = graphql(`
  query AdminCatalog {
    resourceTypes {
      code
      nameZh
      nameEn
      providerCode
      subjectKind
      description
      version
      fields {
        name
        nameZh
        type
        sharing
        required
        description
        enumValues
      }
    }
    certificateTypes {
      code
      nameZh
      nameEn
      issuerCode
      identifierCode
      holderKind
      version
      description
      fields {
        name
        nameZh
        type
        sharing
        required
        description
        enumValues
      }
    }
  }
`);

export type CatalogField = AdminCatalogQuery['resourceTypes'][number]['fields'][number];
export type CatalogResourceType = AdminCatalogQuery['resourceTypes'][number];

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
  const [versionsOf, setVersionsOf] = useState<string | null>(null);
  const [publishing, setPublishing] = useState<CatalogResourceType | 'NEW' | null>(null);
  const types = data?.resourceTypes ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('admin.catalog.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setPublishing('NEW')}>
          {t('admin.catalog.publishNew')}
        </Button>
      </Space>
      <ProblemList error={error} />
      <Tabs
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
                        <Button size="small" onClick={() => setVersionsOf(r.code)} aria-label={t('admin.catalog.versionsOf', { code: r.code })}>
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
                  <Card key={c.code} size="small" title={`${en ? c.nameEn : c.nameZh} (${c.code} · ${c.identifierCode})`} extra={c.issuerCode === department ? <Tag color="#0958d9">{t('admin.catalog.ours')}</Tag> : c.issuerCode}>
                    <Typography.Paragraph>{c.description}</Typography.Paragraph>
                    <FieldsTable fields={c.fields} />
                  </Card>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {versionsOf && <VersionsDrawer code={versionsOf} onClose={() => setVersionsOf(null)} />}
      {publishing && (
        <PublishForm
          existing={publishing === 'NEW' ? null : publishing}
          onClose={(published) => {
            setPublishing(null);
            if (published) void refetch();
          }}
        />
      )}
    </Space>
  );
}
