/** Where the user was, kept across the window being closed to the tray (which destroys it) and
 *  across restarts: the page of one connection. Read back defensively: storage is shared with
 *  older versions and may hold anything. */
import type { Page } from "./nav";

export type Place = { connectionId: string; page: Page };

const KINDS = new Set(["workspaces", "connections", "table", "record", "notifications", "tasks", "space"]);

const isId = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v > 0;
const isName = (v: unknown): v is string => typeof v === "string" && v.length <= 500;

export function pageFrom(value: unknown): Page | null {
  if (typeof value !== "object" || value === null) return null;
  const p = value as Record<string, unknown>;
  if (typeof p.kind !== "string" || !KINDS.has(p.kind)) return null;
  switch (p.kind) {
    case "table":
      return isId(p.tableId) && isName(p.tableName) ? { kind: "table", tableId: p.tableId, tableName: p.tableName } : null;
    case "record":
      return isId(p.tableId) && isName(p.tableName) && isId(p.recordId)
        ? { kind: "record", tableId: p.tableId, tableName: p.tableName, recordId: p.recordId }
        : null;
    case "space":
      return isId(p.spaceId) && isName(p.spaceName) ? { kind: "space", spaceId: p.spaceId, spaceName: p.spaceName } : null;
    default:
      return { kind: p.kind } as Page;
  }
}

export function placeFrom(text: string | null): Place | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    const page = pageFrom(v?.page);
    return typeof v?.connectionId === "string" && page ? { connectionId: v.connectionId, page } : null;
  } catch {
    return null;
  }
}

export const placeText = (place: Place): string => JSON.stringify(place);
