import type { SQL } from "drizzle-orm";
import type { Database } from "./open";

/** Runs raw SQL and answers its rows; both drivers (PGlite, node-postgres) return them as `rows`. */
export async function queryRows<T>(db: Pick<Database, "execute">, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
