import { describe, expect, it } from "vitest";
import type { Field } from "../api/bindings";
import { changes, DraftError, editable, initialDraft, optionTitles, toWrite } from "./recordForm";

const f = (id: string, type: string, extra: Partial<Field> = {}): Field => ({ id, name: id, type, ...extra }) as Field;

describe("record form rules", () => {
  it("edits plain fields only", () => {
    expect(editable(f("title", "text"))).toBe(true);
    expect(editable(f("item_id", "key", { key: true }))).toBe(false);
    expect(editable(f("team", "user"))).toBe(false);
    expect(editable(f("ev", "calc"))).toBe(false);
  });
  it("starts from the current value", () => {
    expect(initialDraft(f("n", "number"), { kind: "number", value: 0.6 })).toBe("0.6");
    expect(initialDraft(f("s", "select"), { kind: "select", value: ["Won"] })).toBe("Won");
    expect(initialDraft(f("m", "select", { multiple: true }), { kind: "select", value: ["a", "b"] })).toEqual(["a", "b"]);
    expect(initialDraft(f("t", "text"), undefined)).toBe("");
  });
  it("writes the documented formats", () => {
    expect(toWrite(f("n", "number"), "49,5")).toBe(49.5);
    expect(toWrite(f("d", "datetime"), "2026-11-22T09:30", "UTC")).toBe("2026-11-22 09:30:00");
    expect(toWrite(f("t", "time"), "09:30", "UTC")).toBe("09:30:00");
    expect(toWrite(f("d", "date"), "2026-11-22", "Pacific/Auckland")).toBe("2026-11-22");
    expect(() => toWrite(f("d", "date"), "soon")).toThrow(DraftError);
    expect(toWrite(f("x", "text"), "  ")).toBeNull();
    expect(() => toWrite(f("n", "number"), "lots")).toThrow(DraftError);
  });
  it("edits date-times and times in local time and sends UTC", () => {
    const when = f("d", "datetime");
    const akl = "Pacific/Auckland";
    // 09:30 on 22 November in Auckland (NZDT, +13) is 20:30 the day before in UTC.
    expect(toWrite(when, "2026-11-22T09:30", akl)).toBe("2026-11-21 20:30:00");
    expect(initialDraft(when, { kind: "date_time", value: "2026-11-21 20:30:00" }, akl)).toBe("2026-11-22T09:30");
    expect(toWrite(when, "2026-11-22T09:30", "America/Los_Angeles")).toBe("2026-11-22 17:30:00");
    expect(() => toWrite(when, "later", akl)).toThrow(DraftError);
    const start = { d: initialDraft(when, { kind: "date_time", value: "2026-11-21 20:30:00" }, akl) };
    expect(changes([when], start, { ...start }, akl)).toEqual({});
  });
  it("sends only what changed", () => {
    const fields = [f("a", "text"), f("b", "number")];
    expect(changes(fields, { a: "x", b: "1" }, { a: "x", b: "2" })).toEqual({ b: 2 });
  });
  it("reads select options in either shape", () => {
    expect(optionTitles(f("s", "select", { options: [{ title: "A", color: "" }, "B"] }))).toEqual(["A", "B"]);
  });
});
