/** Bulk sends per page of the list (the page and its polling route read the same page). */
export const BULK_LIST_PAGE = 50;

/** A bulk send's id as the database stores it; anything else is "no such bulk send", never a database error. */
export const isBulkId = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
