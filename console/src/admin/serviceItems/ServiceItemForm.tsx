// Publishing a service item or a new version of one: its code and names, and its materials, each a certificate type
// or fields of a resource type (with an optional condition on the data); the API's problems land on the field they
// concern.
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Form, Input, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConditionOperator, MaterialSource, PublishServiceItemInput } from '../../staff-gql/graphql';
import { AdminCatalogQueryDoc } from '../catalog/CatalogPage';
import { PublishDrawer, usePublishForm } from '../catalog/PublishDrawer';
import { PublishServiceItemMutation, type AdminMaterial, type AdminServiceItem } from './serviceItems';

const OPERATORS: readonly ConditionOperator[] = ['EQUALS', 'NOT_EQUALS', 'IN', 'AT_LEAST', 'AT_MOST'];

/** A material as the form holds it: the condition always there, empty when the material has none. */
interface MaterialValues {
  key: string;
  name: string;
  source: MaterialSource;
  typeCode: string;
  fields: string[];
  isConsentRequired: boolean;
  isSatisfiedWhenAbsent: boolean;
  condition: { field: string | null; operator: ConditionOperator; values: string[] };
}

interface FormValues {
  code: string;
  name: string;
  nameEn: string;
  materials: MaterialValues[];
}

const emptyMaterial = (): MaterialValues => ({
  key: '',
  name: '',
  source: 'CERTIFICATE',
  typeCode: '',
  fields: [],
  isConsentRequired: false,
  isSatisfiedWhenAbsent: false,
  condition: { field: null, operator: 'EQUALS', values: [] },
});

const materialValuesOf = (m: AdminMaterial): MaterialValues => ({
  key: m.key,
  name: m.name,
  source: m.source,
  typeCode: m.typeCode,
  fields: [...m.fields],
  isConsentRequired: m.isConsentRequired,
  isSatisfiedWhenAbsent: m.isSatisfiedWhenAbsent,
  condition: m.condition ? { field: m.condition.field, operator: m.condition.operator, values: [...m.condition.values] } : emptyMaterial().condition,
});

/** The form's values as the API takes them: fields and condition only for a record, a condition only when named. */
function inputOf(v: FormValues): PublishServiceItemInput {
  return {
    code: v.code.trim(),
    name: v.name,
    nameEn: v.nameEn,
    materials: v.materials.map((m) => {
      const isRecord = m.source === 'RECORD';
      return {
        key: m.key.trim(),
        name: m.name,
        source: m.source,
        typeCode: m.typeCode,
        fields: isRecord ? m.fields : [],
        isConsentRequired: m.isConsentRequired,
        isSatisfiedWhenAbsent: isRecord && m.isSatisfiedWhenAbsent,
        condition: isRecord && m.condition.field ? { field: m.condition.field, operator: m.condition.operator, values: m.condition.values } : null,
      };
    }),
  };
}

function MaterialCard({ index, onRemove }: { index: number; onRemove(): void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const form = Form.useFormInstance<FormValues>();
  const catalog = useQuery(AdminCatalogQueryDoc).data;
  const source = Form.useWatch(['materials', index, 'source'], form) as MaterialSource | undefined;
  const typeCode = Form.useWatch(['materials', index, 'typeCode'], form) as string | undefined;
  const isRecord = source === 'RECORD';
  const types = isRecord
    ? (catalog?.resourceTypes ?? []).map((r) => ({ value: r.code, label: `${en ? r.nameEn : r.nameZh} (${r.code})` }))
    : (catalog?.certificateTypes ?? []).map((c) => ({ value: c.code, label: `${en ? c.nameEn : c.nameZh} (${c.code})` }));
  const fields = (catalog?.resourceTypes.find((r) => r.code === typeCode)?.fields ?? []).map((f) => ({ value: f.name, label: `${f.nameZh} (${f.name})` }));
  const n = index + 1;
  return (
    <Card
      size="small"
      role="group"
      aria-label={t('admin.serviceItems.materialN', { n })}
      title={t('admin.serviceItems.materialN', { n })}
      extra={
        <Button size="small" danger onClick={onRemove} aria-label={t('admin.serviceItems.removeMaterialN', { n })}>
          {t('admin.serviceItems.removeMaterial')}
        </Button>
      }
    >
      <Space wrap align="start">
        <Form.Item name={[index, 'key']} label={t('admin.serviceItems.key')} rules={[{ required: true, message: t('admin.common.required') }]}>
          <Input style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name={[index, 'name']} label={t('admin.serviceItems.materialName')} rules={[{ required: true, message: t('admin.common.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name={[index, 'source']} label={t('admin.serviceItems.source')}>
          <Select
            style={{ minWidth: 140 }}
            options={(['CERTIFICATE', 'RECORD'] as const).map((s) => ({ value: s, label: t(`admin.materialSource.${s}`) }))}
            onChange={() => form.setFieldValue(['materials', index, 'typeCode'], '')}
          />
        </Form.Item>
        <Form.Item name={[index, 'typeCode']} label={t('admin.serviceItems.typeCode')} rules={[{ required: true, message: t('admin.common.required') }]}>
          <Select showSearch style={{ minWidth: 260 }} options={types} optionFilterProp="label" onChange={() => form.setFieldValue(['materials', index, 'fields'], [])} />
        </Form.Item>
        <Form.Item name={[index, 'isConsentRequired']} label={t('admin.serviceItems.consentRequired')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Space>
      {isRecord && (
        <>
          <Space wrap align="start">
            <Form.Item name={[index, 'fields']} label={t('admin.serviceItems.fields')} style={{ minWidth: 320 }}>
              <Select mode="multiple" options={fields} optionFilterProp="label" />
            </Form.Item>
            <Form.Item name={[index, 'isSatisfiedWhenAbsent']} label={t('admin.serviceItems.satisfiedWhenAbsent')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item name={[index, 'condition', 'field']} label={t('admin.serviceItems.conditionField')}>
              <Select allowClear style={{ minWidth: 200 }} options={fields} optionFilterProp="label" />
            </Form.Item>
            <Form.Item name={[index, 'condition', 'operator']} label={t('admin.serviceItems.conditionOperator')}>
              <Select style={{ minWidth: 120 }} options={OPERATORS.map((o) => ({ value: o, label: t(`admin.conditionOperator.${o}`) }))} />
            </Form.Item>
            <Form.Item name={[index, 'condition', 'values']} label={t('admin.serviceItems.conditionValues')} style={{ minWidth: 200 }}>
              <Select mode="tags" tokenSeparators={[',', ' ']} />
            </Form.Item>
          </Space>
        </>
      )}
    </Card>
  );
}

export function ServiceItemForm({ existing, onClose }: { existing: AdminServiceItem | null; onClose(published: boolean): void }) {
  const { t } = useTranslation();
  const state = usePublishForm<FormValues>();
  const [publish, { loading }] = useMutation(PublishServiceItemMutation);
  const required = [{ required: true, message: t('admin.common.required') }];
  const initial: FormValues = existing
    ? { code: existing.code, name: existing.name, nameEn: existing.nameEn, materials: existing.materials.map(materialValuesOf) }
    : { code: '', name: '', nameEn: '', materials: [emptyMaterial()] };

  const submit = (values: FormValues) =>
    state.send(async () => {
      const res = await publish({ variables: { input: inputOf(values) } });
      return { published: res.data?.publishServiceItem?.serviceItem, error: res.error };
    });

  return (
    <PublishDrawer
      title={existing ? t('admin.catalog.newVersionTitle', { code: existing.code, version: existing.version + 1 }) : t('admin.serviceItems.publishNew')}
      state={state}
      initialValues={initial}
      loading={loading}
      onFinish={submit}
      onClose={onClose}
    >
      <Form.Item name="code" label={t('admin.catalog.code')} rules={required} extra={t('admin.serviceItems.codeHelp')}>
        <Input disabled={!!existing} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Space wrap align="start" style={{ width: '100%' }}>
        <Form.Item name="name" label={t('admin.catalog.nameZh')} rules={required}>
          <Input style={{ minWidth: 240 }} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('admin.catalog.nameEn')} rules={required}>
          <Input style={{ minWidth: 240 }} />
        </Form.Item>
      </Space>
      <Form.List name="materials">
        {(items, { add, remove }, { errors }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {items.map(({ key, name }) => (
              <MaterialCard key={key} index={name} onRemove={() => remove(name)} />
            ))}
            <Form.ErrorList errors={errors} />
            <Button onClick={() => add(emptyMaterial())}>{t('admin.serviceItems.addMaterial')}</Button>
          </Space>
        )}
      </Form.List>
    </PublishDrawer>
  );
}
