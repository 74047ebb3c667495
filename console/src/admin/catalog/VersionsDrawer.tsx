// A resource type's or a certificate type's versions, and what changed between two of them.
import { useQuery } from '@apollo/client/react';
import { Drawer, Empty, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../common/errors/ProblemList';
import { formatTime } from '../../common/format/time';
import { graphql } from '../../staff-gql';
import { diffVersions, type DiffEntry } from './versionDiff';

const ResourceTypeVersionsQuery = graphql(`
  query ResourceTypeVersions($code: ID!) {
    resourceTypeVersions(code: $code) {
      version
      changedAt
      changedBy
      resourceType {
        ...ResourceTypeFacts
      }
    }
  }
`);

const CertificateTypeVersionsQuery = graphql(`
  query CertificateTypeVersions($code: ID!) {
    certificateTypeVersions(code: $code) {
      version
      changedAt
      changedBy
      certificateType {
        ...CertificateTypeFacts
      }
    }
  }
`);

export type CatalogKind = 'RESOURCE_TYPE' | 'CERTIFICATE_TYPE';

interface Version {
  version: number;
  changedAt: string;
  changedBy: string;
  definition: DiffEntry;
}

/** The versions of one entry, newest first, whichever kind it is. */
function useVersions(kind: CatalogKind, code: string): { versions: Version[]; error: unknown } {
  const resource = useQuery(ResourceTypeVersionsQuery, { variables: { code }, skip: kind !== 'RESOURCE_TYPE' });
  const certificate = useQuery(CertificateTypeVersionsQuery, { variables: { code }, skip: kind !== 'CERTIFICATE_TYPE' });
  const versions: Version[] =
    kind === 'RESOURCE_TYPE'
      ? (resource.data?.resourceTypeVersions ?? []).map((v) => ({ ...v, definition: v.resourceType }))
      : (certificate.data?.certificateTypeVersions ?? []).map((v) => ({ ...v, definition: v.certificateType }));
  return { versions, error: resource.error ?? certificate.error };
}

const KIND_COLOURS = { ADDED: '#237804', REMOVED: '#a8071a', CHANGED: '#ad4e00' } as const;

/** The dictionary's word for each property a version difference names (the same words as the publish forms). */
const PROPERTY_WORDS: Record<string, string> = {
  nameZh: 'admin.catalog.nameZh',
  nameEn: 'admin.catalog.nameEn',
  description: 'admin.catalog.description',
  type: 'admin.catalog.type',
  sharing: 'admin.catalog.sharing',
  required: 'admin.catalog.required',
  enumValues: 'admin.catalog.enumValues',
  defaultValidityDays: 'admin.certificateTypes.defaultValidityDays',
};

export function VersionsDrawer({ kind, code, onClose }: { kind: CatalogKind; code: string; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const word = (property: string) => (PROPERTY_WORDS[property] ? t(PROPERTY_WORDS[property]) : property);
  const { versions, error } = useVersions(kind, code);
  const [pair, setPair] = useState<[number | null, number | null]>([null, null]);
  const from = pair[0] ?? versions[1]?.version ?? null;
  const to = pair[1] ?? versions[0]?.version ?? null;
  const before = versions.find((v) => v.version === from);
  const after = versions.find((v) => v.version === to);
  const diff = before && after ? diffVersions(before.definition, after.definition) : null;
  const options = versions.map((v) => ({ value: v.version, label: t('admin.catalog.versionN', { version: v.version }) }));
  return (
    <Drawer open title={t('admin.catalog.versionsTitle', { code })} onClose={onClose} size="large" closable={{ 'aria-label': t('common.close') }}>
      <Space orientation="vertical" style={{ width: '100%' }} size="large">
        <ProblemList error={error} />
        <Timeline
          items={versions.map((v) => ({
            key: v.version,
            children: (
              <span>
                {t('admin.catalog.versionN', { version: v.version })} · {formatTime(v.changedAt, i18n.language, true)} · {v.changedBy} · {t('admin.catalog.fieldCountN', { count: v.definition.fields.length })}
              </span>
            ),
          }))}
        />
        <section aria-label={t('admin.catalog.diffTitle')}>
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            {t('admin.catalog.diffTitle')}
          </Typography.Title>
          <Space wrap>
            <Select aria-label={t('admin.catalog.diffFrom')} value={from} options={options} onChange={(v) => setPair([v, to])} style={{ minWidth: 120 }} />
            <span>→</span>
            <Select aria-label={t('admin.catalog.diffTo')} value={to} options={options} onChange={(v) => setPair([from, v])} style={{ minWidth: 120 }} />
          </Space>
          {versions.length < 2 && <Empty description={t('admin.catalog.onlyOneVersion')} />}
          {diff && (
            <Table
              style={{ marginTop: 12 }}
              size="small"
              pagination={false}
              rowKey={(r) => `${r.kind}-${r.name}`}
              locale={{ emptyText: t('admin.catalog.noDifference') }}
              dataSource={[...diff.entry.map((c) => ({ name: word(c.property), kind: 'CHANGED' as const, changes: [c] })), ...diff.fields]}
              columns={[
                { title: t('admin.catalog.field'), dataIndex: 'name' },
                { title: t('admin.catalog.change'), dataIndex: 'kind', render: (k: keyof typeof KIND_COLOURS) => <Tag color={KIND_COLOURS[k]}>{t(`admin.catalog.changeKind.${k}`)}</Tag> },
                {
                  title: t('admin.catalog.changeDetail'),
                  render: (_: unknown, r) => r.changes.map((c) => `${word(c.property)}: ${c.before || '—'} → ${c.after || '—'}`).join('; '),
                },
              ]}
            />
          )}
        </section>
      </Space>
    </Drawer>
  );
}
