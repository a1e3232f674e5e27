import { fieldForWirePath } from "./compose-validation";

type Node = { _errors?: string[] } & { [key: string]: unknown };

/**
 * next-safe-action's formatted validation errors ({ request: { GroupId: { _errors: [...] } } }) as composer fields
 * and messages; the schedule's own fields and a bulk send's group list keep their place; anything else (the key)
 * lands on the form as a whole.
 */
export function serverFieldErrors(errors: unknown, messageType: number): { path: string; message: string }[] {
  const found: { path: string; message: string }[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node as Node)) {
      if (key === "_errors" && Array.isArray(value) && value.length > 0) {
        const field = path[0] === "request" ? fieldForWirePath(path.slice(1), messageType)
          : path[0] === "appKey" ? "appKey"
          : path[0] === "groupsText" || path[0] === "groupIds" ? "groupsText"
          : path[0] === "schedule" && path[1] ? `schedule.${path[1]}` : "root";
        found.push({ path: field, message: String(value[0]) });
      } else if (key !== "_errors") {
        walk(value, [...path, key]);
      }
    }
  };
  walk(errors, []);
  return found;
}

