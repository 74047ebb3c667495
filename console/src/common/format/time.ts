// Times as a person at the window reads them: the local date (and time), in the console's language.
export function formatTime(iso: string, language: string, withTime = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', withTime ? { dateStyle: 'medium', timeStyle: 'medium' } : { dateStyle: 'medium' }).format(date);
}
