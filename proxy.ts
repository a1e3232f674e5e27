import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log/logger";
import { checkRequestOrigin, consoleOrigins } from "@/lib/http/origin-check";
import { contentSecurityPolicy, HSTS, newNonce, servedOverHttps, STATIC_SECURITY_HEADERS } from "@/lib/http/security-headers";

let origins: Set<string> | undefined;

/**
 * Runs before every route: refuses cross-site state changes (lib/http/origin-check.ts), and gives each response
 * the security headers with a fresh script nonce. The nonce travels to the renderer in the request's own CSP
 * header (Next.js reads it there and puts it on its scripts) and in x-nonce for any component that needs it.
 */
export function proxy(request: NextRequest) {
  const env = getEnv();
  origins ??= consoleOrigins(env.CONSOLE_URL, env.CONSOLE_TRUSTED_ORIGINS);
  const https = servedOverHttps(request.nextUrl, request.headers);
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: env.NODE_ENV === "development", https });

  const verdict = checkRequestOrigin({ method: request.method, pathname: request.nextUrl.pathname, headers: request.headers }, origins);
  let response: NextResponse;
  if (verdict.allowed) {
    const forwarded = new Headers(request.headers);
    forwarded.set("x-nonce", nonce);
    forwarded.set("content-security-policy", csp);
    response = NextResponse.next({ request: { headers: forwarded } });
  } else {
    log.warn("cross-site request refused", { method: request.method, path: request.nextUrl.pathname, reason: verdict.reason });
    response = NextResponse.json({ error: "Cross-site request refused." }, { status: 403 });
  }

  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  // Build output is immutable and carries no HTML; everything else, pages, actions and route handlers, passes here.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
