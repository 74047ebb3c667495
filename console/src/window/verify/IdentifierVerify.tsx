// Verify by identifier: the check character is checked as the clerk types, with the reason; the hub answers the rest.
import { Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../common/errors/ProblemList';
import { certificateIdentifierProblem, normalizeIdentifier } from '../../common/identifiers/certificateIdentifierCheck';
import { useVerifyOne } from './useVerification';
import { VerificationCard } from './VerificationCard';

export function IdentifierVerify() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const verification = useVerifyOne();
  const problem = text ? certificateIdentifierProblem(text) : null;
  const submit = () => {
    if (certificateIdentifierProblem(text)) return;
    void verification.run({ identifier: normalizeIdentifier(text) });
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Form layout="vertical" onFinish={submit}>
        <Form.Item
          label={t('verify.identifierLabel')}
          htmlFor="certificate-identifier"
          validateStatus={problem ? 'error' : text ? 'success' : undefined}
          help={problem ? t(`identifier.${problem}`) : t('verify.identifierHelp')}
          hasFeedback={!!text}
        >
          <Input
            id="certificate-identifier"
            value={text}
            autoComplete="off"
            spellCheck={false}
            placeholder="JHZ.11330100MBDEM00314.0000000001.01.X"
            onChange={(e) => setText(e.target.value)}
            style={{ fontFamily: 'monospace' }}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={verification.loading} disabled={!text || !!problem}>
          {t('verify.submit')}
        </Button>
      </Form>
      <ProblemList error={verification.error} />
      {verification.result && <VerificationCard v={verification.result} types={verification.types} layout={verification.layout} withheld={verification.withheld} pathPrefix="verifyCertificate" />}
    </Space>
  );
}
