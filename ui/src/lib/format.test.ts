import { describe, expect, it } from "vitest";
import { decimalsOf, formatValue } from "./format";

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
