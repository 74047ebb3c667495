// 我的证照: the holder's certificates with status and validity; "present" one as a QR code for the window, or take it
// away as a Verifiable Credential.
import { useLazyQuery, useQuery } from '@apollo/client/react';
import { Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../common/errors/ProblemList';
import { formatTime } from '../../common/format/time';
import { graphql } from '../../gql';
import { StatusTag } from '../../window/verify/VerificationCard';
import { CertificateCredentialQuery, CredentialModal } from './CredentialModal';
import { PresentModal } from './PresentModal';

const MyCertificatesQuery = graphql(`
  query MyCertificates($first: Int, $after: String) {
    myCertificates(first: $first, after: $after) {
      edges {
        node {
          identifier
          certificateType
          issuerCode
          state
          validFrom
          validUntil
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
    certificateTypes {
      code
      nameZh
      nameEn
    }
  }
`);

export default function MyCertificatesPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { data, error, loading, fetchMore } = useQuery(MyCertificatesQuery, { variables: { first: 50 } });
  const [presenting, setPresenting] = useState<string | null>(null);
  // The credential of one certificate, signed when the holder asks for it (never for the whole list).
  const [credentialOf, setCredentialOf] = useState<string | null>(null);
  const [loadCredential, credential] = useLazyQuery(CertificateCredentialQuery);
  const showCredential = (identifier: string) => {
    setCredentialOf(identifier);
    void loadCredential({ variables: { identifier } });
  };
  const rows = data?.myCertificates.edges.map((e) => e.node) ?? [];
  const typeName = (code: string) => {
    const type = data?.certificateTypes.find((c) => c.code === code);
    return type ? (en ? type.nameEn : type.nameZh) : code;
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('citizen.certificatesTitle')}
      </Typography.Title>
      <ProblemList error={error} />
      <Table
        rowKey="identifier"
        loading={loading}
        size="small"
        scroll={{ x: true }}
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('verify.type'), render: (_, c) => typeName(c.certificateType) },
          { title: t('verify.identifier'), dataIndex: 'identifier', render: (v: string) => <span style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{v}</span> },
          { title: t('verify.status'), render: (_, c) => <StatusTag status={c.state} /> },
          { title: t('verify.validity'), render: (_, c) => `${formatTime(c.validFrom, i18n.language)} – ${c.validUntil ? formatTime(c.validUntil, i18n.language) : t('verify.noEnd')}` },
          {
            title: t('citizen.actions'),
            render: (_, c) => (
              <Space wrap>
                <Button type="primary" onClick={() => setPresenting(c.identifier)} aria-label={t('citizen.presentOne', { name: typeName(c.certificateType) })}>
                  {t('citizen.present')}
                </Button>
                <Button onClick={() => showCredential(c.identifier)} aria-label={t('citizen.credential.buttonOne', { name: typeName(c.certificateType) })}>
                  {t('citizen.credential.button')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {data?.myCertificates.pageInfo.hasNextPage && (
        <Button onClick={() => void fetchMore({ variables: { after: data.myCertificates.pageInfo.endCursor } })}>{t('common.more')}</Button>
      )}
      {presenting && <PresentModal identifier={presenting} onClose={() => setPresenting(null)} />}
      {credentialOf && <CredentialModal identifier={credentialOf} result={credential} onClose={() => setCredentialOf(null)} />}
    </Space>
  );
}
