import type { z } from "zod";
import { wireObject } from "./fields";
import { zimId } from "./id";

/** QueryGroupInfo request body: FromUserId is the registered user the query is made as. */
export const queryGroupInfoSchema = wireObject({
  FromUserId: zimId("user ID to query as"),
  GroupId: zimId("group ID"),
});
export default queryGroupInfoSchema;

export type QueryGroupInfoInput = z.input<typeof queryGroupInfoSchema>;
export type QueryGroupInfoRequest = z.output<typeof queryGroupInfoSchema>;
