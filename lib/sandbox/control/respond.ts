import { z } from "zod";
import { unstorableTextPaths } from "@/lib/db/storable-text";

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8" } });
}

/** 4xx answers of the control endpoint: `{"Error": "…"}` with a sentence an operator can act on. */
export function controlError(status: number, message: string): Response {
  return json({ Error: message }, status);
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Validates with zod; on failure a 400 naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const problems = z.prettifyError(result.error).replace(/\n/g, " ");
  return { ok: false, response: controlError(400, `Invalid input: ${problems}`) };
}

/** The JSON body of a control request; a missing body counts as {}. Text the world cannot store is refused. */
export async function readJson(request: Request): Promise<Parsed<unknown>> {
  const text = await request.text();
  if (text.trim() === "") return { ok: true, data: {} };
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch {
    return { ok: false, response: controlError(400, "Invalid input: the body must be JSON") };
  }
  const [path] = unstorableTextPaths(data);
  if (path) {
    const where = path.length ? ` at ${path.join(".")}` : "";
    return { ok: false, response: controlError(400, `Invalid input: the text${where} holds a NUL or a broken Unicode character`) };
  }
  return { ok: true, data };
}

export function queryObject(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}
