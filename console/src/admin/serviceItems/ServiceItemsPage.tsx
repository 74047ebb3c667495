// 服务事项: the government services (政务服务事项) with their required materials, each from a certificate type or fields
// of a resource type; the handling department's administrator publishes a new item or a new version of one.
import { useQuery } from '@apollo/client/react';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../common/errors/ProblemList';
import '../i18n/register';
import { useDepartmentCode } from '../viewer';
import { AdminServiceItemsQueryDoc, type AdminMaterial, type AdminServiceItem } from './serviceItems';
import { ServiceItemForm } from './ServiceItemForm';

function MaterialsTable({ materials }: { materials: readonly AdminMaterial[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      scroll={{ x: true }}
      dataSource={[...materials]}
      columns={[
        { title: t('admin.serviceItems.material'), dataIndex: 'name', render: (name: string, m) => `${name} (${m.key})` },
        { title: t('admin.serviceItems.source'), dataIndex: 'source', render: (s: string) => t(`admin.materialSource.${s}`) },
        { title: t('admin.serviceItems.typeCode'), dataIndex: 'typeCode' },
        { title: t('admin.serviceItems.fields'), dataIndex: 'fields', render: (f: readonly string[]) => (f.length ? f.join('、') : '—') },
        {
          title: t('admin.serviceItems.condition'),
          dataIndex: 'condition',
          render: (c: AdminMaterial['condition']) => (c ? `${c.field} ${t(`admin.conditionOperator.${c.operator}`)} ${c.values.join('、')}` : '—'),
        },
        {
          title: t('admin.serviceItems.flags'),
          render: (_: unknown, m) => (
            <Space wrap>
              {m.isConsentRequired && <Tag>{t('admin.serviceItems.consentRequired')}</Tag>}
              {m.isSatisfiedWhenAbsent && <Tag>{t('admin.serviceItems.satisfiedWhenAbsent')}</Tag>}
            </Space>
          ),
        },
      ]}
    />
  );
}

export default function ServiceItemsPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const department = useDepartmentCode();
  const { data, error, refetch } = useQuery(AdminServiceItemsQueryDoc);
  const [editing, setEditing] = useState<AdminServiceItem | 'NEW' | null>(null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('admin.serviceItems.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setEditing('NEW')}>
          {t('admin.serviceItems.publishNew')}
        </Button>
      </Space>
      <Typography.Paragraph style={{ margin: 0 }}>{t('admin.serviceItems.intro')}</Typography.Paragraph>
      <ProblemList error={error} />
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={data?.serviceItems ?? []}
        expandable={{ expandedRowRender: (r) => <MaterialsTable materials={r.materials} />, rowExpandable: () => true }}
        columns={[
          { title: t('admin.catalog.name'), dataIndex: 'code', render: (code: string, r) => `${en ? r.nameEn : r.name} (${code})` },
          {
            title: t('admin.serviceItems.department'),
            dataIndex: 'departmentCode',
            render: (d: string) => (d === department ? <Tag color="#0958d9">{t('admin.catalog.ours')}</Tag> : d),
          },
          { title: t('admin.catalog.version'), dataIndex: 'version' },
          { title: t('admin.serviceItems.materialCount'), render: (_: unknown, r) => r.materials.length },
          {
            title: t('admin.common.actions'),
            render: (_: unknown, r) =>
              r.departmentCode === department && (
                <Button size="small" onClick={() => setEditing(r)} aria-label={t('admin.catalog.newVersionOf', { code: r.code })}>
                  {t('admin.catalog.newVersion')}
                </Button>
              ),
          },
        ]}
      />
      {editing && (
        <ServiceItemForm
          existing={editing === 'NEW' ? null : editing}
          onClose={(published) => {
            setEditing(null);
            if (published) void refetch();
          }}
        />
      )}
    </Space>
  );
}
