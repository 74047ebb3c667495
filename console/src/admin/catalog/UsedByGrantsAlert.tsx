// A publication the hub refused because grants still use fields it removes or changes: each field with its grants,
// each grant a link to the grants page.
import { CombinedGraphQLErrors } from '@apollo/client';
import { Alert, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface UsedByGrants {
  field: string;
  grants: string[];
}

/** CONFLICT's extensions.usedByGrants, when the hub refused for that reason. */
export function usedByGrantsOf(error: unknown): UsedByGrants[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  return error.errors.flatMap((e) => (e.extensions?.usedByGrants as UsedByGrants[] | undefined) ?? []);
}

export function UsedByGrantsAlert({ usedByGrants }: { usedByGrants: readonly UsedByGrants[] }) {
  const { t } = useTranslation();
  if (usedByGrants.length === 0) return null;
  return (
    <Alert
      style={{ marginTop: 16 }}
      type="error"
      showIcon
      role="alert"
      title={t('admin.catalog.usedByGrants')}
      description={
        <List
          size="small"
          dataSource={[...usedByGrants]}
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
  );
}
