import { randomInt } from "node:crypto";

/**
 * MsgIds shaped like ZIM's: milliseconds shifted left 22 bits plus a per-process counter, a positive 64-bit
 * number of 19 digits (D10: never representable as a JS number). The counter starts at a random point so two
 * processes on one PostgreSQL world are unlikely to collide; the primary key catches it if they do.
 */
const LOW_BITS = 22n;
let counter = randomInt(0, 1 << 22);

export function newMsgId(at: Date): bigint {
  counter = (counter + 1) % (1 << 22);
  const id = (BigInt(at.getTime()) << LOW_BITS) | BigInt(counter);
  return id & (2n ** 63n - 1n);
}
