import "server-only";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@/lib/db/open";
import { createSandboxHandler } from "./handler";
import { nodeListener } from "./node-adapter";

export interface StartSandboxOptions {
  db: Database;
  appId: number;
  serverSecret: string;
  /** 0 = any free port (tests). */
  port?: number;
  host?: string;
  now?: () => Date;
}

export interface RunningSandbox {
  /** Base URL without a trailing slash; the API answers at `${url}/?Action=…`. */
  url: string;
  close(): Promise<void>;
}

/** The sandbox on its own node:http server, answering at "/" like the real host (tests and `npm run sandbox`). */
export async function startSandboxServer(options: StartSandboxOptions): Promise<RunningSandbox> {
  const { port = 0, host = "127.0.0.1" } = options;
  const handler = createSandboxHandler({ ...options, basePath: "" });
  const server = http.createServer(nodeListener(handler));
  // Idle connections outlive the clients' own keep-alive (undici closes after 4 s): the client always closes first,
  // so a request is never written onto a socket the server is closing (the client would see a reset: "unknown").
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
