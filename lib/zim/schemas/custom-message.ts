import { SUB_MSG_TYPE_MAX } from "../limits";
import { intInRange } from "./fields";

/** SubMsgType: the developer's own sub-type of a custom (200) message, 0–200. */
export const subMsgTypeSchema = intInRange("custom message sub-type (SubMsgType)", 0, SUB_MSG_TYPE_MAX);

export interface FieldProblem {
  path: (string | number)[];
  message: string;
}

/**
 * SubMsgType is required for custom (200) messages and meaningless otherwise (seed: "Yes if MessageType is 200");
 * SearchedContent exists only for custom messages. Refusing them elsewhere keeps an operator from believing a text
 * message became searchable.
 */
export function customFieldProblems(input: {
  MessageType: number;
  SubMsgType?: number | undefined;
  SearchedContent?: string | undefined;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const custom = input.MessageType === 200;
  if (custom && input.SubMsgType === undefined) {
    problems.push({
      path: ["SubMsgType"],
      message: `Custom messages need a sub-type (SubMsgType): a whole number from 0 to ${SUB_MSG_TYPE_MAX}.`,
    });
  }
  if (!custom && input.SubMsgType !== undefined) {
    problems.push({
      path: ["SubMsgType"],
      message: "Only custom messages (type 200) have a sub-type; clear this field.",
    });
  }
  if (!custom && input.SearchedContent !== undefined) {
    problems.push({
      path: ["SearchedContent"],
      message: "Only custom messages (type 200) have search text; clear this field.",
    });
  }
  return problems;
}
