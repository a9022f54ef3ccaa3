/** Tasks grouped the way a to-do list reads: what is late, what is due today, this week, later,
 *  without a date, and what is done. */
import type { Task } from "../api/bindings";

export type GroupKey = "overdue" | "today" | "week" | "later" | "undated" | "done";
export type TaskGroup = { key: GroupKey; label: string; tasks: Task[] };

const LABELS: Record<GroupKey, string> = {
  overdue: "Overdue",
  today: "Today",
  week: "Next 7 days",
  later: "Later",
  undated: "No due date",
  done: "Done",
};

/** `YYYY-MM-DD` of a local date. */
export function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function addDays(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return localDay(new Date(y, m - 1, d + days));
}

function groupOf(task: Task, today: string, weekEnd: string): GroupKey {
  if (task.status === "done") return "done";
  const due = task.due_date?.slice(0, 10);
  if (!due) return "undated";
  if (due < today) return "overdue";
  if (due === today) return "today";
  if (due <= weekEnd) return "week";
  return "later";
}

/** Non-empty groups in reading order; within a group, earliest due first, then by title. */
export function groupTasks(tasks: Task[], today: string): TaskGroup[] {
  const weekEnd = addDays(today, 7);
  const order: GroupKey[] = ["overdue", "today", "week", "later", "undated", "done"];
  const byKey = new Map<GroupKey, Task[]>(order.map((k) => [k, []]));
  for (const t of tasks) byKey.get(groupOf(t, today, weekEnd))!.push(t);
  const sortKey = (t: Task) => `${t.due_date ?? "9999"} ${t.due_time ?? ""} ${t.title ?? ""}`;
  return order
    .map((key) => ({
      key,
      label: LABELS[key],
      tasks: [...byKey.get(key)!].sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
    }))
    .filter((g) => g.tasks.length > 0);
}
