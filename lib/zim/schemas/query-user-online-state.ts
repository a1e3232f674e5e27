import { z } from "zod";
import { QUERY_USER_ONLINE_STATE_MAX_USERS } from "../limits";
import { wireObject } from "./fields";
import { zimId } from "./id";

/** QueryUserOnlineState (GET): the IDs travel in the query string as UserId[]=a&UserId[]=b. */
export const queryUserOnlineStateSchema = wireObject({
  UserId: z
    .array(zimId("user ID"), { error: "Enter the user IDs to look up." })
    .min(1, "Enter at least one user ID.")
    .max(QUERY_USER_ONLINE_STATE_MAX_USERS, `Look up at most ${QUERY_USER_ONLINE_STATE_MAX_USERS} users at a time.`),
});
export default queryUserOnlineStateSchema;

export type QueryUserOnlineStateInput = z.input<typeof queryUserOnlineStateSchema>;
export type QueryUserOnlineStateRequest = z.output<typeof queryUserOnlineStateSchema>;
