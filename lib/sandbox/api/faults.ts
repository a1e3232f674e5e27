import { setTimeout as sleep } from "node:timers/promises";
import type { SandboxFault } from "../world/faults";
import { SandboxDropConnection } from "../drop-connection";
import { apiResponse, fail } from "./envelope";
import { CODE } from "./codes";

/** The answer a fault puts in place of the real one, or undefined when it only adds latency. */
function faultAnswer(fault: SandboxFault): Response | undefined {
  switch (fault.Effect) {
    case "none":
      return undefined;
    case "drop":
      throw new SandboxDropConnection();
    case "http-error": {
      const status = fault.HttpStatus ?? 503;
      return new Response(`<html><body><h1>${status}</h1><p>ZIM sandbox fault</p></body></html>`, {
        status,
        headers: { "content-type": "text/html; charset=utf-8" },
      });
    }
    case "malformed-json":
      // Cut off mid-answer, as a proxy that lost the connection half way would deliver it.
      return new Response('{"Code":0,"Message":"success","RequestId":"7', {
        status: 200,
        headers: { "content-type": "application/json; charset=utf-8" },
      });
    case "code":
      return apiResponse(fail(fault.Code ?? CODE.businessError, fault.Message ?? undefined));
  }
}

/**
 * Runs `process` under a fault. AfterProcessing true: the call is processed (a message is delivered), then the
 * answer is delayed and replaced — the caller learns nothing of the outcome ("lost answer"). False: the fault
 * strikes first and the call is never processed ("lost request"), unless the fault only adds latency.
 */
export async function withFault(fault: SandboxFault | undefined, process: () => Promise<Response>) {
  if (!fault) return process();
  if (!fault.AfterProcessing) {
    if (fault.LatencyMs > 0) await sleep(fault.LatencyMs);
    return faultAnswer(fault) ?? process();
  }
  const response = await process();
  if (fault.LatencyMs > 0) await sleep(fault.LatencyMs);
  return faultAnswer(fault) ?? response;
}
