/**
 * Thrown by the sandbox handler when a fault says "drop the connection": the request was read (and maybe
 * processed) but no answer must ever reach the caller. The node:http adapter (server.ts) destroys the socket.
 * A Next.js route cannot drop a socket; see next-route.ts for what it does instead.
 */
export class SandboxDropConnection extends Error {
  constructor() {
    super("ZIM sandbox fault: drop the connection without answering");
    this.name = "SandboxDropConnection";
  }
}

/** By name as well as by class: Next.js may load this module twice, giving two distinct classes. */
export function isSandboxDropConnection(error: unknown): error is SandboxDropConnection {
  return error instanceof SandboxDropConnection || (error instanceof Error && error.name === "SandboxDropConnection");
}
