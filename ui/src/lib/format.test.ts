import { describe, expect, it } from "vitest";
import { decimalsOf, formatBytes, linkTarget, percent } from "./format";

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
