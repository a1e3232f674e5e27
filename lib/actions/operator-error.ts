/**
 * An error meant for the operator: its `key` names a sentence in the "errors" catalog (messages/*.json), or in a
 * feature's own namespace when dotted ("composeErrors.noTestGroup"), so it reaches the browser translated. Any
 * other error becomes a generic sentence plus a logged reference.
 */
export class OperatorError extends Error {
  constructor(
    readonly key: string,
    readonly values: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = "OperatorError";
  }
}
