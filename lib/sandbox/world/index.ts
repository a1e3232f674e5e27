/**
 * The sandbox world as plain functions, for the console's Sandbox page and for tests. Each takes the console's
 * Database handle; the views are JSON-ready and are the same objects the control endpoint answers with.
 */
export { listUsers, findUser, upsertUsers, type SandboxUserView, type UserInput } from "./users";
export { listGroups, type SandboxGroupView } from "./groups";
export { listMembers, type SandboxMemberView } from "./members";
export { createGroupWithMembers, type GroupSetup } from "./group-setup";
export { inboxOf, unreadCountsOf, type SandboxInboxEntry, type InboxFilter } from "./inbox";
export { listGroupMessages, type SandboxGroupMessageView } from "./messages";
export { listBroadcasts, type SandboxBroadcastView } from "./broadcasts";
export { getSettings, updateSettings, DEFAULT_SETTINGS, type SandboxSettings } from "./settings";
export { listFaults, putFault, deleteFaults, type SandboxFault } from "./faults";
export { ensureSandboxWorld, resetSandboxWorld } from "./seed";
export { SAMPLE_SENDER } from "./sample-data";
