// 中文 / English: switches the dictionary and Ant Design's locale.
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/i18n';

export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Segmented
      aria-label={t('language.label')}
      size="small"
      style={dark ? { background: '#fff' } : undefined}
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en' },
      ]}
      onChange={(value) => void changeLanguage(value === 'en' ? 'en' : 'zh-CN')}
    />
  );
}
