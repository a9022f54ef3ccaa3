import { describe, expect, it } from "vitest";
import type { Field, View } from "../api/bindings";
import { buildFilter, describeFilter, describeView, isDateToken, operatorsFor } from "./filters";

const priority: Field = { id: "priority", name: "Priority", type: "select", options: ["Low", "Urgent"] };
const effort: Field = { id: "effort_hours", name: "Effort Hours", type: "number" };
const subject: Field = { id: "subject", name: "Subject", type: "text" };
const due: Field = { id: "due", name: "Due", type: "date" };
const assignee: Field = { id: "assignee", name: "Assignee", type: "user" };

describe("the filter builder", () => {
  it("offers the API's operators by field type", () => {
    expect(operatorsFor(priority)).toEqual(["eq", "ne", "contains", "not_contains", "is_empty", "is_not_empty"]);
    expect(operatorsFor(effort)).toContain("gte");
    expect(operatorsFor(subject)).toEqual(["contains", "not_contains", "eq", "ne", "starts_with", "ends_with", "is_empty", "is_not_empty"]);
    expect(operatorsFor(due)).toContain("lt");
    expect(operatorsFor({ id: "files", type: "file" })).toEqual(["is_empty", "is_not_empty"]);
  });

  it("checks values before sending: numbers, options, people and dates", () => {
    expect(buildFilter(effort, "gte", " 7,5 ")).toEqual({ field: "effort_hours", op: "gte", value: 7.5, or: false });
    expect(buildFilter(effort, "gte", "lots")).toBe("Effort Hours: enter a number.");
    expect(buildFilter(subject, "contains", "  ")).toBe("Enter a value for Subject.");
    expect(buildFilter(subject, "is_empty", "", true)).toEqual({ field: "subject", op: "is_empty", value: null, or: true });
    expect(buildFilter(priority, "eq", "Urgent")).toEqual({ field: "priority", op: "eq", value: "Urgent", or: false });
    expect(buildFilter(priority, "eq", "Urgnet")).toBe("Priority: pick one of its options.");
    expect(buildFilter(assignee, "eq", "2")).toEqual({ field: "assignee", op: "eq", value: 2, or: false });
    expect(buildFilter(assignee, "eq", "@me")).toEqual({ field: "assignee", op: "eq", value: "@me", or: false });
    expect(buildFilter(assignee, "eq", "Alice")).toBe("Assignee: pick a person.");
    expect(buildFilter(due, "gte", "-7d", true)).toEqual({ field: "due", op: "gte", value: "-7d", or: true });
    expect(buildFilter(due, "lt", "2026-05-01")).toEqual({ field: "due", op: "lt", value: "2026-05-01", or: false });
    expect(buildFilter(due, "lt", "next tuesday")).toMatch(/pick a date, or a token/);
    expect(isDateToken("START_OF_MONTH")).toBe(true);
    expect(isDateToken("+99999999d")).toBe(false);
  });

  it("reads back as a sentence, with people by name and tokens in words", () => {
    const fields = [priority, effort, due, assignee];
    expect(describeFilter({ field: "priority", op: "eq", value: "Urgent" }, fields)).toBe("Priority is Urgent");
    expect(describeFilter({ field: "effort_hours", op: "is_not_empty", value: null }, fields)).toBe("Effort Hours is not empty");
    expect(describeFilter({ field: "due", op: "gte", value: "start_of_month" }, fields)).toBe("Due is on or after start of this month");
    expect(describeFilter({ field: "assignee", op: "eq", value: 2 }, fields, [{ id: 2, name: "Alice" }])).toBe("Assignee is Alice");
  });

  it("describes a saved view's filters and sort", () => {
    const view = {
      id: 1,
      name: "Urgent",
      filters: [
        { column: "priority", compare: "=", value: "Urgent" },
        { column: "subject", compare: "NC", value: "test", connector: "or" },
      ],
      order_by: "due",
      order_dir: "D",
    } as View;
    expect(describeView(view, [priority, subject, due])).toEqual({
      filters: ["Priority is Urgent", "or Subject does not contain test"],
      sort: "sorted by Due, descending",
    });
  });
});
