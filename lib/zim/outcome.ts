import type { z } from "zod";
import { parseZimJson } from "./raw-json";
import { envelopeSchema, type ZimEnvelope } from "./responses";
import { isRateLimitCode } from "./return-codes";

/**
 * What became of one ZIM call. Client-safe (no secrets), so results can be shown and stored as they are.
 *
 * - `accepted`: Code 0. For a send, MsgSeq/MsgId/AuditInfos are in `response`; `blockedByModeration` is true when
 *   AuditInfos is non-empty, and then the message reached no one (D5).
 * - `rejected`: a non-zero Code. ZIM answered and did not carry the request out.
 * - `rate-limited`: a frequency-limit Code (660300005 for SendGroupMessage and RevokeGroupMessage (D3), 660500003
 *   for broadcasts, 660600007 / 660600004 for the group queries, the other limits in the catalogue): certainly not
 *   done, safe to send again later.
 * - `not-sent`: the request never left — invalid input, or the connection could not be opened (DNS failure,
 *   connection refused, TLS certificate refused). Safe to send again once the cause is fixed.
 * - `unknown`: the request may have reached ZIM but no usable answer came back — timeout, dropped connection,
 *   a status other than 200 or a body that is not a ZIM answer (D1). A send may or may not have happened; an
 *   operator must check before anyone sends it again.
 */
export type ZimOutcome<T extends ZimEnvelope = ZimEnvelope> =
  | ZimAccepted<T>
  | ZimRefused<"rejected">
  | ZimRefused<"rate-limited">
  | ZimNotSent
  | ZimUnknown;

export interface ZimAccepted<T extends ZimEnvelope> {
  kind: "accepted";
  action: string;
  requestId: string;
  response: T;
  /** AuditInfos non-empty: accepted by the API but delivered to no one (D5). Always false for non-sends. */
  blockedByModeration: boolean;
}

export interface ZimRefused<K extends "rejected" | "rate-limited"> {
  kind: K;
  action: string;
  code: number;
  message: string;
  requestId: string;
  /** The whole answer, e.g. an ErrorList naming the users that failed. */
  response: ZimEnvelope;
}

export interface FieldIssue {
  path: PropertyKey[];
  message: string;
}

export interface ZimNotSent {
  kind: "not-sent";
  action: string;
  reason: "invalid-input" | "connection-failed";
  detail: string;
  /** For invalid-input: which field is wrong, as the request schema reports it. */
  issues?: FieldIssue[];
}

export interface ZimUnknown {
  kind: "unknown";
  action: string;
  reason: "timeout" | "aborted" | "connection-lost" | "http-status" | "not-json" | "unexpected-response";
  detail: string;
  httpStatus?: number;
}

/** True unless the outcome proves the request did nothing: a caller must not resend these automatically. */
export function mayHaveTakenEffect(outcome: ZimOutcome<ZimEnvelope>): boolean {
  return outcome.kind === "accepted" || outcome.kind === "unknown";
}

/** Classifies a complete HTTP answer. Only status 200 with a JSON ZIM envelope is an answer at all (D1). */
export function classifyAnswer<S extends z.ZodType<ZimEnvelope>>(
  action: string,
  status: number,
  text: string,
  successSchema: S,
): ZimOutcome<z.output<S>> {
  if (status !== 200) {
    const detail = `HTTP ${status}: ${excerpt(text)}`;
    return { kind: "unknown", action, reason: "http-status", httpStatus: status, detail };
  }
  let raw: unknown;
  try {
    raw = parseZimJson(text);
  } catch {
    return { kind: "unknown", action, reason: "not-json", httpStatus: status, detail: `Not JSON: ${excerpt(text)}` };
  }
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    return { kind: "unknown", action, reason: "unexpected-response", detail: `No numeric Code: ${excerpt(text)}` };
  }
  const { Code, Message, RequestId } = envelope.data;
  if (Code !== 0) {
    const kind = isRateLimitCode(Code) ? "rate-limited" : "rejected";
    return { kind, action, code: Code, message: Message, requestId: RequestId, response: envelope.data };
  }
  const parsed = successSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return { kind: "unknown", action, reason: "unexpected-response", detail: `Code 0 but ${problems}` };
  }
  const audit = (parsed.data as { AuditInfos?: unknown }).AuditInfos;
  return {
    kind: "accepted",
    action,
    requestId: RequestId,
    response: parsed.data,
    blockedByModeration: Array.isArray(audit) && audit.length > 0,
  };
}

/**
 * Error codes that can only happen while opening the connection, before a byte of the request is written: name
 * resolution, refused or unreachable connection, connect timeout, TLS certificate refusal. Anything else — a
 * reset, "other side closed", an abort — may come after the request left, so it is `unknown`.
 */
const BEFORE_SENDING = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/** Classifies an error thrown by fetch() itself (undici: TypeError "fetch failed" with the socket error as cause). */
export function classifyFetchError(action: string, error: unknown): ZimNotSent | ZimUnknown {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError") {
    return { kind: "unknown", action, reason: "timeout", detail: "No answer before the timeout." };
  }
  if (name === "AbortError") return { kind: "unknown", action, reason: "aborted", detail: "The call was cancelled." };
  const codes = causeCodes(error);
  const detail = describeError(error);
  if (codes.length > 0 && codes.every((c) => BEFORE_SENDING.has(c))) {
    return { kind: "not-sent", action, reason: "connection-failed", detail };
  }
  return { kind: "unknown", action, reason: "connection-lost", detail };
}

/** Classifies an error while reading the body: the request certainly arrived, so never `not-sent`. */
export function classifyBodyError(action: string, error: unknown, status: number): ZimUnknown {
  const outcome = classifyFetchError(action, error);
  if (outcome.kind === "unknown") return { ...outcome, httpStatus: status };
  return { kind: "unknown", action, reason: "connection-lost", httpStatus: status, detail: outcome.detail };
}

function causeCodes(error: unknown): string[] {
  const cause = error instanceof Error ? error.cause : undefined;
  // Node's happy-eyeballs connect reports one AggregateError for all addresses it tried.
  const errors = cause instanceof AggregateError ? cause.errors : [cause];
  const codes = errors.map((e) => codeOf(e));
  // One error without a code makes the whole failure unexplained, hence not provably before sending.
  return codes.every((c): c is string => c !== undefined) ? codes : [];
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat || "(empty body)";
}
