// Publishing a resource type or a new version of one: the form's fields take the API's problems on the field they
// concern; a removed field that grants still use is shown with those grants.
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../common/errors/ProblemList';
import { graphql } from '../../staff-gql';
import type { PublishResourceTypeInput } from '../../staff-gql/graphql';
import type { CatalogResourceType } from './CatalogPage';
import { emptyField, fieldInputOf, fieldInputsFor, FieldListInput } from './FieldListInput';
import { usePublishRefusal } from './publishRefusal';
import { UsedByGrantsAlert } from './UsedByGrantsAlert';

const PublishMutation = graphql(`
  mutation PublishResourceTypeForm($input: PublishResourceTypeInput!) {
    publishResourceType(input: $input) {
      resourceType {
        code
        version
      }
    }
  }
`);

export function PublishForm({ existing, onClose }: { existing: CatalogResourceType | null; onClose(published: boolean): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PublishResourceTypeInput>();
  const [publish, { loading }] = useMutation(PublishMutation);
  const refusal = usePublishRefusal(form);
  const [published, setPublished] = useState<{ code: string; version: number } | null>(null);
  const initial: PublishResourceTypeInput = existing
    ? {
        code: existing.code,
        nameZh: existing.nameZh,
        nameEn: existing.nameEn,
        description: existing.description,
        subjectKind: existing.subjectKind,
        fields: existing.fields.map(fieldInputOf),
      }
    : { code: '', nameZh: '', nameEn: '', description: '', subjectKind: 'PERSON', fields: [emptyField()] };

  async function submit(values: PublishResourceTypeInput) {
    refusal.reset();
    const res = await publish({ variables: { input: { ...values, fields: fieldInputsFor(values.fields) } } });
    if (res.data?.publishResourceType) setPublished(res.data.publishResourceType.resourceType);
    else refusal.show(res.error);
  }

  return (
    <Drawer
      open
      size="large"
      title={existing ? t('admin.catalog.newVersionTitle', { code: existing.code, version: existing.version + 1 }) : t('admin.catalog.publishNew')}
      onClose={() => onClose(!!published)}
      closable={{ 'aria-label': t('common.close') }}
    >
      {published ? (
        <Alert type="success" showIcon role="status" title={t('admin.catalog.published', published)} action={<Button onClick={() => onClose(true)}>{t('common.close')}</Button>} />
      ) : (
        <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
          <Form.Item name="code" label={t('admin.catalog.code')} rules={[{ required: true, message: t('admin.common.required') }]} extra={t('admin.catalog.codeHelp')}>
            <Input disabled={!!existing} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <Space wrap style={{ width: '100%' }}>
            <Form.Item name="nameZh" label={t('admin.catalog.nameZh')} rules={[{ required: true, message: t('admin.common.required') }]}>
              <Input />
            </Form.Item>
            <Form.Item name="nameEn" label={t('admin.catalog.nameEn')} rules={[{ required: true, message: t('admin.common.required') }]}>
              <Input />
            </Form.Item>
            <Form.Item name="subjectKind" label={t('admin.catalog.subjectKind')}>
              <Select disabled={!!existing} style={{ minWidth: 140 }} options={['PERSON', 'ORGANIZATION'].map((k) => ({ value: k, label: t(`admin.subjectKind.${k}`) }))} />
            </Form.Item>
          </Space>
          <Form.Item name="description" label={t('admin.catalog.description')} rules={[{ required: true, message: t('admin.common.required') }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <FieldListInput />
          <UsedByGrantsAlert usedByGrants={refusal.usedByGrants} />
          <ProblemList error={refusal.error} />
          <Button type="primary" htmlType="submit" loading={loading} style={{ marginTop: 16 }}>
            {t('admin.catalog.publish')}
          </Button>
        </Form>
      )}
    </Drawer>
  );
}
