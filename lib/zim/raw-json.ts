/**
 * JSON.parse for ZIM answers that keeps 64-bit IDs exact (D10). MsgId can exceed 2^53, and a JS number would
 * silently round it, so its digits are quoted in the raw text before parsing. RequestId is documented as a string
 * but is quoted too in case a server sends a bare number. Node 20 has no JSON.parse source access, hence the text.
 */
const EXACT_KEYS = ["MsgId", "RequestId"];

// A key can only follow "{" or "," outside a string (an unescaped quote inside a string would end it), so this
// never rewrites string content. The number must end the value (no fraction or exponent) to be an ID.
const EXACT_NUMBER = new RegExp(`([{,]\\s*"(?:${EXACT_KEYS.join("|")})"\\s*:\\s*)(-?\\d+)(?=\\s*[,}])`, "g");

export function parseZimJson(text: string): unknown {
  return JSON.parse(text.replace(EXACT_NUMBER, '$1"$2"'));
}
