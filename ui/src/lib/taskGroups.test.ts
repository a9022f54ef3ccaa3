import { describe, expect, it } from "vitest";
import type { Task } from "../api/bindings";
import { groupTasks, localDay } from "./taskGroups";

const task = (id: number, title: string, due: string | null, status = "open"): Task => ({ id, title, due_date: due, status });

describe("tasks by due date", () => {
  it("puts each task in one group, in reading order", () => {
    const groups = groupTasks(
      [
        task(1, "later", "2026-12-31"),
        task(2, "late", "2026-11-01"),
        task(3, "today", "2026-11-22"),
        task(4, "no date", null),
        task(5, "this week", "2026-11-29"),
        task(6, "finished", "2026-11-01", "done"),
        task(7, "just after the week", "2026-11-30"),
      ],
      "2026-11-22",
    );
    expect(groups.map((g) => [g.key, g.tasks.map((t) => t.id)])).toEqual([
      ["overdue", [2]],
      ["today", [3]],
      ["week", [5]],
      ["later", [7, 1]],
      ["undated", [4]],
      ["done", [6]],
    ]);
  });

  it("crosses month and year ends and leaves out empty groups", () => {
    const groups = groupTasks([task(1, "new year", "2027-01-03")], "2026-12-30");
    expect(groups).toEqual([{ key: "week", label: "Next 7 days", tasks: [task(1, "new year", "2027-01-03")] }]);
  });

  it("formats a local day", () => {
    expect(localDay(new Date(2026, 0, 5))).toBe("2026-01-05");
  });
});
