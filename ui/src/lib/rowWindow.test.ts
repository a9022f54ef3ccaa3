import { describe, expect, it } from "vitest";
import { firstRowAt, rowWindow } from "./rowWindow";

const g = { rowHeight: 34, header: 36, overscan: 4 };

describe("the rows a scrolled view shows", () => {
  it("starts at the top with the overscan below", () => {
    const rows = rowWindow(0, 340, 100_000, g);
    expect(rows[0]).toEqual({ index: 0, start: 36 });
    expect(rows.at(-1)?.index).toBe(14);
  });

  it("follows the scroll, with the overscan above and below", () => {
    const rows = rowWindow(34 * 500 + 10, 340, 100_000, g);
    expect(rows[0]?.index).toBe(496);
    expect(rows.at(-1)?.index).toBe(514);
    expect(rows[4]).toEqual({ index: 500, start: 36 + 34 * 500 });
  });

  it("stops at the last row and shows nothing of an empty list", () => {
    expect(rowWindow(34 * 99_990, 340, 100_000, g).at(-1)?.index).toBe(99_999);
    expect(rowWindow(0, 340, 0, g)).toEqual([]);
    expect(rowWindow(0, 340, 3, g).map((r) => r.index)).toEqual([0, 1, 2]);
  });

  it("takes values that are not numbers as nothing scrolled", () => {
    expect(rowWindow(Number.NaN, Number.POSITIVE_INFINITY, 10, g).map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
    expect(rowWindow(-500, 34, 10, g)[0]?.index).toBe(0);
  });
});

describe("the first row at a scroll position", () => {
  it("counts whole rows, and nothing for values that are not a place", () => {
    expect(firstRowAt(34 * 2100 + 20)).toBe(2100);
    expect(firstRowAt(0)).toBe(0);
    expect(firstRowAt(-5)).toBe(0);
    expect(firstRowAt(Number.NaN)).toBe(0);
  });
});
