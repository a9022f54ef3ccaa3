/** A task's due moment and reminder between the task forms and the wire (§13.1). The user picks
 *  a local date, an optional local time and, with a time, a reminder some minutes before; the
 *  wire gets `due_date` and `due_time` in UTC (through the time module) and
 *  `reminder_offset_mins`. A reminder needs a due time: a date alone is a day, and a time of day
 *  on it could not be placed in UTC without moving the day. */
import { dueToLocalInput, localInputToDue, type Zone } from "./time";

export const REMINDERS: { minutes: number | null; label: string }[] = [
  { minutes: null, label: "No reminder" },
  { minutes: 0, label: "At the due time" },
  { minutes: 10, label: "10 minutes before" },
  { minutes: 30, label: "30 minutes before" },
  { minutes: 60, label: "1 hour before" },
  { minutes: 1440, label: "1 day before" },
];

export type Timing = { date: string; time: string; reminder: number | null };

/** The form's values for a task as stored. */
export function timingOf(task: { due_date?: string | null; due_time?: string | null; [k: string]: unknown }, zone?: Zone): Timing {
  const local = dueToLocalInput(task.due_date, task.due_time, zone);
  const offset = task["reminder_offset_mins"];
  const reminder = local.time !== "" && typeof offset === "number" && offset >= 0 ? offset : null;
  return { ...local, reminder };
}

/** The wire fields for what the form holds, or a message saying what to fix. `clear`: send
 *  nulls for what is empty (an edit), rather than leaving it out (a new task). */
export function timingFields(t: Timing, clear: boolean, zone?: Zone): { fields: Record<string, string | number | null> } | { error: string } {
  const out: Record<string, string | number | null> = {};
  if (t.date.trim() === "") {
    if (t.time.trim() !== "") return { error: "A due time needs a due date." };
    if (clear) Object.assign(out, { due_date: null, due_time: null, reminder_offset_mins: null });
    return { fields: out };
  }
  const due = localInputToDue(t.date, t.time, zone);
  if (!due) return { error: "The due date or time is not valid." };
  out.due_date = due.due_date;
  if (due.due_time !== null) out.due_time = due.due_time;
  else if (clear) out.due_time = null;
  if (t.reminder !== null) {
    if (due.due_time === null) return { error: "A reminder needs a due time." };
    out.reminder_offset_mins = t.reminder;
  } else if (clear) out.reminder_offset_mins = null;
  return { fields: out };
}
