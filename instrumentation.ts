/** Next.js calls this once per server process before it serves a request. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startConsoleOrExit } = await import("./lib/startup");
  await startConsoleOrExit();
}
