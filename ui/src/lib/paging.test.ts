import { describe, expect, it } from "vitest";
import { pagesFor, pagesToDrop } from "./paging";

describe("grid paging", () => {
  it("fetches the pages in view and the next one", () => {
    expect(pagesFor(0, 40, 100_000)).toEqual([0, 1]);
    expect(pagesFor(990, 1030, 100_000)).toEqual([0, 1, 2]);
    expect(pagesFor(99_980, 99_999, 100_000)).toEqual([99]);
    expect(pagesFor(0, 30, 20)).toEqual([0]);
    expect(pagesFor(0, 30, 0)).toEqual([]);
  });

  it("drops the pages farthest from the view", () => {
    const loaded = [0, 1, 2, 3, 4, 5, 50, 51, 52, 97, 98, 99, 60];
    expect(pagesToDrop(loaded, [51, 52])).toEqual([0]);
    expect(pagesToDrop([1, 2], [1])).toEqual([]);
  });
});
