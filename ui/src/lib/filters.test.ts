import { describe, expect, it } from "vitest";
import type { Field } from "../api/bindings";
import { buildFilter, describeFilter, operatorsFor } from "./filters";

const priority: Field = { id: "priority", name: "Priority", type: "select" };
const effort: Field = { id: "effort_hours", name: "Effort Hours", type: "number" };
const subject: Field = { id: "subject", name: "Subject", type: "text" };

describe("record filters", () => {
  it("offers operators that suit the field", () => {
    expect(operatorsFor(priority)).toEqual(["eq", "ne", "is_empty", "is_not_empty"]);
    expect(operatorsFor(effort)).toContain("gte");
    expect(operatorsFor(subject)[0]).toBe("contains");
    expect(operatorsFor({ id: "files", type: "file" })).toEqual(["is_empty", "is_not_empty"]);
  });

  it("sends numbers as numbers and refuses what is not one", () => {
    expect(buildFilter(effort, "gte", " 7,5 ")).toEqual({ field: "effort_hours", op: "gte", value: 7.5 });
    expect(buildFilter(effort, "gte", "lots")).toBe("Effort Hours: enter a number.");
    expect(buildFilter(subject, "contains", "  ")).toBe("Enter a value for Subject.");
    expect(buildFilter(subject, "is_empty", "")).toEqual({ field: "subject", op: "is_empty", value: null });
  });

  it("reads back as a sentence", () => {
    const fields = [priority, effort];
    expect(describeFilter({ field: "priority", op: "eq", value: "Urgent" }, fields)).toBe("Priority is Urgent");
    expect(describeFilter({ field: "effort_hours", op: "is_not_empty", value: null }, fields)).toBe("Effort Hours is not empty");
  });
});
