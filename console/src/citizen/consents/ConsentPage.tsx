// 授权确认: the applicant approves the use of their data for a case the window prepared, with one confirmation.
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
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

export default function ConsentPage() {
  const { t, i18n } = useTranslation();
  const [caseNumber, setCaseNumber] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [give, { data, error, loading }] = useMutation(GiveConsentMutation);
  const given = data?.giveConsent;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('citizen.consentTitle')}
      </Typography.Title>
      <Typography.Paragraph>{t('citizen.consentIntro')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={() => caseNumber.trim() && setConfirming(true)}>
        <Form.Item label={t('apply.caseNumber')} htmlFor="consent-case">
          <Input id="consent-case" value={caseNumber} onChange={(e) => setCaseNumber(e.target.value)} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" disabled={!caseNumber.trim()}>
          {t('citizen.consentGive')}
        </Button>
      </Form>
      <Modal
        open={confirming}
        title={t('citizen.consentConfirmTitle')}
        okText={t('citizen.consentConfirm')}
        cancelText={t('common.cancel')}
        confirmLoading={loading}
        onCancel={() => setConfirming(false)}
        onOk={async () => {
          await give({ variables: { caseNumber: caseNumber.trim() } });
          setConfirming(false);
        }}
      >
        {t('citizen.consentConfirmText', { caseNumber: caseNumber.trim() })}
      </Modal>
      <ProblemList error={error} />
      {given && <Alert type="success" showIcon role="status" title={t('citizen.consentGiven', { caseNumber: given.caseNumber, at: formatTime(given.consentGivenAt, i18n.language, true) })} />}
    </Space>
  );
}
