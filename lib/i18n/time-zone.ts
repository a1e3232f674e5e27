/** The operator's time zone travels in this cookie (set by the browser), so server-rendered times match theirs. */
export const TIME_ZONE_COOKIE = "tz";

export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
