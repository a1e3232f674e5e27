import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from "./locales";
import { isTimeZone, TIME_ZONE_COOKIE } from "./time-zone";

/** The language comes from the operator's choice (a cookie), else from the browser's Accept-Language. */
export async function resolveLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

/** The operator's own time zone when the browser has told us (TimeZoneSync), else UTC. */
export async function resolveTimeZone(): Promise<string> {
  const zone = decodeURIComponent((await cookies()).get(TIME_ZONE_COOKIE)?.value ?? "");
  return isTimeZone(zone) ? zone : "UTC";
}

export default getRequestConfig(async () => {
  const [locale, timeZone] = await Promise.all([resolveLocale(), resolveTimeZone()]);
  return {
    locale,
    messages: (await import(`../../messages/${locale}/index.ts`)).default,
    timeZone,
  };
});
