// Shows the API's refusals and errors as alerts, in words from the dictionary, with the hub's message as detail.
import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { otherProblems } from './apiErrors';

export function ProblemList({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const problems = otherProblems(t, error);
  if (!problems.length) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {problems.map((p, i) => (
        <Alert key={i} type="error" showIcon title={p.text} description={`${p.code}: ${p.detail}`} role="alert" />
      ))}
    </Space>
  );
}
