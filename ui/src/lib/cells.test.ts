import { describe, expect, it } from "vitest";
import type { Field } from "../api/bindings";
import { cellFor, cellText, chipText, initials, optionColours } from "./cells";

const o = { zone: "Pacific/Auckland", locale: "en-GB" };
const f = (type: string, extra: Partial<Field> = {}): Field => ({ id: type, name: type, type, ...extra });

describe("cells by field type", () => {
  it("draws the key as the row id and text as text", () => {
    expect(cellFor(f("key", { key: true }), { kind: "key", value: 42 }, o)).toEqual({ kind: "id", text: "42" });
    expect(cellFor(f("text"), { kind: "text", value: "Hello" }, o)).toEqual({ kind: "text", text: "Hello" });
    expect(cellFor(f("text"), { kind: "text", value: "" }, o)).toEqual({ kind: "empty" });
    expect(cellFor(f("text"), undefined, o)).toEqual({ kind: "empty" });
  });

  it("formats numbers with the field's decimals", () => {
    const money = f("number", { options: { decimals: 2 } });
    expect(cellFor(money, { kind: "number", value: 1234.5 }, o)).toEqual({ kind: "number", text: "1,234.50" });
    expect(cellFor(f("number"), { kind: "number", value: 7 }, o)).toEqual({ kind: "number", text: "7" });
    expect(cellFor(f("number"), { kind: "number", value: null }, o)).toEqual({ kind: "empty" });
  });

  it("colours select chips from the schema, and only with plain colours", () => {
    const status = f("select", {
      options: [{ title: "Lead", color: "#FDE68A" }, { title: "Bad", color: "red;background:url(x)" }, "Plain"],
    });
    expect(optionColours(status).get("Bad")).toBeUndefined();
    expect(cellFor(status, { kind: "select", value: ["Lead", "Bad", "Plain"] }, o)).toEqual({
      kind: "chips",
      chips: [
        { label: "Lead", color: "#FDE68A" },
        { label: "Bad", color: null },
        { label: "Plain", color: null },
      ],
    });
    expect(chipText("#FDE68A")).toBe("dark");
    expect(chipText("#1e3a8a")).toBe("light");
  });

  it("shows people by name with initials", () => {
    const cell = cellFor(f("user"), { kind: "users", value: [{ id: 1, name: "Grace Hopper", email: null }, { id: 2, name: null, email: "ada@example.com" }] }, o);
    expect(cell).toEqual({ kind: "people", people: [{ name: "Grace Hopper", initials: "GH" }, { name: "ada@example.com", initials: "A" }] });
    expect(initials("")).toBe("?");
    expect(initials("Mary Ann Evans")).toBe("ME");
  });

  it("links to the linked records by title", () => {
    const contact = f("lookup", { table: { id: 1, text: "Contacts" } });
    expect(cellFor(contact, { kind: "lookups", value: [{ id: 3, title: "Katherine" }, { id: 9, title: null }] }, o)).toEqual({
      kind: "links",
      links: [{ id: 3, title: "Katherine" }, { id: 9, title: "#9" }],
      tableId: 1,
    });
  });

  it("shows date-times and times local, dates as they are", () => {
    expect(cellFor(f("datetime"), { kind: "date_time", value: "2026-07-15 23:45:00" }, o)).toEqual({ kind: "date", text: "16 Jul 2026, 11:45" });
    expect(cellFor(f("date"), { kind: "date", value: "2026-07-15" }, o)).toEqual({ kind: "date", text: "15 Jul 2026" });
    expect(cellFor(f("time"), { kind: "time", value: "00:00:00" }, { ...o, now: Date.UTC(2026, 6, 1) })).toEqual({ kind: "date", text: "12:00" });
  });

  it("counts files and keeps calcs read-only text", () => {
    const files = cellFor(f("file"), { kind: "files", value: [{ name: "a.pdf", path: "/a" }, { name: "b.png", path: "/b" }] }, o);
    expect(files).toEqual({ kind: "files", names: ["a.pdf", "b.png"] });
    expect(cellFor(f("calc"), { kind: "calc", value: 12.5 }, o)).toEqual({ kind: "calc", text: "12.5", numeric: true });
  });

  it("gives the export the text the grid shows", () => {
    expect(cellText(cellFor(f("select"), { kind: "select", value: ["a", "b"] }, o))).toBe("a, b");
    expect(cellText(cellFor(f("user"), { kind: "users", value: [{ id: 1, name: "Ada", email: null }] }, o))).toBe("Ada");
    expect(cellText(cellFor(f("lookup"), { kind: "lookups", value: [{ id: 1, title: "Deal" }] }, o))).toBe("Deal");
    expect(cellText({ kind: "empty" })).toBe("");
    expect(cellText(cellFor(f("x"), { kind: "unknown", value: { title: "T" } }, o))).toBe("T");
    expect(cellText(cellFor(f("x"), { kind: "unknown", value: ["a", { name: "b" }] }, o))).toBe("a, b");
  });
});
