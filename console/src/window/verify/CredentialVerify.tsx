// Verify the Verifiable Credential a holder carries: paste its text or upload its file (.jwt); the hub checks the
// signature, the issuer's key, the validity and the status lists, and answers like any verification.
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Space, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../common/errors/ProblemList';
import { CredentialChecks } from './CredentialChecks';
import { useVerifyOne } from './useVerification';
import { VerificationCard } from './VerificationCard';

export default function CredentialVerify() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [unreadable, setUnreadable] = useState(false);
  const verification = useVerifyOne();
  const verify = (credential: string) => {
    if (credential.trim()) void verification.run({ credential: credential.trim() });
  };

  async function readFile(file: Blob) {
    setUnreadable(false);
    const content = await file.text().catch(() => '');
    if (!content.trim()) return setUnreadable(true);
    setText(content.trim());
    verify(content);
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          verify(text);
        }}
      >
        <div style={{ marginBottom: 16 }}>
          <label htmlFor="credential-text" style={{ display: 'block', marginBottom: 8 }}>
            {t('credential.label')}
          </label>
          <Input.TextArea id="credential-text" rows={5} value={text} spellCheck={false} autoComplete="off" aria-describedby="credential-help" onChange={(e) => setText(e.target.value)} style={{ fontFamily: 'monospace', wordBreak: 'break-all' }} />
          <div id="credential-help" style={{ marginTop: 4, color: 'rgba(0, 0, 0, 0.65)' }}>
            {t('credential.help')}
          </div>
        </div>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={verification.loading} disabled={!text.trim()}>
            {t('credential.submit')}
          </Button>
          <Upload
            accept=".jwt,application/vc+jwt"
            showUploadList={false}
            beforeUpload={(file) => {
              void readFile(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined aria-hidden />}>{t('credential.upload')}</Button>
          </Upload>
        </Space>
      </form>
      {unreadable && <Alert type="error" showIcon role="alert" title={t('credential.unreadable')} />}
      <ProblemList error={verification.error} />
      {verification.result && (
        <VerificationCard v={verification.result} types={verification.types} layout={verification.layout} withheld={verification.withheld} pathPrefix="verifyCertificate">
          <CredentialChecks v={verification.result} />
        </VerificationCard>
      )}
    </Space>
  );
}
