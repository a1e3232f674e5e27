"use server";

import { cookies } from "next/headers";
import { isLocale } from "./locales";
import { LOCALE_COOKIE } from "./locales";

/** Stores the operator's language choice for a year; an unknown value changes nothing. */
export async function setLocale(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
}
