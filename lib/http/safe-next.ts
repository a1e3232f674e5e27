/** Only same-site paths may follow a sign-in, so a crafted link cannot bounce an operator to another site. */
export function safeNextPath(next: string | null | undefined, fallback = "/"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}
