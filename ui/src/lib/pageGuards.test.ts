import { describe, expect, it } from "vitest";
import type { Connection } from "../api/bindings";
import { canShow } from "./pageGuards";

const conn = (kind: "account" | "personal", key_invalid = false) =>
  ({ key_invalid, capabilities: { kind, notifications: kind === "personal" } }) as unknown as Connection;

describe("which pages a connection may show", () => {
  it("follows the key's kind and state", () => {
    const tasks = { kind: "tasks" } as const;
    const space = { kind: "space", spaceId: 1, spaceName: "S" } as const;
    const table = { kind: "table", tableId: 1, tableName: "T" } as const;
    expect(canShow(tasks, conn("personal"))).toBe(true);
    expect(canShow(tasks, conn("account"))).toBe(false);
    expect(canShow(space, conn("account"))).toBe(true);
    expect(canShow(space, conn("personal"))).toBe(false);
    // The offline copy stays readable, marked stale, after the key is refused.
    expect(canShow(table, conn("account", true))).toBe(true);
    expect(canShow(tasks, conn("personal", true))).toBe(false);
    expect(canShow(table, null)).toBe(false);
    expect(canShow({ kind: "workspaces" }, conn("account", true))).toBe(true);
  });
});
