import { OperatorError } from "@/lib/actions/operator-error";

/** The schedule control's fields a refusal can belong to; the form shows the error beside that field. */
export const SCHEDULE_FIELDS = ["date", "time", "timeZone", "occurrence", "weekdays", "until"] as const;
export type ScheduleField = (typeof SCHEDULE_FIELDS)[number];

/**
 * A refusal that belongs beside one field of the schedule control (a time in the past, an unknown zone, a quota
 * that is full at that time). Its key is in the "scheduleErrors" catalog, like every OperatorError's.
 */
export class ScheduleFieldError extends OperatorError {
  constructor(
    readonly field: ScheduleField,
    key: string,
    values: Record<string, string | number> = {},
  ) {
    super(`scheduleErrors.${key}`, values);
    this.name = "ScheduleFieldError";
  }
}
