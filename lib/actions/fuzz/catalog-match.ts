import en from "@/messages/en";

/**
 * Recognises a sentence from the English catalog: each template becomes a pattern in which every ICU argument
 * ({name}, {n, plural, …}) matches anything. A server error that matches none is not a message meant for operators.
 */
function templates(node: unknown): string[] {
  if (typeof node === "string") return [node];
  if (node && typeof node === "object") return Object.values(node).flatMap(templates);
  return [];
}

function icuToPattern(template: string): RegExp {
  let out = "";
  let depth = 0;
  for (const char of template) {
    if (char === "{") {
      if (depth === 0) out += "[\\s\\S]*";
      depth += 1;
    } else if (char === "}") depth = Math.max(0, depth - 1);
    else if (depth === 0) out += char.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}

const PATTERNS = templates(en).map(icuToPattern);
const UNEXPECTED = icuToPattern((en as { errors: { unexpected: string } }).errors.unexpected);

/** True when `text` is one of the catalog's sentences (with any values filled in). */
export function isCatalogSentence(text: string): boolean {
  return PATTERNS.some((p) => p.test(text));
}

/** True for the generic "something went wrong, quote this reference" sentence of an unexpected failure. */
export function isUnexpectedFailure(text: string): boolean {
  return UNEXPECTED.test(text);
}
