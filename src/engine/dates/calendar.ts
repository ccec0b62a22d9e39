// Calendar arithmetic on ISO dates and Excel serials: integer-only, no Date objects.

export const MAX_SERIAL = 2958465; // 9999-12-31 in the 1900 system
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export const ISO_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const daysIn = (y: number, m: number): number => (m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]);
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number): string => (n < 10 ? `000${n}` : n < 100 ? `00${n}` : n < 1000 ? `0${n}` : String(n));
export const iso = (y: number, m: number, d: number): string => `${pad4(y)}-${pad2(m)}-${pad2(d)}`;

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's
// algorithms): integer arithmetic only, so no time zones, DST or Date objects.
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** "yyyy-mm-dd" that is a real calendar date. */
export function isIsoDate(s: string): boolean {
  if (typeof s !== "string") return false;
  const m = ISO_SHAPE.exec(s);
  if (!m) return false;
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(Number(m[1]), mo);
}

/** The last day of a month (1..12) as ISO. */
export function endOfMonth(year: number, month: number): string {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12 || year < 0 || year > 9999)
    throw new RangeError(`endOfMonth: no month ${year}-${month}`);
  return iso(year, month, daysIn(year, month));
}

// Splits an ISO-shaped string; throws on anything else so a bad input is loud.
function isoParts(s: string, fn: string): [number, number, number] {
  const m = ISO_SHAPE.exec(s);
  if (!m) throw new RangeError(`${fn}: not an ISO date: ${JSON.stringify(s)}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Whole days from `fromIso` to `toIso` (positive when `toIso` is later). */
export function daysBetween(fromIso: string, toIso: string): number {
  const [y1, m1, d1] = isoParts(fromIso, "daysBetween");
  const [y2, m2, d2] = isoParts(toIso, "daysBetween");
  return daysFromCivil(y2, m2, d2) - daysFromCivil(y1, m1, d1);
}

const EPOCH_1900 = daysFromCivil(1899, 12, 30); // serial 61 and on count from here
const EPOCH_1904 = daysFromCivil(1904, 1, 1); // serial 0 in the 1904 system

/**
 * An Excel serial as an ISO date. The 1900 system keeps Lotus's fake leap day:
 * serial 60 is "1900-02-29", so 1..59 count from 1899-12-31 and 61.. from 1899-12-30.
 * A time fraction is dropped.
 */
export function serialToIso(serial: number, date1904 = false): string {
  if (!Number.isFinite(serial)) throw new RangeError(`serialToIso: not a number: ${serial}`);
  const whole = Math.floor(serial);
  if (!date1904 && whole === 60) return "1900-02-29";
  const days = date1904 ? EPOCH_1904 + whole : EPOCH_1900 + whole + (whole < 60 ? 1 : 0);
  const [y, m, d] = civilFromDays(days);
  return iso(y, m, d);
}

/** An ISO date as an Excel serial (the inverse of serialToIso, "1900-02-29" → 60). */
export function isoToSerial(isoDate: string, date1904 = false): number {
  const [y, m, d] = isoParts(isoDate, "isoToSerial");
  if (!date1904 && isoDate === "1900-02-29") return 60;
  if (!isIsoDate(isoDate)) throw new RangeError(`isoToSerial: not a calendar date: ${isoDate}`);
  const days = daysFromCivil(y, m, d);
  if (date1904) return days - EPOCH_1904;
  const serial = days - EPOCH_1900;
  return serial <= 60 ? serial - 1 : serial; // before the fake leap day the count is one less
}
