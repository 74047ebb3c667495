// Publishing a resource type or a new version of one: the form's fields take the API's problems on the field they
// concern; a removed field that grants still use is shown with those grants.
import { useMutation } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client';
import { Alert, Button, Card, Drawer, Form, Input, List, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemList } from '../../common/errors/ProblemList';
import { graphql } from '../../staff-gql';
import type { CatalogFieldInput, PublishResourceTypeInput } from '../../staff-gql/graphql';
import type { CatalogResourceType } from './CatalogPage';

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

const FIELD_TYPES = ['STRING', 'INT', 'DECIMAL', 'BOOLEAN', 'DATE', 'DATETIME', 'ENUM'] as const;
const SHARING = ['UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED'] as const;

interface UsedByGrants {
  field: string;
  grants: string[];
}

/** `fields[2].name` → ['fields', 2, 'name'], the form's name path. */
function namePathOf(field: string): Array<string | number> {
  return field.split(/[.[\]]+/).filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

const emptyField = (): CatalogFieldInput => ({ name: '', nameZh: '', type: 'STRING', sharing: 'CONDITIONAL', required: false, description: '' });

export function PublishForm({ existing, onClose }: { existing: CatalogResourceType | null; onClose(published: boolean): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PublishResourceTypeInput>();
  const [publish, { loading }] = useMutation(PublishMutation);
  const [error, setError] = useState<unknown>(null);
  const [usedByGrants, setUsedByGrants] = useState<UsedByGrants[]>([]);
  const [published, setPublished] = useState<{ code: string; version: number } | null>(null);
  const initial: PublishResourceTypeInput = existing
    ? {
        code: existing.code,
        nameZh: existing.nameZh,
        nameEn: existing.nameEn,
        description: existing.description,
        subjectKind: existing.subjectKind,
        fields: existing.fields.map((f) => ({ name: f.name, nameZh: f.nameZh, type: f.type, sharing: f.sharing, required: f.required, description: f.description, enumValues: f.enumValues ?? null })),
      }
    : { code: '', nameZh: '', nameEn: '', description: '', subjectKind: 'PERSON', fields: [emptyField()] };

  async function submit(values: PublishResourceTypeInput) {
    setError(null);
    setUsedByGrants([]);
    const input = { ...values, fields: values.fields.map((f) => ({ ...f, enumValues: f.type === 'ENUM' ? (f.enumValues ?? []) : null })) };
    const res = await publish({ variables: { input } });
    if (res.data?.publishResourceType) {
      setPublished(res.data.publishResourceType.resourceType);
      return;
    }
    const errors = CombinedGraphQLErrors.is(res.error) ? res.error.errors : [];
    const problems = errors.flatMap((e) => (e.extensions?.problems as Array<{ field: string; problem: string }> | undefined) ?? []);
    if (problems.length) {
      form.setFields(problems.map((p) => ({ name: namePathOf(p.field) as never, errors: [p.problem] })));
      return;
    }
    const used = errors.flatMap((e) => (e.extensions?.usedByGrants as UsedByGrants[] | undefined) ?? []);
    if (used.length) {
      setUsedByGrants(used);
      return;
    }
    setError(res.error);
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
          <Form.List name="fields">
            {(items, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {items.map(({ key, name }) => (
                  <Card
                    key={key}
                    size="small"
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
                <Form.ErrorList errors={[]} />
                <Button onClick={() => add(emptyField())}>{t('admin.catalog.addField')}</Button>
              </Space>
            )}
          </Form.List>
          {usedByGrants.length > 0 && (
            <Alert
              style={{ marginTop: 16 }}
              type="error"
              showIcon
              role="alert"
              title={t('admin.catalog.usedByGrants')}
              description={
                <List
                  size="small"
                  dataSource={usedByGrants}
                  renderItem={(u) => (
                    <List.Item>
                      {t('admin.catalog.fieldUsedBy', { field: u.field })}{' '}
                      {u.grants.map((g) => (
                        <Link key={g} to={`/admin/grants?grant=${g}`} style={{ marginInlineEnd: 8, fontFamily: 'monospace' }}>
                          {g}
                        </Link>
                      ))}
                    </List.Item>
                  )}
                />
              }
            />
          )}
          <ProblemList error={error} />
          <Button type="primary" htmlType="submit" loading={loading} style={{ marginTop: 16 }}>
            {t('admin.catalog.publish')}
          </Button>
        </Form>
      )}
    </Drawer>
  );
}
