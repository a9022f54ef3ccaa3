import { expect, it } from "vitest";
import { groupByDay } from "./dayGroups";

it("groups under the local day, so a UTC evening is tomorrow in Auckland", () => {
  const items = [
    { id: 1, at: "2026-12-01 20:00:00" }, // Dec 2, 09:00 in Auckland (NZDT +13)
    { id: 2, at: "2026-12-01 09:00:00" }, // Dec 1, 22:00
    { id: 3, at: "2026-11-29 09:00:00" },
    { id: 4, at: "not a time" },
  ];
  const groups = groupByDay(items, (i) => i.at, "2026-12-02", "Pacific/Auckland", "en-GB");
  expect(groups.map((g) => [g.label, g.items.map((i) => i.id)])).toEqual([
    ["Today", [1]],
    ["Yesterday", [2]],
    ["29 Nov 2026", [3]],
    ["Earlier", [4]],
  ]);
  const la = groupByDay(items.slice(0, 2), (i) => i.at, "2026-12-01", "America/Los_Angeles");
  expect(la.map((g) => [g.label, g.items.map((i) => i.id)])).toEqual([["Today", [1, 2]]]);
});
