// Verify by identifier: the check character is checked as the clerk types, with the reason; the hub answers the rest.
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
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
      {/* A plain form (not antd's Form, whose validation engine the window route does not need): the check is ours. */}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div style={{ marginBottom: 16 }}>
          <label htmlFor="certificate-identifier" style={{ display: 'block', marginBottom: 8 }}>
            {t('verify.identifierLabel')}
          </label>
          <Input
            id="certificate-identifier"
            value={text}
            autoComplete="off"
            spellCheck={false}
            status={problem ? 'error' : undefined}
            aria-invalid={problem ? true : undefined}
            aria-describedby="certificate-identifier-help"
            placeholder="JHZ.11330100MBDEM00314.0000000001.01.X"
            onChange={(e) => setText(e.target.value)}
            suffix={text ? problem ? <CloseCircleFilled style={{ color: '#cf1322' }} aria-hidden /> : <CheckCircleFilled style={{ color: '#237804' }} aria-hidden /> : <span />}
            style={{ fontFamily: 'monospace' }}
          />
          <div id="certificate-identifier-help" aria-live="polite" style={{ marginTop: 4, color: problem ? '#cf1322' : 'rgba(0, 0, 0, 0.65)' }}>
            {problem ? t(`identifier.${problem}`) : t('verify.identifierHelp')}
          </div>
        </div>
        <Button type="primary" htmlType="submit" loading={verification.loading} disabled={!text || !!problem}>
          {t('verify.submit')}
        </Button>
      </form>
      <ProblemList error={verification.error} />
      {verification.result && <VerificationCard v={verification.result} types={verification.types} layout={verification.layout} withheld={verification.withheld} pathPrefix="verifyCertificate" />}
    </Space>
  );
}
