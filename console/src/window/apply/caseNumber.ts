// A suggested case number for a new application: the item's initials, today's date and a random tail.
export function suggestCaseNumber(itemCode: string | undefined, now = new Date()): string {
  const initials = (itemCode ?? 'case')
    .split('_')
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase()
    .slice(0, 4);
  const date = now.toISOString().slice(0, 10).replaceAll('-', '');
  const tail = String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');
  return `${initials}-${date}-${tail}`;
}
