// 一次不用跑: per service item, how many materials need no paper now and why the others do, as a chart and a table, for
// the signed-in department or (administrators and auditors alike) any other; from a material that lacks a grant of the
// administrator's own department, one click prepares the access request that would remove the paper.
import { useQuery } from '@apollo/client/react';
import { AutoComplete, Button, Form, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemList } from '../../common/errors/ProblemList';
import { useSession } from '../../common/session/SessionContext';
import { graphql } from '../../staff-gql';
import '../i18n/register';
import { DepartmentsQuery, useDepartmentCode } from '../viewer';
import { CoverageChart } from './CoverageChart';

const CoverageQuery = graphql(`
  query ServiceItemCoverage($departmentCode: String) {
    serviceItemCoverage(departmentCode: $departmentCode) {
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
  const { session } = useSession();
  const own = useDepartmentCode();
  const [department, setDepartment] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const known = useQuery(DepartmentsQuery).data;
  const departments = [...new Set([...(own ? [own] : []), ...(known?.resourceTypes ?? []).map((r) => r.providerCode), ...(known?.certificateTypes ?? []).map((c) => c.issuerCode)])];
  const { data, error } = useQuery(CoverageQuery, { variables: { departmentCode: department } });
  const report = data?.serviceItemCoverage;
  // A request can only be asked for the administrator's own department.
  const canRequest = session?.kind === 'CLIENT' && session.roles.includes('DATA_ADMIN') && !!report && report.departmentCode === own;
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
      <Form layout="inline" onFinish={() => setDepartment(typed.trim() || null)}>
        <Form.Item label={t('admin.coverage.department')} htmlFor="coverage-department">
          <AutoComplete
            id="coverage-department"
            style={{ width: 260 }}
            value={typed}
            onChange={setTyped}
            placeholder={report?.departmentCode ?? own ?? ''}
            options={departments.map((d) => ({ value: d, label: d === own ? `${d}（${t('admin.catalog.ours')}）` : d }))}
          />
        </Form.Item>
        <Button htmlType="submit">{t('admin.coverage.show')}</Button>
      </Form>
      <ProblemList error={error} />
      {report && (
        <Typography.Text>{t('admin.coverage.of', { department: report.departmentCode })}</Typography.Text>
      )}
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
                      {n.reason === 'NO_GRANT' && canRequest && (
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
