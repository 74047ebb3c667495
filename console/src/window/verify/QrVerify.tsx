// Verify from the holder's presentation: upload (or paste) a picture of its QR code, or paste the token text.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Space, Upload } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../common/errors/ProblemList';
import { CameraScanner } from '../../common/qr/CameraScanner';
import { decodeQrImage } from '../../common/qr/decodeQrImage';
import { useVerifyOne } from './useVerification';
import { VerificationCard } from './VerificationCard';

export default function QrVerify() {
  const { t } = useTranslation();
  const [token, setToken] = useState('');
  const [unreadable, setUnreadable] = useState(false);
  const verification = useVerifyOne();

  const { run } = verification;
  const fromCamera = useCallback(
    (text: string) => {
      setToken(text);
      void run({ qrToken: text.trim() });
    },
    [run],
  );

  async function readImage(file: Blob) {
    setUnreadable(false);
    const text = await decodeQrImage(file).catch(() => null);
    if (!text) return setUnreadable(true);
    setToken(text);
    void verification.run({ qrToken: text.trim() });
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Upload.Dragger
        accept="image/*"
        showUploadList={false}
        beforeUpload={(file) => {
          void readImage(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p>{t('verify.qrUpload')}</p>
        <p>{t('verify.qrUploadHint')}</p>
      </Upload.Dragger>
      <CameraScanner onText={fromCamera} />
      {unreadable && <Alert type="error" showIcon role="alert" title={t('verify.qrUnreadable')} />}
      <Form layout="vertical" onFinish={() => token.trim() && void verification.run({ qrToken: token.trim() })}>
        <Form.Item label={t('verify.qrTokenLabel')} htmlFor="qr-token">
          <Input.TextArea
            id="qr-token"
            rows={3}
            value={token}
            spellCheck={false}
            onChange={(e) => setToken(e.target.value)}
            onPaste={(e) => {
              const image = [...e.clipboardData.files].find((f) => f.type.startsWith('image/'));
              if (image) {
                e.preventDefault();
                void readImage(image);
              }
            }}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={verification.loading} disabled={!token.trim()}>
          {t('verify.submitQr')}
        </Button>
      </Form>
      <ProblemList error={verification.error} />
      {verification.result && <VerificationCard v={verification.result} types={verification.types} layout={verification.layout} withheld={verification.withheld} pathPrefix="verifyCertificate" />}
    </Space>
  );
}
