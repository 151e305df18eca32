import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayOf, lastDayOfMonth, nextMonth, previousMonth } from '#domain/calendar.ts';

describe('calendar days', () => {
  it.each([
    ['2026-11-23', 30, '2026-12-23'],
    ['2026-12-20', 30, '2027-01-19'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-03-29', 0, '2026-03-29'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('%s + %d days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('takes the UTC day of a timestamp, whatever the offset it was written with', () => {
    expect(dayOf('2026-11-23T23:59:59.999Z')).toBe('2026-11-23');
    expect(dayOf('2026-11-24T01:00:00+02:00')).toBe('2026-11-23');
  });

  it('refuses what is not a date', () => {
    expect(() => addDays('23/11/2026', 1)).toThrow(RangeError);
    expect(() => addDays('2026-11-23', 1.5)).toThrow(RangeError);
    expect(() => dayOf('soon')).toThrow(RangeError);
  });

  it('goes forward and back to the same day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -3_650, max: 3_650 }),
        (at, days) => {
          const day = at.toISOString().slice(0, 10);
          expect(addDays(addDays(day, days), -days)).toBe(day);
        },
      ),
    );
  });

  it.each([
    ['2026-12', '2027-01', '2026-11', '2026-12-31'],
    ['2028-02', '2028-03', '2028-01', '2028-02-29'],
    ['2027-02', '2027-03', '2027-01', '2027-02-28'],
    ['2026-01', '2026-02', '2025-12', '2026-01-31'],
  ])('after %s comes %s, before it %s, and it ends on %s', (month, next, previous, last) => {
    expect(nextMonth(month)).toBe(next);
    expect(previousMonth(month)).toBe(previous);
    expect(lastDayOfMonth(month)).toBe(last);
  });

  it('steps a month forward and back to the same month; the day after its last day is the next month’s first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1970, max: 9998 }), fc.integer({ min: 1, max: 12 }), (year, m) => {
        const month = `${year}-${String(m).padStart(2, '0')}`;
        expect(previousMonth(nextMonth(month))).toBe(month);
        expect(nextMonth(previousMonth(month))).toBe(month);
        expect(addDays(lastDayOfMonth(month), 1)).toBe(`${nextMonth(month)}-01`);
      }),
    );
  });

  it('refuses what is not a month', () => {
    expect(() => nextMonth('2026-1')).toThrow(RangeError);
    expect(() => lastDayOfMonth('Dec 2026')).toThrow(RangeError);
  });
});
