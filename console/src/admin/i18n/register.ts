// The data administrators' sentences, added to the console's dictionary when their pages load (they do not weigh on
// the sign-in and window routes).
import i18n from 'i18next';
import { adminEn } from './en';
import { adminZhCN } from './zh-CN';

i18n.addResourceBundle('zh-CN', 'translation', { admin: adminZhCN }, true, false);
i18n.addResourceBundle('en', 'translation', { admin: adminEn }, true, false);
