import type { IncomingMessage, ServerResponse } from "node:http";
import { isSandboxDropConnection } from "./drop-connection";
import type { SandboxHandler } from "./handler";

/** The whole request, body read, as a web Request (so a "drop" fault strikes after the request was read). */
export async function toWebRequest(req: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
  }
  const method = req.method ?? "GET";
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(url, { method, headers, body: hasBody ? Buffer.concat(chunks) : undefined });
}

/**
 * Serves `handler` on node:http. SandboxDropConnection destroys the socket without a byte of answer; any other
 * failure is logged and answered 500, which the real API never does (D1), so a client sees it as unknown.
 */
export function nodeListener(handler: SandboxHandler) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const response = await handler(await toWebRequest(req));
      const body = Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      res.end(body);
    } catch (error) {
      if (isSandboxDropConnection(error)) {
        req.socket.destroy();
        return;
      }
      console.error("[sandbox] request failed:", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("Internal sandbox error");
    }
  };
}
