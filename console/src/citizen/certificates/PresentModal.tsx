// Presents one certificate: the hub's five-minute token as a large QR code, with a visible countdown to its expiry.
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Modal, Progress, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../common/errors/ProblemList';
import { graphql } from '../../gql';

const PresentCertificateMutation = graphql(`
  mutation PresentCertificate($identifier: String!) {
    presentCertificate(identifier: $identifier) {
      identifier
      token
      qrCode
      presentedAt
      expiresAt
    }
  }
`);

function useSecondsLeft(until: string | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until ? Math.max(0, Math.round((Date.parse(until) - now) / 1000)) : 0;
}

export function PresentModal({ identifier, onClose }: { identifier: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [present, { data, error, loading }] = useMutation(PresentCertificateMutation);
  useEffect(() => {
    void present({ variables: { identifier } });
  }, [identifier, present]);
  const p = data?.presentCertificate;
  const left = useSecondsLeft(p?.expiresAt);
  const total = p ? Math.max(1, Math.round((Date.parse(p.expiresAt) - Date.parse(p.presentedAt)) / 1000)) : 300;
  const clock = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  return (
    <Modal open title={t('citizen.presentTitle')} onCancel={onClose} footer={<Button onClick={onClose}>{t('common.close')}</Button>} width={440}>
      <ProblemList error={error} />
      {loading && <Spin />}
      {p && (
        <Space orientation="vertical" align="center" style={{ width: '100%' }}>
          {left > 0 ? (
            <img className="qr-big" src={p.qrCode} alt={t('citizen.qrAlt', { identifier: p.identifier })} />
          ) : (
            <Alert type="warning" showIcon title={t('citizen.presentationExpired')} action={<Button onClick={() => void present({ variables: { identifier } })}>{t('citizen.presentAgain')}</Button>} />
          )}
          <Typography.Text role="timer" aria-live="off" strong style={{ fontSize: 20 }}>
            {t('citizen.expiresIn', { clock })}
          </Typography.Text>
          <Progress percent={Math.round((left / total) * 100)} showInfo={false} aria-label={t('citizen.timeLeft')} />
          <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
            {p.identifier}
          </Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
