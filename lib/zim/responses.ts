import { z } from "zod";

/**
 * Shapes of successful (Code 0) answers, read leniently: unknown fields are kept (z.looseObject), documented ones
 * are type-checked. Business fields sit at the top level beside Code (zim-api.md §1.4). IDs arrive as strings
 * because parseZimJson quotes MsgId and RequestId before parsing (D10).
 */
export const envelopeSchema = z.looseObject({
  Code: z.number(),
  Message: z.string().catch(""),
  RequestId: z.string().catch(""),
});
export type ZimEnvelope = z.output<typeof envelopeSchema>;

// "Empty for command messages" (MsgSeq): absent, null or "" all mean there is none.
const absent = z.union([z.null(), z.literal("")]).transform(() => undefined);

export const auditInfoSchema = z.looseObject({ Index: z.number(), Reason: z.string().catch("") });
export type AuditInfo = z.output<typeof auditInfoSchema>;

const failedUser = z.looseObject({ UserId: z.string(), SubCode: z.number(), SubMessage: z.string().optional() });
export type FailedUser = z.output<typeof failedUser>;
const failedUsers = z.array(failedUser).default([]);

export const sendGroupMessageResponseSchema = envelopeSchema.extend({
  MsgSeq: z.union([z.number(), absent]).optional(),
  MsgId: z.union([z.string().regex(/^\d+$/), absent]).optional(),
  /** Non-empty means the message failed moderation and reached no one (D5). */
  AuditInfos: z.union([z.array(auditInfoSchema), z.null()]).transform((v) => v ?? []).default([]),
});

/** D14: ErrorList is not in the documented schema; kept if a server sends it, otherwise absent. */
export const sendMessageToAllUsersResponseSchema = envelopeSchema.extend({
  ErrorList: z.array(z.unknown()).optional(),
});

export const revokeGroupMessageResponseSchema = envelopeSchema;

export const queryAppGroupListResponseSchema = envelopeSchema.extend({
  TotalCount: z.number().default(0),
  /** 0 when the last page was returned. */
  Next: z.number().default(0),
  GroupIdList: z.array(z.looseObject({ GroupId: z.string(), GroupName: z.string().optional() })).default([]),
});

export const queryGroupInfoResponseSchema = envelopeSchema.extend({
  GroupId: z.string().optional(),
  GroupName: z.string().optional(),
  GroupNotice: z.string().optional(),
  GroupAvatar: z.string().optional(),
  GroupDataSeq: z.number().optional(),
  IsAllForbid: z.boolean().optional(),
  ForbidList: z.array(z.number()).optional(),
  ForbidExpireTime: z.number().optional(),
  LimitInfo: z.looseObject({
    MemberCountLimit: z.number().optional(),
    JoinMode: z.number().optional(),
    InviteMode: z.number().optional(),
    BeInvitedMode: z.number().optional(),
    NumberMessage: z.number().optional(),
  }).optional(),
  /** Milliseconds. */
  GroupCreateTime: z.number().optional(),
  GroupAttributes: z.array(z.looseObject({ Key: z.string(), Value: z.string() })).optional(),
});

export const queryGroupMemberListResponseSchema = envelopeSchema.extend({
  TotalCount: z.number().default(0),
  Next: z.number().default(0),
  MemberList: z
    .array(
      z.looseObject({
        UserId: z.string(),
        UserName: z.string().optional(),
        UserNickName: z.string().optional(),
        /** 1 owner, 2 admin, 3 member (custom roles above 100). */
        Role: z.number().optional(),
      }),
    )
    .default([]),
});

export const queryUserOnlineStateResponseSchema = envelopeSchema.extend({
  Result: z.array(z.looseObject({ UserId: z.string(), Status: z.enum(["Online", "Offline"]) })).default([]),
  /** Unknown or logged-out users (SubCode 660200001). */
  ErrorList: failedUsers,
});

export const userRegisterResponseSchema = envelopeSchema.extend({ ErrorList: failedUsers });

export const createGroupResponseSchema = envelopeSchema.extend({
  GroupId: z.string().optional(),
  Members: z.array(z.looseObject({ UserId: z.string(), UserName: z.string().optional() })).default([]),
  ErrorUsers: failedUsers,
});

export const inviteUsersIntoGroupResponseSchema = envelopeSchema.extend({ ErrorUsers: failedUsers });

export type SendGroupMessageResponse = z.output<typeof sendGroupMessageResponseSchema>;
export type SendMessageToAllUsersResponse = z.output<typeof sendMessageToAllUsersResponseSchema>;
export type RevokeGroupMessageResponse = z.output<typeof revokeGroupMessageResponseSchema>;
export type QueryAppGroupListResponse = z.output<typeof queryAppGroupListResponseSchema>;
export type QueryGroupInfoResponse = z.output<typeof queryGroupInfoResponseSchema>;
export type QueryGroupMemberListResponse = z.output<typeof queryGroupMemberListResponseSchema>;
export type QueryUserOnlineStateResponse = z.output<typeof queryUserOnlineStateResponseSchema>;
export type UserRegisterResponse = z.output<typeof userRegisterResponseSchema>;
export type CreateGroupResponse = z.output<typeof createGroupResponseSchema>;
export type InviteUsersIntoGroupResponse = z.output<typeof inviteUsersIntoGroupResponseSchema>;
