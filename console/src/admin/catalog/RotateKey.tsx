// Rotating the department's certificate signing key: new certificates use the new key; the old ones stay published.
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../common/errors/ProblemList';
import { graphql } from '../../staff-gql';

const RotateMutation = graphql(`
  mutation RotateSigningKey {
    rotateSigningKey {
      departmentCode
      kid
      retiredKids
    }
  }
`);

export function RotateKey() {
  const { t } = useTranslation();
  const [isAsking, setIsAsking] = useState(false);
  const [rotate, { data, error, loading }] = useMutation(RotateMutation);
  const done = data?.rotateSigningKey;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button onClick={() => setIsAsking(true)}>{t('admin.keys.rotate')}</Button>
      {done && <Alert type="success" showIcon role="status" title={t('admin.keys.rotated', { kid: done.kid, retired: done.retiredKids.length })} />}
      <ProblemList error={error} />
      <Modal
        open={isAsking}
        title={t('admin.keys.rotateTitle')}
        okText={t('admin.keys.rotate')}
        okButtonProps={{ loading }}
        cancelText={t('common.cancel')}
        onCancel={() => setIsAsking(false)}
        onOk={async () => {
          await rotate();
          setIsAsking(false);
        }}
      >
        <p>{t('admin.keys.rotateEffect')}</p>
      </Modal>
    </Space>
  );
}
