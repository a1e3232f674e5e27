import type { RecipientMode } from "./compose-form";

/** What the confirmation sentence is made of. */
export interface SendSummary {
  priority: 1 | 2 | 3;
  messageType: number;
  groupId: string;
  appName: string;
  recipientMode: RecipientMode;
  receivers: string[];
  /** Members of the group (QueryGroupMemberList), when known. */
  audienceSize?: number | null;
  pushOn: boolean;
}

/** The shape of next-intl's `t` for the "confirmSend" namespace. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

const SHOWN_IDS = 5;

function idList(ids: string[], t: Translate): string {
  const list = ids.slice(0, SHOWN_IDS).join(", ");
  return ids.length > SHOWN_IDS ? t("more", { list, n: ids.length - SHOWN_IDS }) : list;
}

/**
 * The send in one plain sentence, e.g. "High-priority text message to group r1 in app Production, only 2 of its
 * 48 members: userA, userB; push on" — what the operator confirms before anything goes out.
 */
export function describeSend(s: SendSummary, t: Translate): string {
  const n = s.receivers.length;
  const count = s.audienceSize ?? undefined;
  const list = idList(s.receivers, t);
  const known = count !== undefined;
  const audience =
    s.recipientMode === "all"
      ? known ? t("audienceAll", { count }) : t("audienceAllUnknown")
      : s.recipientMode === "only"
        ? known ? t("audienceOnly", { n, count, list }) : t("audienceOnlyUnknown", { n, list })
        : known ? t("audienceExcept", { n, count, receive: Math.max(count - n, 0), list }) : t("audienceExceptUnknown", { n, list });
  return t("sentence", {
    priority: t(`priority.${s.priority}`),
    type: t(`type.${s.messageType}`),
    group: s.groupId,
    app: s.appName,
    audience,
    push: t(s.pushOn ? "pushOn" : "pushOff"),
  });
}

/** What the confirmation of a send to many groups is made of: the same message to each, and how many groups. */
export type BulkSendSummary = Omit<SendSummary, "groupId" | "audienceSize"> & { groupCount: number };

/**
 * A send to many groups in one sentence, e.g. "Medium-priority text message to 5,000 groups in app Production,
 * every member of each group; push off". Group sizes are not looked up: the same words hold for every group.
 */
export function describeBulkSend(s: BulkSendSummary, t: Translate): string {
  const n = s.receivers.length;
  const list = idList(s.receivers, t);
  const audience =
    s.recipientMode === "all" ? t("audienceAllBulk") : s.recipientMode === "only" ? t("audienceOnlyBulk", { n, list }) : t("audienceExceptBulk", { n, list });
  return t("sentenceBulk", {
    priority: t(`priority.${s.priority}`),
    type: t(`type.${s.messageType}`),
    groups: s.groupCount,
    app: s.appName,
    audience,
    push: t(s.pushOn ? "pushOn" : "pushOff"),
  });
}
