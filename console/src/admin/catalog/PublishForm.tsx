// Publishing a resource type or a new version of one: the form's fields take the API's problems on the field they
// concern; a removed field that grants still use is shown with those grants.
import { useMutation } from '@apollo/client/react';
import { Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../staff-gql';
import type { PublishResourceTypeInput } from '../../staff-gql/graphql';
import type { CatalogResourceType } from './CatalogPage';
import { emptyField, fieldInputOf, fieldInputsFor, FieldListInput } from './FieldListInput';
import { PublishDrawer, usePublishForm } from './PublishDrawer';

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
  const state = usePublishForm<PublishResourceTypeInput>();
  const [publish, { loading }] = useMutation(PublishMutation);
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

  const submit = (values: PublishResourceTypeInput) =>
    state.send(async () => {
      const res = await publish({ variables: { input: { ...values, fields: fieldInputsFor(values.fields) } } });
      return { published: res.data?.publishResourceType?.resourceType, error: res.error };
    });

  return (
    <PublishDrawer
      title={existing ? t('admin.catalog.newVersionTitle', { code: existing.code, version: existing.version + 1 }) : t('admin.catalog.publishNew')}
      state={state}
      initialValues={initial}
      loading={loading}
      onFinish={submit}
      onClose={onClose}
    >
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
    </PublishDrawer>
  );
}
