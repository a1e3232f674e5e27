/**
 * Shape of one return-code row. The class tells the console what kind of next step to offer; meaning and action
 * are written for an operator, in English and Simplified Chinese. Client-safe (the browser shows these).
 */
export type ReturnCodeClass =
  /** Code 0. */
  | "success"
  /** A frequency limit: nothing was done, the same request can go again later. */
  | "rate-limited"
  /** A passing problem on ZEGO's side: try again later. */
  | "retry-later"
  /** Something in the request must change (an ID, a size, a list). */
  | "fix-input"
  /** The app's setup must change: credentials, plan, enabled features, registered users. */
  | "fix-setup"
  /** The request is refused by a rule of the app or of ZIM (window passed, blocked, moderated). */
  | "not-allowed"
  /** What was asked for is already the case. */
  | "already-done"
  /** The console built a malformed request: report it, it is not the operator's doing. */
  | "report-bug"
  /** Only ZEGO support can help. */
  | "contact-support";

export interface ReturnCodeText {
  meaning: string;
  action: string;
}

export interface ReturnCodeEntry {
  code: number;
  class: ReturnCodeClass;
  en: ReturnCodeText;
  zh: ReturnCodeText;
}

export function row(
  code: number,
  cls: ReturnCodeClass,
  enMeaning: string,
  enAction: string,
  zhMeaning: string,
  zhAction: string,
): ReturnCodeEntry {
  return {
    code,
    class: cls,
    en: { meaning: enMeaning, action: enAction },
    zh: { meaning: zhMeaning, action: zhAction },
  };
}
