import { describe, expect, it } from "vitest";
import type { Connection } from "../api/bindings";
import { actionsFor, rankItems, remember, type PaletteItem } from "./palette";

const item = (id: string, label: string, detail = ""): PaletteItem => ({
  id,
  group: "Go to",
  label,
  detail,
  target: { kind: "action", action: "settings" },
});

const conn = (over: Partial<Connection> & { kind?: "account" | "personal"; read_only?: boolean } = {}) =>
  ({
    id: over.id ?? "c1",
    name: over.name ?? "Work",
    key_hint: "il_live_…1234",
    key_invalid: over.key_invalid ?? false,
    demo: over.demo ?? false,
    capabilities: { kind: over.kind ?? "account", notifications: over.kind === "personal", read_only: over.read_only ?? false },
  }) as unknown as Connection;

describe("palette ranking", () => {
  const items = [item("t1", "Tickets", "Demo › Operations"), item("t2", "Timesheets", "Demo › HR"), item("s1", "Sales pipeline", "Demo › Sales")];

  it("matches fuzzily, the closest first", () => {
    expect(rankItems(items, "tick", []).map((i) => i.id)).toEqual(["t1"]);
    expect(rankItems(items, "tsht", []).map((i) => i.id)[0]).toBe("t2");
    expect(rankItems(items, "zzz", [])).toEqual([]);
  });

  it("matches where an item is, too", () => {
    expect(rankItems(items, "sales", []).map((i) => i.id)).toEqual(["s1"]);
    expect(rankItems(items, "hr time", []).map((i) => i.id)).toEqual(["t2"]);
  });

  it("puts recent items first when nothing is typed", () => {
    expect(rankItems(items, "", ["s1", "t2"]).map((i) => i.id)).toEqual(["s1", "t2", "t1"]);
  });

  it("lifts a recent item over an equal match but not over a far better one", () => {
    const two = [item("a", "Tasks"), item("b", "Tasks")];
    expect(rankItems(two, "tasks", ["b"]).map((i) => i.id)).toEqual(["b", "a"]);
    const far = [item("exact", "Notes"), item("weak", "North estates")];
    expect(rankItems(far, "notes", ["weak"]).map((i) => i.id)[0]).toBe("exact");
  });

  it("keeps the recent list short and without repeats", () => {
    expect(remember(["a", "b", "c"], "b")).toEqual(["b", "a", "c"]);
    expect(remember(["a", "b"], "c", 2)).toEqual(["c", "a"]);
  });
});

describe("palette actions", () => {
  const table = { kind: "table", tableId: 1, tableName: "Tickets" } as const;
  const record = { kind: "record", tableId: 1, tableName: "Tickets", recordId: 9 } as const;
  const ids = (xs: PaletteItem[]) => xs.map((x) => x.id);

  it("offers what the page and the key allow", () => {
    const c = conn();
    const onTable = ids(actionsFor({ connection: c, connections: [c], page: table }));
    expect(onTable).toEqual(expect.arrayContaining(["action:new-record", "action:toggle-follow", "action:export", "action:settings"]));
    expect(onTable).not.toContain("action:check-notifications");
    expect(onTable).not.toContain("action:reset-demo");
    const onRecord = ids(actionsFor({ connection: c, connections: [c], page: record }));
    expect(onRecord).toContain("action:toggle-follow");
    expect(onRecord).not.toContain("action:export");
  });

  it("never offers writes to a read-only or refused key", () => {
    for (const c of [conn({ read_only: true }), conn({ key_invalid: true })]) {
      const got = ids(actionsFor({ connection: c, connections: [c], page: table }));
      expect(got).not.toContain("action:new-record");
      expect(got).not.toContain("action:toggle-follow");
    }
  });

  it("offers notifications to personal keys and the reset to the demo", () => {
    const p = conn({ kind: "personal", demo: true });
    const got = ids(actionsFor({ connection: p, connections: [p], page: { kind: "workspaces" } }));
    expect(got).toContain("action:check-notifications");
    expect(got).toContain("action:reset-demo");
    expect(got).not.toContain("action:new-record");
  });

  it("switches to every other connection", () => {
    const a = conn({ id: "a", name: "A" });
    const b = conn({ id: "b", name: "B" });
    const got = actionsFor({ connection: a, connections: [a, b], page: { kind: "workspaces" } });
    expect(got.filter((x) => x.group === "Connections").map((x) => x.label)).toEqual(["Switch to B"]);
  });
});
