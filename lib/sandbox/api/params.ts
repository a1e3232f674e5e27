/** Common parameters travel in the query string of every call and are not business parameters. */
const COMMON = new Set(["Action", "AppId", "SignatureNonce", "Timestamp", "SignatureVersion", "Signature"]);

export type ParamsRead = { ok: true; params: Record<string, unknown> } | { ok: false };

/** GET business parameters: `UserId[]=a&UserId[]=b` (zim-api.md §1.1) and repeated keys become arrays. */
export function queryParams(query: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const key of new Set(query.keys())) {
    if (COMMON.has(key)) continue;
    const values = query.getAll(key);
    if (key.endsWith("[]")) params[key.slice(0, -2)] = values;
    else params[key] = values.length === 1 ? values[0] : values;
  }
  return params;
}

/**
 * A call's business parameters: the query's for GET, the JSON body's for POST (the query's extras under it).
 * A POST body that is not a JSON object is a parameter error (660000002); an empty one counts as {}.
 */
export async function readParams(request: Request, query: URLSearchParams): Promise<ParamsRead> {
  const fromQuery = queryParams(query);
  if (request.method !== "POST") return { ok: true, params: fromQuery };
  const text = await request.text();
  if (text.trim() === "") return { ok: true, params: fromQuery };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { ok: false };
  return { ok: true, params: { ...fromQuery, ...(body as Record<string, unknown>) } };
}
