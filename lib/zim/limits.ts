/**
 * Size and count limits of the ZIM Server API. Client-safe constants: the forms show them, the schemas enforce
 * them, the sandbox reuses them. Sizes are UTF-8 bytes with 1 KB = 1024 bytes (D4).
 */

/** Limits ZEGO support can change per app, so each app in the console carries its own copy. */
export interface ZimLimits {
  /** `Message` of text (1), command (2, decoded bytes), media (11–14) and custom (200) messages: 2 KB (D4). */
  messageBytes: number;
  /** `Message` of a multi-item (10) message, the whole JSON string: 5 KB (D4). */
  multiItemMessageBytes: number;
  /** `ExtendedData` of any message: 1 KB (D4). */
  extendedDataBytes: number;
  /** `SearchedContent` of a custom message: 64 bytes by default. */
  searchedContentBytes: number;
  /** `SendMsgOptions.TargetOption.ReceiverUserIds`: undocumented, the console allows 1,000 (D8). */
  receiverUserIds: number;
}

export const DEFAULT_ZIM_LIMITS: Readonly<ZimLimits> = Object.freeze({
  messageBytes: 2 * 1024,
  multiItemMessageBytes: 5 * 1024,
  extendedDataBytes: 1024,
  searchedContentBytes: 64,
  receiverUserIds: 1000,
});

/** The most support can raise a message size limit to. */
export const MAX_RAISED_BYTES = 32 * 1024;

/** Fills the gaps with the defaults; throws RangeError for a limit no app can have (a configuration mistake). */
export function resolveZimLimits(overrides: Partial<ZimLimits> = {}): ZimLimits {
  const limits: ZimLimits = { ...DEFAULT_ZIM_LIMITS, ...stripUndefined(overrides) };
  for (const [name, value] of Object.entries(limits)) {
    const max = name === "receiverUserIds" ? Number.MAX_SAFE_INTEGER : MAX_RAISED_BYTES;
    if (!Number.isInteger(value) || value < 1 || value > max) {
      throw new RangeError(`ZIM limit ${name} must be an integer from 1 to ${max}, got ${String(value)}`);
    }
  }
  return limits;
}

function stripUndefined(overrides: Partial<ZimLimits>): Partial<ZimLimits> {
  return Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
}

/** Fixed by the API (not configurable per app in the docs). */
export const ZIM_ID_MAX_BYTES = 32;
export const MEDIA_URL_MAX_BYTES = 500;
export const MEDIA_FILE_NAME_MAX_BYTES = 150;
export const MULTI_MSG_MAX_ITEMS = 20;
export const SUB_MSG_TYPE_MAX = 200;
export const BADGE_INCREMENT_MAX = 99;
export const REVOKE_PAYLOAD_MAX_BYTES = 200;
export const QUERY_APP_GROUP_LIST_MAX_LIMIT = 10_000;
export const QUERY_GROUP_MEMBER_LIST_MAX_LIMIT = 1000;
export const QUERY_USER_ONLINE_STATE_MAX_USERS = 100;
export const USER_REGISTER_MAX_USERS = 100;
export const USER_NAME_MAX_BYTES = 256;
export const USER_AVATAR_MAX_BYTES = 500;
export const CREATE_GROUP_MAX_USERS = 100;
export const GROUP_NAME_MAX_BYTES = 50;
export const GROUP_NOTICE_MAX_BYTES = 300;
export const GROUP_AVATAR_MAX_BYTES = 500;
export const GROUP_ATTRIBUTES_MAX = 10;
export const GROUP_ATTRIBUTE_KEY_MAX_BYTES = 16;
export const GROUP_ATTRIBUTE_VALUE_MAX_BYTES = 1024;
export const INVITE_USERS_MAX = 100;
