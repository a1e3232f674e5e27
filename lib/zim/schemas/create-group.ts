import { z } from "zod";
import {
  CREATE_GROUP_MAX_USERS,
  GROUP_ATTRIBUTE_KEY_MAX_BYTES,
  GROUP_ATTRIBUTE_VALUE_MAX_BYTES,
  GROUP_ATTRIBUTES_MAX,
  GROUP_AVATAR_MAX_BYTES,
  GROUP_NAME_MAX_BYTES,
  GROUP_NOTICE_MAX_BYTES,
} from "../limits";
import { maxBytes, wireObject } from "./fields";
import { zimId } from "./id";

/**
 * CreateGroup request body (create-a-group.yaml). The member list is spelt `UserId` on the wire although it is an
 * array; the owner need not be in it. GroupName is limited to 50 bytes as the YAML says (zim-api.md's "50 chars"
 * is the looser reading). A GroupId may not start with "#": the server uses that prefix for IDs it generates.
 */
export const createGroupSchema = wireObject({
  GroupOwner: zimId("group owner's user ID"),
  GroupId: zimId("group ID")
    .refine((id) => !id.startsWith("#"), "A group ID cannot start with #; leave it empty to get a generated one.")
    .optional(),
  GroupName: maxBytes("group name", GROUP_NAME_MAX_BYTES).optional(),
  GroupNotice: maxBytes("group notice", GROUP_NOTICE_MAX_BYTES).optional(),
  GroupAvatar: maxBytes("group avatar URL", GROUP_AVATAR_MAX_BYTES).optional(),
  UserId: z
    .array(zimId("member user ID"), { error: "The members must be a list of user IDs." })
    .max(CREATE_GROUP_MAX_USERS, `Add at most ${CREATE_GROUP_MAX_USERS} members when creating a group.`)
    .optional(),
  Attributes: z
    .array(
      wireObject({
        Key: maxBytes("attribute name", GROUP_ATTRIBUTE_KEY_MAX_BYTES).min(1, "Enter the attribute name."),
        Value: maxBytes("attribute value", GROUP_ATTRIBUTE_VALUE_MAX_BYTES),
      }),
      { error: "The attributes must be a list of name/value pairs." },
    )
    .max(GROUP_ATTRIBUTES_MAX, `A group can have at most ${GROUP_ATTRIBUTES_MAX} attributes.`)
    .optional(),
  /** Milliseconds; 0 or absent means now. */
  CreateGroupTime: z.int({ error: "The creation time must be a time in milliseconds." }).min(0).optional(),
});
export default createGroupSchema;

export type CreateGroupInput = z.input<typeof createGroupSchema>;
export type CreateGroupRequest = z.output<typeof createGroupSchema>;
