/**
 * The page-number paging of QueryAppGroupList and QueryGroupMemberList: Next 0 asks for the first page, the
 * answer's Next is the following page's number, or 0 when nothing is left. Limit 0 or above the maximum
 * means the maximum (both YAMLs: "if empty or greater than …, the default value is …").
 */
export function pageWindow(limit: number | undefined, next: number | undefined, max: number) {
  const size = !limit || limit > max ? max : limit;
  const page = next ?? 0;
  return { size, page, offset: page * size };
}

export function nextPage(page: number, size: number, total: number): number {
  return (page + 1) * size < total ? page + 1 : 0;
}
