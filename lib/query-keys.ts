/** Every React Query key of the console, in one place, so invalidations always hit what they mean to. */
export const queryKeys = {
  sandboxInbox: (userId: string) => ["sandbox", "inbox", userId] as const,
  messageSend: (id: string) => ["messages", "send", id] as const,
  appGroups: (appKey: string) => ["messages", "groups", appKey] as const,
  announcementQuota: (appKey: string) => ["announcements", "quota", appKey] as const,
  groupMembers: (appKey: string, groupId: string) => ["messages", "members", appKey, groupId] as const,
  scheduledList: (view: string) => ["scheduled", "list", view] as const,
  scheduledItem: (id: string) => ["scheduled", "item", id] as const,
  scheduledCalendar: (mode: string, day: string, app: string, timeZone: string) => ["scheduled", "calendar", mode, day, app, timeZone] as const,
  bulkList: (before: string) => ["bulk", "list", before] as const,
  /** One bulk send's progress and the page of its results the filters (a query string) select. */
  bulkSend: (id: string, filters: string) => ["bulk", "send", id, filters] as const,
};
