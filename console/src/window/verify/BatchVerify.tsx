// Up to 100 identifiers at once, one a line: each checked as typed, the answers as a table.
import { Alert, Button, Form, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../common/errors/ProblemList';
import { certificateIdentifierProblem, normalizeIdentifier } from '../../common/identifiers/certificateIdentifierCheck';
import { useVerifyMany } from './useVerification';
import { AuthenticityBadge, StatusTag } from './VerificationCard';
import type { Verification } from './verificationDocument';

const MAX = 100;

export default function BatchVerify() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const verification = useVerifyMany();
  const lines = text.split(/\s+/).map(normalizeIdentifier).filter(Boolean);
  const bad = lines.map((l, i) => ({ line: i + 1, problem: certificateIdentifierProblem(l) })).filter((x) => x.problem);
  const tooMany = lines.length > MAX;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Form layout="vertical" onFinish={() => !bad.length && !tooMany && lines.length && void verification.run(lines)}>
        <Form.Item label={t('verify.manyLabel', { max: MAX })} htmlFor="many-identifiers" help={t('verify.manyCount', { count: lines.length, max: MAX })}>
          <Input.TextArea id="many-identifiers" rows={6} value={text} spellCheck={false} onChange={(e) => setText(e.target.value)} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        {bad.length > 0 && (
          <Alert type="error" showIcon role="alert" title={bad.slice(0, 5).map((b) => t('verify.manyBadLine', { line: b.line, reason: t(`identifier.${b.problem}`) })).join('；')} style={{ marginBottom: 16 }} />
        )}
        {tooMany && <Alert type="error" showIcon role="alert" title={t('verify.manyTooMany', { max: MAX })} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={verification.loading} disabled={!lines.length || bad.length > 0 || tooMany}>
          {t('verify.submitMany')}
        </Button>
      </Form>
      <ProblemList error={verification.error} />
      {verification.result && (
        <Table<Verification>
          rowKey={(r, i) => `${r.identifier}-${i}`}
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={verification.result}
          columns={[
            { title: t('verify.identifier'), dataIndex: 'identifier', render: (v: string) => <span style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{v}</span> },
            { title: t('verify.authenticity'), render: (_, r) => <AuthenticityBadge v={r} /> },
            { title: t('verify.status'), render: (_, r) => <StatusTag status={r.status} /> },
            { title: t('verify.issuer'), render: (_, r) => r.issuer?.name ?? '—' },
            { title: t('verify.holderName'), render: (_, r) => r.holder?.name ?? '—' },
          ]}
        />
      )}
    </Space>
  );
}
