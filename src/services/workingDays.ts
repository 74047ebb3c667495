// Deadlines in working days (weekends excluded), for the provider's answer to an access request.

/** `from` plus `days` working days, at the same time of day. Saturdays and Sundays are skipped. */
export function addWorkingDays(from: Date, days: number): Date {
  const out = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    out.setUTCDate(out.getUTCDate() + 1);
    const weekday = new Date(out.getTime() + 8 * 3600_000).getUTCDay(); // the weekday in China (UTC+8)
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return out;
}

export const ANSWER_WITHIN_WORKING_DAYS = 10;
