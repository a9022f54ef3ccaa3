import { describe, expect, it } from "vitest";
import { inside, toCss } from "./fileDrop";

describe("where dropped files land", () => {
  it("turns physical pixels into CSS pixels", () => {
    expect(toCss({ x: 300, y: 150 }, 2)).toEqual({ x: 150, y: 75 });
    expect(toCss({ x: 300, y: 150 }, 1)).toEqual({ x: 300, y: 150 });
    expect(toCss({ x: 300, y: 150 }, 0)).toEqual({ x: 300, y: 150 });
  });

  it("hits a box including its edges and nothing outside", () => {
    const box = { left: 10, top: 20, right: 110, bottom: 70 };
    expect(inside(box, { x: 10, y: 20 })).toBe(true);
    expect(inside(box, { x: 60, y: 45 })).toBe(true);
    expect(inside(box, { x: 110.5, y: 45 })).toBe(false);
    expect(inside(box, { x: 60, y: 19 })).toBe(false);
  });
});
