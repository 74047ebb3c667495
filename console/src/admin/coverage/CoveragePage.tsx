// 一次不用跑: per service item, how many materials need no paper now and why the others do, as a chart and a table;
// from a material that lacks a grant, one click prepares the access request that would remove the paper.
import { useQuery } from '@apollo/client/react';
import { Button, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemList } from '../../common/errors/ProblemList';
import { graphql } from '../../staff-gql';
import '../i18n/register';
import { CoverageChart } from './CoverageChart';

const CoverageQuery = graphql(`
  query ServiceItemCoverage {
    serviceItemCoverage {
      departmentCode
      resolvable
      total
      items {
        resolvable
        total
        serviceItem {
          code
          name
          nameEn
          materials {
            key
            typeCode
          }
        }
        needing {
          key
          name
          reason
          missingFields
        }
      }
    }
  }
`);

const REASONS = ['NO_GRANT', 'NO_CATALOG_ENTRY', 'SOURCE_DOWN'] as const;
const REASON_COLOURS: Record<string, string> = { NO_GRANT: '#ad4e00', NO_CATALOG_ENTRY: '#595959', SOURCE_DOWN: '#cf1322' };

export default function CoveragePage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const navigate = useNavigate();
  const { data, error } = useQuery(CoverageQuery);
  const report = data?.serviceItemCoverage;
  const rows = report?.items ?? [];
  const names = useMemo(() => rows.map((r) => (en ? r.serviceItem.nameEn : r.serviceItem.name)), [rows, en]);
  const series = useMemo(
    () => [
      { name: t('admin.coverage.resolvable'), colour: '#237804', values: rows.map((r) => r.resolvable) },
      ...REASONS.map((reason) => ({ name: t(`admin.coverage.reason.${reason}`), colour: REASON_COLOURS[reason]!, values: rows.map((r) => r.needing.filter((n) => n.reason === reason).length) })),
    ],
    [rows, t],
  );

  function prepareRequest(itemCode: string, materialKey: string, missingFields: readonly string[]) {
    const item = rows.find((r) => r.serviceItem.code === itemCode)!.serviceItem;
    const typeCode = item.materials.find((m) => m.key === materialKey)?.typeCode ?? '';
    navigate(`/admin/requests?${new URLSearchParams({ tab: 'new', type: typeCode, fields: missingFields.filter((f) => !f.startsWith('(')).join(','), purpose: itemCode }).toString()}`);
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('admin.coverage.title')}
      </Typography.Title>
      <ProblemList error={error} />
      {report && (
        <Space wrap size="large">
          <Statistic title={t('admin.coverage.noPaper')} value={report.resolvable} suffix={`/ ${report.total}`} />
          <Statistic title={t('admin.coverage.share')} value={report.total ? Math.round((100 * report.resolvable) / report.total) : 0} suffix="%" />
        </Space>
      )}
      {rows.length > 0 && <CoverageChart items={names} series={series} label={t('admin.coverage.chartLabel', { resolvable: report!.resolvable, total: report!.total })} />}
      <Table
        rowKey={(r) => r.serviceItem.code}
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={rows}
        columns={[
          { title: t('admin.coverage.item'), render: (_: unknown, r) => `${en ? r.serviceItem.nameEn : r.serviceItem.name} (${r.serviceItem.code})` },
          { title: t('admin.coverage.noPaperCol'), render: (_: unknown, r) => `${r.resolvable} / ${r.total}` },
          {
            title: t('admin.coverage.needing'),
            render: (_: unknown, r) =>
              r.needing.length === 0 ? (
                <Tag color="#237804">{t('admin.coverage.allShared')}</Tag>
              ) : (
                <Space orientation="vertical">
                  {r.needing.map((n) => (
                    <Space key={n.key} wrap>
                      <span>{n.name}</span>
                      <Tag color={n.reason === 'NO_GRANT' ? '#ad4e00' : n.reason === 'SOURCE_DOWN' ? '#a8071a' : '#595959'}>{t(`admin.coverage.reason.${n.reason}`)}</Tag>
                      {n.missingFields.length > 0 && <span>{t('admin.coverage.missing', { fields: n.missingFields.join('、') })}</span>}
                      {n.reason === 'NO_GRANT' && (
                        <Button size="small" type="link" onClick={() => prepareRequest(r.serviceItem.code, n.key, n.missingFields)} aria-label={t('admin.coverage.requestFor', { material: n.name })}>
                          {t('admin.coverage.request')}
                        </Button>
                      )}
                    </Space>
                  ))}
                </Space>
              ),
          },
        ]}
      />
    </Space>
  );
}
