// The auditors' sentences, added to the console's dictionary when their pages load.
import i18n from 'i18next';
import { auditEn } from './en';
import { auditZhCN } from './zh-CN';

i18n.addResourceBundle('zh-CN', 'translation', { audit: auditZhCN }, true, false);
i18n.addResourceBundle('en', 'translation', { audit: auditEn }, true, false);
