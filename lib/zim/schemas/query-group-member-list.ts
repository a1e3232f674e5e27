import type { z } from "zod";
import { QUERY_GROUP_MEMBER_LIST_MAX_LIMIT } from "../limits";
import { intInRange, pageMarker, wireObject } from "./fields";
import { zimId } from "./id";

/** QueryGroupMemberList request body: pages like QueryAppGroupList (Next 0 first, same Limit on every page). */
export const queryGroupMemberListSchema = wireObject({
  GroupId: zimId("group ID"),
  Limit: intInRange("page size (Limit)", 0, QUERY_GROUP_MEMBER_LIST_MAX_LIMIT).optional(),
  Next: pageMarker.optional(),
});
export default queryGroupMemberListSchema;

export type QueryGroupMemberListInput = z.input<typeof queryGroupMemberListSchema>;
export type QueryGroupMemberListRequest = z.output<typeof queryGroupMemberListSchema>;
