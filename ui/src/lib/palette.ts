/** The command palette's items and their order: fuzzy matching on what each item is called,
 *  recent items first, and the actions the current page and key allow (never one the key
 *  cannot do). Pure, so ranking and the action list are tested without a window. */
import fuzzysort from "fuzzysort";
import type { Connection } from "../api/bindings";
import type { Page } from "./nav";

export type ActionId =
  | "new-record"
  | "toggle-follow"
  | "check-notifications"
  | "export"
  | "reset-demo"
  | "settings"
  | "search-everywhere";

export type PaletteTarget =
  | { kind: "action"; action: ActionId }
  | { kind: "connection"; connectionId: string }
  | { kind: "page"; connectionId: string; page: Page }
  | { kind: "record"; connectionId: string; tableId: number; tableName: string; recordId: number };

export type PaletteItem = {
  /** Stable across openings, for recency. */
  id: string;
  group: "Actions" | "Connections" | "Go to" | "Records";
  label: string;
  /** Where it is ("Demo › Operations › Tickets"), also matched. */
  detail: string;
  /** For records: the words around the match. */
  snippet?: string;
  target: PaletteTarget;
};

/** The page the palette was opened over, and what the key may do there. */
export type PaletteContext = {
  connection: Connection | null;
  connections: Connection[];
  page: Page;
};

/** The actions offered over a page: only those the page and the key allow. */
export function actionsFor(ctx: PaletteContext): PaletteItem[] {
  const c = ctx.connection;
  const out: PaletteItem[] = [];
  const action = (action: ActionId, label: string, detail = ""): PaletteItem => ({
    id: `action:${action}`,
    group: "Actions",
    label,
    detail,
    target: { kind: "action", action },
  });
  const onTable = ctx.page.kind === "table";
  const onRecord = ctx.page.kind === "record";
  const live = c !== null && !c.key_invalid;
  if (c && live && c.capabilities.read_only !== true && (onTable || onRecord)) {
    out.push(action("new-record", "New record", ctx.page.kind === "table" || ctx.page.kind === "record" ? ctx.page.tableName : ""));
  }
  if (c && live && c.capabilities.read_only !== true && (onTable || onRecord)) {
    out.push(action("toggle-follow", onRecord ? "Follow or unfollow this record" : "Follow or unfollow this table"));
  }
  if (c && live && onTable) out.push(action("export", "Export this table as CSV"));
  if (c && live && c.capabilities.notifications) out.push(action("check-notifications", "Check notifications", c.name));
  if (c?.demo) out.push(action("reset-demo", "Reset the demo data"));
  out.push(action("search-everywhere", "Search every cached table", "All connections"));
  out.push(action("settings", "Settings and connections"));
  for (const other of ctx.connections) {
    if (other.id === c?.id) continue;
    out.push({
      id: `connection:${other.id}`,
      group: "Connections",
      label: `Switch to ${other.name}`,
      detail: other.key_invalid ? "key no longer valid" : other.key_hint,
      target: { kind: "connection", connectionId: other.id },
    });
  }
  return out;
}

/** How much a recent item is lifted: enough to win over a slightly better match, not over a
 *  far better one. Scores are fuzzysort's, from 0 (poor) to 1 (exact). */
const RECENT_BONUS = 0.15;

/** Items that match `query`, best first; with no query, recent ones first, then the rest in
 *  their given order. `recent` holds item ids, most recent first. */
export function rankItems(items: PaletteItem[], query: string, recent: string[]): PaletteItem[] {
  const recency = new Map(recent.map((id, i) => [id, i]));
  const q = query.trim();
  if (q === "") {
    const withIndex = items.map((item, i) => ({ item, i, r: recency.get(item.id) ?? Infinity }));
    return withIndex.sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.item);
  }
  const scored: { item: PaletteItem; score: number }[] = [];
  for (const item of items) {
    const onLabel = fuzzysort.single(q, item.label)?.score ?? 0;
    const onBoth = (fuzzysort.single(q, `${item.label} ${item.detail}`)?.score ?? 0) * 0.9;
    const best = Math.max(onLabel, onBoth);
    if (best <= 0) continue;
    const r = recency.get(item.id);
    const bonus = r === undefined ? 0 : RECENT_BONUS * (1 - Math.min(r, 20) / 20);
    scored.push({ item, score: best + bonus });
  }
  return scored.sort((a, b) => b.score - a.score).map((x) => x.item);
}

/** The recent list after using `id`: it goes first, without repeats, at most `max`. */
export function remember(recent: string[], id: string, max = 30): string[] {
  return [id, ...recent.filter((r) => r !== id)].slice(0, max);
}
