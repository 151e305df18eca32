/** Timestamps and dates in the person's own locale. A `YYYY-MM-DD` date is a calendar day, not a UTC midnight. */
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

export const when = (iso: string): string => dateTime.format(new Date(iso));

export const calendarDay = (yyyyMmDd: string): string => day.format(new Date(`${yyyyMmDd.slice(0, 10)}T00:00:00Z`));
