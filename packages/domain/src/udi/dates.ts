export type DayZero = 'reject' | 'first' | 'last';

export type DateParse = { ok: true; iso: string } | { ok: false; reason: string };

/**
 * Four-digit year for a two-digit `yy`, per GS1 General Specifications §7.12: a year more than
 * 50 ahead of the reference belongs to the previous century, one more than 49 behind to the next.
 */
export function expandTwoDigitYear(yy: number, referenceDate: Date): number {
  const refYear = referenceDate.getUTCFullYear();
  const century = refYear - (refYear % 100);
  const diff = yy - (refYear % 100);
  if (diff >= 51) return century - 100 + yy;
  if (diff <= -50) return century + 100 + yy;
  return century + yy;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Validates a calendar date; `day` 0 is resolved per `dayZero` (GS1 and HIBCC use it for "whole month"). */
export function calendarDate(year: number, month: number, day: number, dayZero: DayZero = 'reject'): DateParse {
  if (month < 1 || month > 12) return { ok: false, reason: `month ${String(month).padStart(2, '0')} does not exist` };
  const last = daysInMonth(year, month);
  if (day === 0) {
    if (dayZero === 'reject') return { ok: false, reason: 'day 00 is not allowed here' };
    return { ok: true, iso: isoDate(year, month, dayZero === 'last' ? last : 1) };
  }
  if (day > last) return { ok: false, reason: `${isoDate(year, month, 1).slice(0, 7)} has no day ${day}` };
  return { ok: true, iso: isoDate(year, month, day) };
}

/** `YYMMDD` as used by GS1 AIs 11–17 and HIBCC `$$3`. */
export function parseYymmdd(value: string, referenceDate: Date, dayZero: DayZero = 'reject'): DateParse {
  if (!/^[0-9]{6}$/.test(value)) return { ok: false, reason: 'expected six digits YYMMDD' };
  const year = expandTwoDigitYear(Number(value.slice(0, 2)), referenceDate);
  return calendarDate(year, Number(value.slice(2, 4)), Number(value.slice(4, 6)), dayZero);
}

/** `YYYYMMDD` as used by GS1 AI 7250 and the HIBCC `/14D` and `/16D` data identifiers. */
export function parseYyyymmdd(value: string, dayZero: DayZero = 'reject'): DateParse {
  if (!/^[0-9]{8}$/.test(value)) return { ok: false, reason: 'expected eight digits YYYYMMDD' };
  return calendarDate(Number(value.slice(0, 4)), Number(value.slice(4, 6)), Number(value.slice(6, 8)), dayZero);
}

/** Ordinal (Julian) date: day `dayOfYear` (1–365/366) of `year`. */
export function ordinalDate(year: number, dayOfYear: number): DateParse {
  const leap = daysInMonth(year, 2) === 29;
  if (dayOfYear < 1 || dayOfYear > (leap ? 366 : 365)) return { ok: false, reason: `day ${dayOfYear} of ${year} does not exist` };
  const date = new Date(Date.UTC(year, 0, dayOfYear));
  return { ok: true, iso: date.toISOString().slice(0, 10) };
}

export function validHour(hh: string): boolean {
  return /^[0-9]{2}$/.test(hh) && Number(hh) <= 23;
}

export function validMinuteOrSecond(mm: string): boolean {
  return /^[0-9]{2}$/.test(mm) && Number(mm) <= 59;
}
