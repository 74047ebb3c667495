// 核验证照: verify a certificate by its identifier or the holder's presentation QR, or up to 100 at once.
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BatchVerify } from './BatchVerify';
import { IdentifierVerify } from './IdentifierVerify';
import { QrVerify } from './QrVerify';

export function VerifyPage() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('verify.title')}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'identifier', label: t('verify.tabIdentifier'), children: <IdentifierVerify /> },
          { key: 'qr', label: t('verify.tabQr'), children: <QrVerify /> },
          { key: 'many', label: t('verify.tabMany'), children: <BatchVerify /> },
        ]}
      />
    </>
  );
}
