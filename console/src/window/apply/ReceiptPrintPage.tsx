// The print view (A4) of the last application's receipt: its materials and the receipt as a QR code to check it later.
import { Button, Descriptions, Empty, Space, Table, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../common/format/time';
import { keptForPrint } from './prepareApplication';

export default function ReceiptPrintPage() {
  const { t, i18n } = useTranslation();
  const kept = keptForPrint();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    if (!kept) return;
    QRCode.toString(kept.application.receipt, { type: 'svg', errorCorrectionLevel: 'L', margin: 2 }).then(
      (svg) => setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => setQr(null),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kept?.application.receipt]);
  if (!kept) return <Empty description={t('receipt.nothing')} />;
  const { application: a, applicantId } = kept;
  return (
    <article aria-label={t('receipt.title')}>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Button type="primary" onClick={() => window.print()}>
          {t('receipt.print')}
        </Button>
      </Space>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('receipt.title')}
      </Typography.Title>
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t('apply.serviceItem')}>
          {i18n.language === 'en' ? a.serviceItem.nameEn : a.serviceItem.name} ({a.serviceItem.code} v{a.serviceItem.version})
        </Descriptions.Item>
        <Descriptions.Item label={t('apply.caseNumber')}>{a.caseNumber}</Descriptions.Item>
        <Descriptions.Item label={t('apply.applicantId')}>{applicantId.replace(/^(.{3}).*(.{4})$/, '$1***********$2')}</Descriptions.Item>
        <Descriptions.Item label={t('receipt.preparedAt')}>{formatTime(a.preparedAt, i18n.language, true)}</Descriptions.Item>
        <Descriptions.Item label={t('apply.noPaper')}>
          {a.satisfiedCount} / {a.materials.length}
        </Descriptions.Item>
      </Descriptions>
      <Table
        style={{ marginTop: 16 }}
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={a.materials}
        columns={[
          { title: t('receipt.material'), dataIndex: 'name' },
          { title: t('receipt.outcome'), render: (_, m) => (m.outcome === 'SATISFIED' ? t('apply.satisfied') : t('apply.needed')) },
          { title: t('receipt.reasonOrSource'), render: (_, m) => (m.outcome === 'SATISFIED' ? (m.certificateIdentifier ?? (m.recordVersion ? t('apply.fromRecord', { version: m.recordVersion }) : t('apply.byAbsence'))) : t(`reason.${m.reason ?? 'UNKNOWN'}`)) },
        ]}
      />
      <Space align="start" style={{ marginTop: 16 }} wrap>
        {qr && <img className="receipt-qr" src={qr} alt={t('receipt.qrAlt')} />}
        <Typography.Paragraph style={{ maxWidth: 480 }}>{t('receipt.qrHelp')}</Typography.Paragraph>
      </Space>
    </article>
  );
}
