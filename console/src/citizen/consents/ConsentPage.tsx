// 授权确认: the applications prepared about the holder that wait for consent, each given with one confirmation; or a
// case number the window gave, typed in.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, Form, Input, List, Modal, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../common/errors/ProblemList';
import { formatTime } from '../../common/format/time';
import { graphql } from '../../gql';

const GiveConsentMutation = graphql(`
  mutation GiveConsent($caseNumber: String!) {
    giveConsent(caseNumber: $caseNumber) {
      caseNumber
      consentGivenAt
    }
  }
`);

const PendingConsentsQuery = graphql(`
  query MyPendingConsents {
    myPendingConsents {
      caseNumber
      department {
        code
        name
        nameEn
      }
      serviceItem {
        code
        name
        nameEn
      }
      materials {
        key
        name
        source
        typeCode
        fields
      }
      requestedAt
    }
  }
`);

export default function ConsentPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [caseNumber, setCaseNumber] = useState('');
  /** The case waiting for the holder's confirmation in the dialog. */
  const [confirming, setConfirming] = useState<string | null>(null);
  const pending = useQuery(PendingConsentsQuery);
  const [give, { data, error, loading }] = useMutation(GiveConsentMutation);
  const given = data?.giveConsent;
  const items = pending.data?.myPendingConsents ?? [];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('citizen.consentTitle')}
      </Typography.Title>
      {given && <Alert type="success" showIcon role="status" title={t('citizen.consentGiven', { caseNumber: given.caseNumber, at: formatTime(given.consentGivenAt, i18n.language, true) })} />}
      <ProblemList error={error} />

      <section aria-labelledby="pending-consents">
        <Typography.Title id="pending-consents" level={2} style={{ fontSize: 18 }}>
          {t('citizen.pendingTitle')}
        </Typography.Title>
        <ProblemList error={pending.error} />
        {pending.loading && !pending.data ? (
          <Spin />
        ) : items.length === 0 ? (
          <Empty description={t('citizen.pendingNone')} />
        ) : (
          <List
            dataSource={items}
            rowKey={(p) => p.caseNumber}
            renderItem={(p) => (
              <List.Item>
                <Card
                  role="region"
                  aria-label={t('citizen.pendingCase', { caseNumber: p.caseNumber })}
                  size="small"
                  style={{ width: '100%' }}
                  title={t('citizen.pendingCase', { caseNumber: p.caseNumber })}
                  extra={
                    <Button type="primary" onClick={() => setConfirming(p.caseNumber)} aria-label={t('citizen.pendingGiveCase', { caseNumber: p.caseNumber })}>
                      {t('citizen.pendingGive')}
                    </Button>
                  }
                >
                  <Typography.Paragraph style={{ marginBottom: 4 }}>{t('citizen.pendingItem', { item: `${en ? p.serviceItem.nameEn : p.serviceItem.name} (${p.serviceItem.code})` })}</Typography.Paragraph>
                  <Typography.Paragraph style={{ marginBottom: 4 }}>{t('citizen.pendingBy', { department: p.department ? (en ? p.department.nameEn : p.department.name) : '—' })}</Typography.Paragraph>
                  <Typography.Paragraph style={{ marginBottom: 4 }}>{t('citizen.pendingAt', { at: formatTime(p.requestedAt, i18n.language, true) })}</Typography.Paragraph>
                  <Typography.Text>{t('citizen.pendingMaterials')} </Typography.Text>
                  <Space wrap>
                    {p.materials.map((m) => (
                      <Tag key={m.key}>{m.fields.length ? t('citizen.pendingFields', { material: m.name, fields: m.fields.join('、') }) : m.name}</Tag>
                    ))}
                  </Space>
                </Card>
              </List.Item>
            )}
          />
        )}
      </section>

      <section aria-labelledby="consent-by-case">
        <Typography.Title id="consent-by-case" level={2} style={{ fontSize: 18 }}>
          {t('citizen.otherCaseTitle')}
        </Typography.Title>
        <Typography.Paragraph>{t('citizen.consentIntro')}</Typography.Paragraph>
        <Form layout="vertical" onFinish={() => caseNumber.trim() && setConfirming(caseNumber.trim())}>
          <Form.Item label={t('apply.caseNumber')} htmlFor="consent-case">
            <Input id="consent-case" value={caseNumber} onChange={(e) => setCaseNumber(e.target.value)} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" disabled={!caseNumber.trim()}>
            {t('citizen.consentGive')}
          </Button>
        </Form>
      </section>

      <Modal
        open={confirming !== null}
        title={t('citizen.consentConfirmTitle')}
        okText={t('citizen.consentConfirm')}
        cancelText={t('common.cancel')}
        confirmLoading={loading}
        onCancel={() => setConfirming(null)}
        onOk={async () => {
          if (confirming) await give({ variables: { caseNumber: confirming } });
          setConfirming(null);
          await pending.refetch();
        }}
      >
        {t('citizen.consentConfirmText', { caseNumber: confirming ?? '' })}
      </Modal>
    </Space>
  );
}
