import type { Resolver } from "react-hook-form";
import { fieldForWirePath, mediaIssues, toFieldErrors, type FormIssue } from "@/lib/messages/compose-validation";
import type { ZimLimits } from "@/lib/zim/limits";
import { makeSendMessageToAllUsersSchema } from "@/lib/zim/schemas/send-message-to-all-users";
import { buildAnnouncementRequest, type AnnouncementValues } from "./announcement-form";

/**
 * Every problem of the announcement, each beside its field: the media fields one by one, then the whole body
 * through lib/zim's SendMessageToAllUsers schema with the app's limits — the check the server action and the
 * send verb make again.
 */
export function announcementIssues(v: AnnouncementValues, limits: ZimLimits): FormIssue[] {
  const issues: FormIssue[] = [];
  if (!v.appKey) issues.push({ path: "appKey", message: "Choose the ZIM app to send through." });
  const media = v.messageType >= 11 && v.messageType <= 14;
  const detailed = media ? mediaIssues(v.messageType as 11 | 12 | 13 | 14, v.media, "media") : [];
  issues.push(...detailed);
  const parsed = makeSendMessageToAllUsersSchema(limits).safeParse(buildAnnouncementRequest(v));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = fieldForWirePath(issue.path, v.messageType);
      if (path === "media.root" && detailed.length > 0) continue;
      issues.push({ path, message: issue.message });
    }
  }
  const seen = new Set<string>();
  return issues.filter((i) => !seen.has(i.path) && seen.add(i.path));
}

/** The form's resolver; the limits follow the app chosen in the form itself. */
export function announcementResolver(limitsFor: (appKey: string) => ZimLimits): Resolver<AnnouncementValues> {
  return async (values) => {
    const issues = announcementIssues(values, limitsFor(values.appKey));
    return issues.length === 0 ? { values, errors: {} } : { values: {}, errors: toFieldErrors<AnnouncementValues>(issues) };
  };
}
