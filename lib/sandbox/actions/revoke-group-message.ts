import "server-only";
import { z } from "zod";
import { CODE } from "../api/codes";
import { fail } from "../api/envelope";
import { maxBytes, zimId } from "../rules/ids";
import { findGroup } from "../world/groups";
import { recallGroupMessage, type RecallOutcome } from "../world/messages";
import type { ActionRun } from "./types";

const schema = z.looseObject({
  FromUserId: zimId,
  GroupId: zimId,
  MsgSeq: z.number().int().nonnegative(),
  Payload: maxBytes(200).optional(),
  OfflinePush: z.looseObject({ Enable: z.union([z.literal(0), z.literal(1)]).optional() }).optional(),
});

const CODES: Record<RecallOutcome, number> = {
  recalled: CODE.success,
  "not-found": CODE.messageNotFound,
  "not-sender": CODE.notTheSender,
  "already-recalled": CODE.alreadyRecalled,
  "window-passed": CODE.recallWindowPassed,
};

/**
 * RevokeGroupMessage (zim-api.md §6.1): 660600001 unknown group, then 660000022 no such MsgSeq, 660000026 not
 * the sender, 660000023 already recalled, 660000024 after the recall window (D13: 120 s by default, a world
 * setting; exactly at the limit still works). The recall shows in every inbox copy.
 */
export const revokeGroupMessage: ActionRun = async ({ db, now, settings, params }) => {
  const parsed = schema.safeParse(params);
  if (!parsed.success) return fail(CODE.badParameter);
  const req = parsed.data;
  if (!(await findGroup(db, req.GroupId))) return fail(CODE.groupNotFound);
  const outcome = await recallGroupMessage(db, {
    groupId: req.GroupId,
    msgSeq: req.MsgSeq,
    fromUserId: req.FromUserId,
    payload: req.Payload,
    at: now,
    windowSeconds: settings.RecallWindowSeconds,
  });
  return outcome === "recalled" ? { Code: CODE.success } : fail(CODES[outcome]);
};
