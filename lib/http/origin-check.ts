/**
 * Cross-site request refusal for everything that changes state: server actions (POST with Next-Action) and
 * route handlers called with POST, PUT, PATCH or DELETE. A browser names the page that made such a request in
 * Origin (and, for fetches, Sec-Fetch-Site), and no other site can forge either; a request that names no origin
 * did not come from the console's pages and is refused as well. No server imports: proxy.ts runs it.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The signed ZIM Server API of the built-in sandbox (`/zim-sandbox/?Action=…`): machine clients call it with a
 * signature, not a cookie, exactly like the real ZIM host, so an origin means nothing there. Its cookie-protected
 * control endpoint (`/zim-sandbox/_sandbox/…`) is not exempt.
 */
export function isSignedMachineEndpoint(pathname: string): boolean {
  return pathname === "/zim-sandbox" || pathname === "/zim-sandbox/";
}

/** The console's own origin (CONSOLE_URL) and the extra ones it is served at (CONSOLE_TRUSTED_ORIGINS). */
export function consoleOrigins(consoleUrl: string, trusted: string | undefined): Set<string> {
  const origins = new Set([new URL(consoleUrl).origin]);
  for (const entry of trusted?.split(",") ?? []) {
    const value = entry.trim();
    if (!value) continue;
    try {
      origins.add(new URL(value).origin);
    } catch {
      // Not a URL: it can match no browser's Origin header, so it allows nothing.
    }
  }
  return origins;
}

export type CrossSiteVerdict = { allowed: true } | { allowed: false; reason: string };

/** Whether a request may go on to change state; safe methods and the signed ZIM API always may. */
export function checkRequestOrigin(
  request: { method: string; pathname: string; headers: Headers },
  allowedOrigins: ReadonlySet<string>,
): CrossSiteVerdict {
  if (SAFE_METHODS.has(request.method.toUpperCase()) || isSignedMachineEndpoint(request.pathname)) {
    return { allowed: true };
  }
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin") return { allowed: false, reason: `Sec-Fetch-Site is ${fetchSite}` };
  const origin = request.headers.get("origin");
  if (!origin) return { allowed: false, reason: "the request names no Origin" };
  if (!allowedOrigins.has(origin)) return { allowed: false, reason: `Origin ${origin} is not the console's` };
  return { allowed: true };
}
