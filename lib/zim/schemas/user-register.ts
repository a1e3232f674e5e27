import { z } from "zod";
import { USER_AVATAR_MAX_BYTES, USER_NAME_MAX_BYTES, USER_REGISTER_MAX_USERS } from "../limits";
import { maxBytes, wireObject } from "./fields";
import { zimId } from "./id";

/**
 * UserRegister request body: up to 100 users per call. A registered user can be a message sender without ever
 * logging in to the SDK; re-registering an existing ID fails for that ID with 660700002.
 */
export const userRegisterSchema = wireObject({
  UserInfo: z
    .array(
      wireObject({
        UserId: zimId("user ID"),
        UserName: maxBytes("user name", USER_NAME_MAX_BYTES).optional(),
        UserAvatar: maxBytes("avatar URL", USER_AVATAR_MAX_BYTES).optional(),
      }),
      { error: "Enter the users to register." },
    )
    .min(1, "Enter at least one user.")
    .max(USER_REGISTER_MAX_USERS, `Register at most ${USER_REGISTER_MAX_USERS} users at a time.`),
});
export default userRegisterSchema;

export type UserRegisterInput = z.input<typeof userRegisterSchema>;
export type UserRegisterRequest = z.output<typeof userRegisterSchema>;
