/**
 * The security headers of every console response (set by proxy.ts). Pure functions of their inputs, so the
 * policy can be read and tested in one place; no server imports (proxy.ts runs before any route).
 */

/** 16 random bytes as base64: unguessable per request, and only characters a CSP nonce-source allows. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * The Content-Security-Policy for one response. Scripts run only with this request's nonce (Next.js puts it on
 * its own scripts when it reads it from the request's CSP header) or when loaded by such a script
 * ('strict-dynamic'). The console loads nothing from elsewhere: no remote media (message previews show a URL,
 * never fetch it), no fonts or scripts from a CDN.
 *
 * Development only: React's dev tooling needs 'unsafe-eval', and the dev overlay writes inline styles.
 */
export function contentSecurityPolicy(nonce: string, { dev = false, https = false } = {}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Headers that do not depend on the request. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
};

/** Browsers ignore HSTS over plain HTTP, so this only has to be right for requests that did arrive over TLS. */
export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * Whether the browser reached the console over HTTPS: the request's own scheme, or the scheme a TLS-terminating
 * proxy forwards in X-Forwarded-Proto. Forwarded headers are trusted as lib/http/client-ip.ts trusts
 * X-Forwarded-For (the console expects to sit behind its own proxy); a forged value changes nothing, because a
 * browser honours Strict-Transport-Security only when it arrived over a real TLS connection.
 */
export function servedOverHttps(url: URL, headers: Headers): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return url.protocol === "https:" || forwarded === "https";
}
