import { describe, expect, it } from "vitest";
import { decimalsOf, formatBytes, formatValue, linkTarget, percent } from "./format";

describe("field values as text", () => {
  it("formats each kind", () => {
    expect(formatValue({ kind: "empty" })).toBe("");
    expect(formatValue({ kind: "text", value: "Navy" })).toBe("Navy");
    expect(formatValue({ kind: "select", value: ["A", "B"] })).toBe("A, B");
    expect(formatValue({ kind: "users", value: [{ id: 2, name: "Alice", email: null }, { id: 3, name: null, email: "b@x" }] })).toBe("Alice, b@x");
    expect(formatValue({ kind: "lookups", value: [{ id: 1, title: "Grace" }, { id: 9, title: null }] })).toBe("Grace, #9");
    expect(formatValue({ kind: "calc", value: 72000 })).toBe("72000");
    expect(formatValue({ kind: "unknown", value: { title: "T" } })).toBe("T");
  });
  it("keeps a number field's decimals", () => {
    expect(formatValue({ kind: "number", value: 0.6 }, 2)).toMatch(/0[.,]60/);
    expect(decimalsOf({ decimals: 2 })).toBe(2);
    expect(decimalsOf([{ title: "x" }])).toBeNull();
  });
});

describe("file sizes and progress", () => {
  it("reads like a file manager", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(999)).toBe("999 B");
    expect(formatBytes(1500)).toBe("1.5 KB");
    expect(formatBytes(250_000)).toBe("250 KB");
    expect(formatBytes(10_000_000)).toBe("10 MB");
    expect(formatBytes(3_400_000_000)).toBe("3.4 GB");
  });

  it("never shows more than 100 % or divides by zero", () => {
    expect(percent(0, 0)).toBe(0);
    expect(percent(50, 200)).toBe(25);
    expect(percent(300, 200)).toBe(100);
  });
});

describe("link fields", () => {
  it("know the table they point to", () => {
    expect(linkTarget({ id: "contact", type: "lookup", table: { id: 1, text: "Contacts" } })).toEqual({ id: 1, name: "Contacts" });
    expect(linkTarget({ id: "contact", type: "lookup", table: { id: 4 } })).toEqual({ id: 4, name: "Table 4" });
    expect(linkTarget({ id: "name", type: "text" })).toBeNull();
    expect(linkTarget({ id: "broken", type: "lookup", table: { id: 0, text: "" } })).toBeNull();
  });
});
