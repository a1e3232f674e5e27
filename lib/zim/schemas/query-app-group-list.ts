import type { z } from "zod";
import { QUERY_APP_GROUP_LIST_MAX_LIMIT } from "../limits";
import { intInRange, pageMarker, wireObject } from "./fields";

/**
 * QueryAppGroupList (GET, 1 call/s): pages through every group of the app. Next is 0 on the first call and the
 * previous answer's Next after that; keep Limit the same on every page. The data may lag up to a minute.
 */
export const queryAppGroupListSchema = wireObject({
  Limit: intInRange("page size (Limit)", 0, QUERY_APP_GROUP_LIST_MAX_LIMIT).optional(),
  Next: pageMarker.optional(),
});
export default queryAppGroupListSchema;

export type QueryAppGroupListInput = z.input<typeof queryAppGroupListSchema>;
export type QueryAppGroupListRequest = z.output<typeof queryAppGroupListSchema>;
