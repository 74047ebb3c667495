// The dictionary: one per language, Chinese first; the choice of language kept across visits (it is no secret).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN';

const KEY = 'sharehub.language';

function initialLanguage(): 'zh-CN' | 'en' {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

void i18n.use(initReactI18next).init({
  // Chinese is bundled; the English dictionary is loaded when chosen (the first routes must load little).
  resources: { 'zh-CN': { translation: zhCN } },
  partialBundledLanguages: true,
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(KEY, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
});
document.documentElement.lang = i18n.language;

/** Switches the console's language, loading its dictionary first when it is not bundled. */
export async function changeLanguage(lng: 'zh-CN' | 'en'): Promise<void> {
  if (lng === 'en' && !i18n.hasResourceBundle('en', 'translation')) i18n.addResourceBundle('en', 'translation', (await import('./en')).en);
  await i18n.changeLanguage(lng);
}

if (initialLanguage() === 'en') void changeLanguage('en');

export default i18n;
