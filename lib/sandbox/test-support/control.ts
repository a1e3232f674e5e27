/** Small JSON client for <url>/_sandbox/… */
export function controlClient(url: string) {
  async function send(method: string, path: string, body?: unknown) {
    const response = await fetch(`${url}/_sandbox/${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> };
  }
  return {
    get: (path: string) => send("GET", path),
    post: (path: string, body?: unknown) => send("POST", path, body),
    put: (path: string, body?: unknown) => send("PUT", path, body),
    delete: (path: string) => send("DELETE", path),
  };
}

export type ControlClient = ReturnType<typeof controlClient>;
