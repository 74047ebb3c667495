// The start page of a client that is not a window clerk: who is signed in, and what the console offers them now.
import { useQuery } from '@apollo/client/react';
import { Alert, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../common/errors/ProblemList';
import { graphql } from '../gql';

const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      client {
        id
        name
      }
      department {
        code
        name
        nameEn
      }
      roles
    }
  }
`);

export default function HomePage() {
  const { t, i18n } = useTranslation();
  const { data, error } = useQuery(ViewerQuery);
  const v = data?.viewer;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('home.title')}
      </Typography.Title>
      <ProblemList error={error} />
      {v && (
        <Descriptions bordered size="small" column={1}>
          <Descriptions.Item label={t('home.client')}>{v.client ? `${v.client.name} (${v.client.id})` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('home.department')}>{v.department ? (i18n.language === 'en' ? v.department.nameEn : v.department.name) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('home.roles')}>{v.roles.map((r) => t(`role.${r}`, { defaultValue: r })).join('、')}</Descriptions.Item>
        </Descriptions>
      )}
      <Alert type="info" showIcon title={t('home.moreLater')} />
    </Space>
  );
}
