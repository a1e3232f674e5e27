/** Every React Query key of the console, in one place, so invalidations always hit what they mean to. */
export const queryKeys = {
  sandboxInbox: (userId: string) => ["sandbox", "inbox", userId] as const,
};
