// 核验证照: verify a certificate by its identifier or the holder's presentation QR, or up to 100 at once.
import { Spin, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { TabSwitch } from '../../common/layout/TabSwitch';
import { IdentifierVerify } from './IdentifierVerify';

// The QR reader (jsQR) and the table of many are loaded when their tab is opened.
const QrVerify = lazy(() => import('./QrVerify'));
const BatchVerify = lazy(() => import('./BatchVerify'));

export default function VerifyPage() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('verify.title')}
      </Typography.Title>
      <TabSwitch
        items={[
          { key: 'identifier', label: t('verify.tabIdentifier'), children: <IdentifierVerify /> },
          { key: 'qr', label: t('verify.tabQr'), children: <Suspense fallback={<Spin />}><QrVerify /></Suspense> },
          { key: 'many', label: t('verify.tabMany'), children: <Suspense fallback={<Spin />}><BatchVerify /></Suspense> },
        ]}
      />
    </>
  );
}
