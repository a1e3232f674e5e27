import "server-only";
import { getDb } from "@/lib/db";
import { createDbRateGate } from "./db-gate";
import type { RateGate } from "./types";

/** One gate per process on the console's database; on globalThis because Next.js may load this module twice. */
const holder = globalThis as typeof globalThis & { __consoleRateGate?: RateGate };

export function consoleRateGate(): RateGate {
  holder.__consoleRateGate ??= createDbRateGate(getDb);
  return holder.__consoleRateGate;
}
