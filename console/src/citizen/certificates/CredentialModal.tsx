// One certificate as a W3C Verifiable Credential: its QR code when the hub offers one, and the file to download
// (`<identifier>.vc.jwt`, application/vc+jwt). The credential is asked for only when the holder opens this.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../common/errors/ProblemList';
import { graphql } from '../../gql';
import type { CertificateCredentialQuery as Result } from '../../gql/graphql';

export const CertificateCredentialQuery = graphql(`
  query CertificateCredential($identifier: String!) {
    certificate(identifier: $identifier) {
      identifier
      credential
      credentialQrCode
    }
  }
`);

/** The media type of VC-JOSE-COSE (a credential secured as a JWS). */
const MEDIA_TYPE = 'application/vc+jwt';

/** Saves the credential as a file, as the browser saves any download. */
function downloadCredential(identifier: string, credential: string): void {
  const url = URL.createObjectURL(new Blob([credential], { type: MEDIA_TYPE }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${identifier}.vc.jwt`;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after the click returns: let it go a while later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function CredentialModal({ identifier, result, onClose }: { identifier: string; result: { data?: Result; loading: boolean; error?: unknown }; onClose: () => void }) {
  const { t } = useTranslation();
  const c = result.data?.certificate.identifier === identifier ? result.data.certificate : null;
  return (
    <Modal open title={t('citizen.credential.title')} onCancel={onClose} footer={<Button onClick={onClose}>{t('common.close')}</Button>} width={480}>
      <ProblemList error={result.error} />
      {result.loading && <Spin />}
      {c && (
        <Space orientation="vertical" align="center" style={{ width: '100%' }}>
          <Typography.Paragraph>{t('citizen.credential.intro')}</Typography.Paragraph>
          {c.credentialQrCode ? <img className="qr-big" src={c.credentialQrCode} alt={t('citizen.credential.qrAlt', { identifier: c.identifier })} /> : <Alert type="info" showIcon title={t('citizen.credential.noQr')} />}
          <Button type="primary" icon={<DownloadOutlined aria-hidden />} onClick={() => downloadCredential(c.identifier, c.credential)}>
            {t('citizen.credential.download')}
          </Button>
          <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
            {c.identifier}
          </Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
