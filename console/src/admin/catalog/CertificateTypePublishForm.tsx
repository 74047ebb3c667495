// Publishing a certificate type the department issues, or a new version of one: its identifier mark, holder kind,
// default validity and face fields; the API's problems land on the field they concern, and a removed face field that
// grants still use is shown with those grants.
import { useMutation } from '@apollo/client/react';
import { Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../staff-gql';
import type { PublishCertificateTypeInput } from '../../staff-gql/graphql';
import type { CatalogCertificateType } from './CatalogPage';
import { emptyField, fieldInputOf, fieldInputsFor, FieldListInput } from './FieldListInput';
import { PublishDrawer, usePublishForm } from './PublishDrawer';

const PublishMutation = graphql(`
  mutation PublishCertificateTypeForm($input: PublishCertificateTypeInput!) {
    publishCertificateType(input: $input) {
      certificateType {
        code
        version
      }
    }
  }
`);

export function CertificateTypePublishForm({ existing, onClose }: { existing: CatalogCertificateType | null; onClose(published: boolean): void }) {
  const { t } = useTranslation();
  const state = usePublishForm<PublishCertificateTypeInput>();
  const [publish, { loading }] = useMutation(PublishMutation);
  const required = [{ required: true, message: t('admin.common.required') }];
  const initial: PublishCertificateTypeInput = existing
    ? {
        code: existing.code,
        identifierCode: existing.identifierCode,
        nameZh: existing.nameZh,
        nameEn: existing.nameEn,
        holderKind: existing.holderKind,
        description: existing.description,
        defaultValidityDays: existing.defaultValidityDays ?? null,
        fields: existing.fields.map(fieldInputOf),
      }
    : { code: '', identifierCode: '', nameZh: '', nameEn: '', holderKind: 'PERSON', description: '', defaultValidityDays: null, fields: [emptyField()] };

  const submit = (values: PublishCertificateTypeInput) =>
    state.send(async () => {
      const input = { ...values, identifierCode: values.identifierCode.trim().toUpperCase(), defaultValidityDays: values.defaultValidityDays ?? null, fields: fieldInputsFor(values.fields) };
      const res = await publish({ variables: { input } });
      return { published: res.data?.publishCertificateType?.certificateType, error: res.error };
    });

  return (
    <PublishDrawer
      title={existing ? t('admin.catalog.newVersionTitle', { code: existing.code, version: existing.version + 1 }) : t('admin.certificateTypes.publishNew')}
      state={state}
      initialValues={initial}
      loading={loading}
      onFinish={submit}
      onClose={onClose}
    >
      <Space wrap align="start" style={{ width: '100%' }}>
        <Form.Item name="code" label={t('admin.catalog.code')} rules={required} extra={t('admin.certificateTypes.codeHelp')}>
          <Input disabled={!!existing} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="identifierCode" label={t('admin.certificateTypes.identifierCode')} rules={required} extra={t('admin.certificateTypes.identifierCodeHelp')}>
          <Input disabled={!!existing} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Space>
      <Space wrap align="start" style={{ width: '100%' }}>
        <Form.Item name="nameZh" label={t('admin.catalog.nameZh')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('admin.catalog.nameEn')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="holderKind" label={t('admin.certificateTypes.holderKind')}>
          <Select disabled={!!existing} style={{ minWidth: 140 }} options={['PERSON', 'ORGANIZATION'].map((k) => ({ value: k, label: t(`admin.subjectKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="defaultValidityDays" label={t('admin.certificateTypes.defaultValidityDays')} extra={t('admin.certificateTypes.defaultValidityHelp')}>
          <InputNumber min={1} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Space>
      <Form.Item name="description" label={t('admin.catalog.description')} rules={required}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <FieldListInput />
    </PublishDrawer>
  );
}
