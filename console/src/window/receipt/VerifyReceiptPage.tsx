// Check a receipt online: paste its text or upload a picture of its QR code; the hub says whether it is authentic.
import { CheckCircleFilled, CloseCircleFilled, InboxOutlined } from '@ant-design/icons';
import { useLazyQuery } from '@apollo/client/react';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../common/errors/ProblemList';
import { decodeQrImage } from '../../common/qr/decodeQrImage';
import { graphql } from '../../gql';

const VerifyReceiptQuery = graphql(`
  query VerifyReceipt($receipt: String!) {
    verifyReceipt(receipt: $receipt) {
      isValid
      problem
      content
    }
  }
`);

function show(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

export default function VerifyReceiptPage() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [unreadable, setUnreadable] = useState(false);
  const [check, { data, error, loading }] = useLazyQuery(VerifyReceiptQuery, { fetchPolicy: 'no-cache' });
  const answer = data?.verifyReceipt;
  const run = (receipt: string) => receipt.trim() && void check({ variables: { receipt: receipt.trim() } });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('verifyReceipt.title')}
      </Typography.Title>
      <Upload.Dragger
        accept="image/*"
        showUploadList={false}
        beforeUpload={(file) => {
          setUnreadable(false);
          void decodeQrImage(file).then((decoded) => {
            if (!decoded) return setUnreadable(true);
            setText(decoded);
            run(decoded);
          });
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p>{t('verifyReceipt.upload')}</p>
      </Upload.Dragger>
      {unreadable && <Alert type="error" showIcon role="alert" title={t('verify.qrUnreadable')} />}
      <Form layout="vertical" onFinish={() => run(text)}>
        <Form.Item label={t('verifyReceipt.label')} htmlFor="receipt-text">
          <Input.TextArea id="receipt-text" rows={4} value={text} spellCheck={false} onChange={(e) => setText(e.target.value)} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading} disabled={!text.trim()}>
          {t('verifyReceipt.submit')}
        </Button>
      </Form>
      <ProblemList error={error} />
      {answer && (
        <Card
          role="region"
          aria-label={t('verifyReceipt.result')}
          title={
            answer.isValid ? (
              <Typography.Text type="success" strong>
                <CheckCircleFilled aria-hidden /> {t('verifyReceipt.valid')}
              </Typography.Text>
            ) : (
              <Typography.Text type="danger" strong>
                <CloseCircleFilled aria-hidden /> {t('verifyReceipt.invalid')}
              </Typography.Text>
            )
          }
        >
          {answer.problem && <Typography.Paragraph>{t('verifyReceipt.problem', { problem: answer.problem })}</Typography.Paragraph>}
          {answer.content && (
            <Descriptions size="small" bordered column={1}>
              {Object.entries(answer.content).map(([k, v]) => (
                <Descriptions.Item key={k} label={k}>
                  <span style={{ wordBreak: 'break-all' }}>{show(v)}</span>
                </Descriptions.Item>
              ))}
            </Descriptions>
          )}
        </Card>
      )}
    </Space>
  );
}
