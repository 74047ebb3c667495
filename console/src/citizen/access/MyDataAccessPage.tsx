// 谁查询了我的数据: every read of my records and certificates as a timeline, filterable by date.
import { useQuery } from '@apollo/client/react';
import { Button, DatePicker, Empty, Space, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../common/errors/ProblemList';
import { formatTime } from '../../common/format/time';
import { graphql } from '../../gql';

const MyDataAccessQuery = graphql(`
  query MyDataAccess($first: Int, $after: String) {
    myDataAccess(first: $first, after: $after) {
      edges {
        node {
          at
          caseNumber
          clientId
          department {
            code
            name
            nameEn
          }
          fieldsMasked
          fieldsReturned
          outcome
          purpose
          resourceTypes
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export default function MyDataAccessPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { data, error, loading, fetchMore } = useQuery(MyDataAccessQuery, { variables: { first: 50 } });
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const all = data?.myDataAccess.edges.map((e) => e.node) ?? [];
  const from = range?.[0]?.startOf('day').valueOf() ?? -Infinity;
  const to = range?.[1]?.endOf('day').valueOf() ?? Infinity;
  const reads = all.filter((r) => Date.parse(r.at) >= from && Date.parse(r.at) <= to);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('citizen.accessTitle')}
      </Typography.Title>
      <DatePicker.RangePicker aria-label={t('citizen.dateFilter')} value={range} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} allowEmpty={[true, true]} />
      <ProblemList error={error} />
      {!loading && reads.length === 0 && <Empty description={t('citizen.noReads')} />}
      <Timeline
        items={reads.map((r, i) => ({
          key: `${r.at}-${i}`,
          color: r.outcome === 'SUCCESS' ? 'green' : 'orange',
          children: (
            <article aria-label={t('citizen.readAt', { at: formatTime(r.at, i18n.language, true) })}>
              <Typography.Text strong>{formatTime(r.at, i18n.language, true)}</Typography.Text>
              <div>
                {t('citizen.readBy', { department: r.department ? (en ? r.department.nameEn : r.department.name) : '—', client: r.clientId ?? '—' })}
              </div>
              <div>
                {t('citizen.readPurpose', { purpose: r.purpose ?? '—', caseNumber: r.caseNumber ?? '—' })} <Tag>{t(`outcome.${r.outcome}`, { defaultValue: r.outcome })}</Tag>
              </div>
              <div>{t('citizen.readTypes', { types: r.resourceTypes.join('、') || '—' })}</div>
              {r.fieldsReturned.length > 0 && <div>{t('citizen.readFields', { fields: r.fieldsReturned.join('、') })}</div>}
              {r.fieldsMasked.length > 0 && <div>{t('citizen.readMasked', { fields: r.fieldsMasked.join('、') })}</div>}
            </article>
          ),
        }))}
      />
      {data?.myDataAccess.pageInfo.hasNextPage && (
        <Button onClick={() => void fetchMore({ variables: { after: data.myDataAccess.pageInfo.endCursor } })}>{t('common.more')}</Button>
      )}
    </Space>
  );
}
