import "server-only";
import { InvalidRequestError } from "@/lib/messages/context";
import type { ResolvedTarget } from "@/lib/messages/targets";
import type { ItemKind } from "@/lib/scheduler/status";
import { makeSendGroupMessageSchema } from "@/lib/zim/schemas/send-group-message";
import { makeSendMessageToAllUsersSchema } from "@/lib/zim/schemas/send-message-to-all-users";

/**
 * The request an item will send, checked against the chosen app's own limits with the schema its sender uses
 * (SendGroupMessage or SendMessageToAllUsers), so nothing is scheduled that would be refused at its time.
 * Answers the wire body exactly as it will go out (PushType filled in, D6).
 */
export function checkItemRequest(kind: ItemKind, app: ResolvedTarget, request: unknown): Record<string, unknown> {
  const schema = kind === "group" ? makeSendGroupMessageSchema(app.limits) : makeSendMessageToAllUsersSchema(app.limits);
  const parsed = schema.safeParse(request);
  if (!parsed.success) {
    throw new InvalidRequestError(parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === "number" ? p : String(p))), message: i.message })));
  }
  return parsed.data as Record<string, unknown>;
}
