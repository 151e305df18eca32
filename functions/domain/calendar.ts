/** Calendar arithmetic on `YYYY-MM-DD` dates, in UTC, so a quote's validity never depends on a server's time zone. */

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const addDays = (date: string, days: number): string => {
  if (!isoDate.test(date) || !Number.isInteger(days)) throw new RangeError(`cannot add ${days} days to ${date}`);
  const at = new Date(`${date}T00:00:00.000Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
};

/** The UTC calendar day of an ISO timestamp: '2026-11-23T23:59:59Z' → '2026-11-23'. */
export const dayOf = (timestamp: string): string => {
  const at = new Date(timestamp);
  if (Number.isNaN(at.getTime())) throw new RangeError(`${timestamp} is not a timestamp`);
  return at.toISOString().slice(0, 10);
};

const yearAndMonth = (month: string): [number, number] => {
  if (!/^\d{4}-\d{2}$/.test(month)) throw new RangeError(`${month} is not a month`);
  return month.split('-').map(Number) as [number, number];
};

/** Months as `YYYY-MM`: '2026-12' → '2027-01'. */
export const nextMonth = (month: string): string => {
  const [year, m] = yearAndMonth(month);
  return new Date(Date.UTC(year, m, 1)).toISOString().slice(0, 7);
};

export const previousMonth = (month: string): string => {
  const [year, m] = yearAndMonth(month);
  return new Date(Date.UTC(year, m - 2, 1)).toISOString().slice(0, 7);
};

/** '2028-02' → '2028-02-29'. */
export const lastDayOfMonth = (month: string): string => {
  const [year, m] = yearAndMonth(month);
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
};
