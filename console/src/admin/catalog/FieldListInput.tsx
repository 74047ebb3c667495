// The fields of a catalog entry in a publish form (a resource type's fields, a certificate type's face): one card a
// field with its name, label, type, sharing class, whether required, description and, for ENUM, its values.
import { Button, Card, Form, Input, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogFieldInput } from '../../staff-gql/graphql';
import type { CatalogField } from './CatalogPage';

const FIELD_TYPES = ['STRING', 'INT', 'DECIMAL', 'BOOLEAN', 'DATE', 'DATETIME', 'ENUM'] as const;
const SHARING = ['UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED'] as const;

export const emptyField = (): CatalogFieldInput => ({ name: '', nameZh: '', type: 'STRING', sharing: 'CONDITIONAL', required: false, description: '' });

/** A published field as the form's starting value. */
export const fieldInputOf = (f: CatalogField): CatalogFieldInput => ({
  name: f.name,
  nameZh: f.nameZh,
  type: f.type,
  sharing: f.sharing,
  required: f.required,
  description: f.description,
  enumValues: f.enumValues ?? null,
});

/** The form's fields as the API takes them: enum values only for ENUM. */
export const fieldInputsFor = (fields: readonly CatalogFieldInput[]): CatalogFieldInput[] => fields.map((f) => ({ ...f, enumValues: f.type === 'ENUM' ? (f.enumValues ?? []) : null }));

/** The form's `fields` list; the form's problems land on `fields[i].name` and the like. */
export function FieldListInput() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  return (
    <Form.List name="fields">
      {(items, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {items.map(({ key, name }) => (
            <Card
              key={key}
              size="small"
              role="group"
              aria-label={t('admin.catalog.fieldN', { n: name + 1 })}
              title={t('admin.catalog.fieldN', { n: name + 1 })}
              extra={
                <Button size="small" danger onClick={() => remove(name)} aria-label={t('admin.catalog.removeFieldN', { n: name + 1 })}>
                  {t('admin.catalog.removeField')}
                </Button>
              }
            >
              <Space wrap align="start">
                <Form.Item name={[name, 'name']} label={t('admin.catalog.fieldName')} rules={[{ required: true, message: t('admin.common.required') }]}>
                  <Input style={{ fontFamily: 'monospace' }} />
                </Form.Item>
                <Form.Item name={[name, 'nameZh']} label={t('admin.catalog.nameZh')}>
                  <Input />
                </Form.Item>
                <Form.Item name={[name, 'type']} label={t('admin.catalog.type')}>
                  <Select style={{ minWidth: 120 }} options={FIELD_TYPES.map((v) => ({ value: v, label: v }))} />
                </Form.Item>
                <Form.Item name={[name, 'sharing']} label={t('admin.catalog.sharing')}>
                  <Select style={{ minWidth: 140 }} options={SHARING.map((v) => ({ value: v, label: t(`admin.sharing.${v}`) }))} />
                </Form.Item>
                <Form.Item name={[name, 'required']} label={t('admin.catalog.required')} valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Space>
              <Form.Item name={[name, 'description']} label={t('admin.catalog.description')}>
                <Input />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {() =>
                  form.getFieldValue(['fields', name, 'type']) === 'ENUM' ? (
                    <Form.Item name={[name, 'enumValues']} label={t('admin.catalog.enumValues')}>
                      <Select mode="tags" tokenSeparators={[',', ' ']} />
                    </Form.Item>
                  ) : null
                }
              </Form.Item>
            </Card>
          ))}
          <Button onClick={() => add(emptyField())}>{t('admin.catalog.addField')}</Button>
        </Space>
      )}
    </Form.List>
  );
}
