import { describe, expect, it } from "vitest";
import { everything, isSelected, noSelection, range, selectedAmong, selectedCount, setRows, toggle } from "./selection";

describe("row selection", () => {
  it("toggles single rows and counts them", () => {
    let s = toggle(toggle(noSelection(), 5), 9);
    expect(isSelected(s, 5) && isSelected(s, 9) && !isSelected(s, 1)).toBe(true);
    s = toggle(s, 5);
    expect(selectedCount(s, 100)).toBe(1);
  });

  it("selects everything matching, with exceptions", () => {
    let s = everything();
    expect(selectedCount(s, 100_000)).toBe(100_000);
    s = toggle(s, 3);
    expect(isSelected(s, 3)).toBe(false);
    expect(isSelected(s, 4)).toBe(true);
    expect(selectedCount(s, 100_000)).toBe(99_999);
    s = setRows(s, [3, 4], false);
    expect(selectedCount(s, 100_000)).toBe(99_998);
    s = setRows(s, [3], true);
    expect(isSelected(s, 3)).toBe(true);
    expect(selectedAmong(s, [1, 3, 4, 5])).toEqual([1, 3, 5]);
  });

  it("selects ranges either way", () => {
    expect(range(7, 3)).toEqual([3, 7]);
    const s = setRows(noSelection(), [1, 2, 3], true);
    expect(selectedAmong(s, [0, 1, 2, 3, 4])).toEqual([1, 2, 3]);
  });
});
