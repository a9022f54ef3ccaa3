/** Whether the command palette is open, what it was last used for (recent items, kept across
 *  runs), and the one-shot requests it leaves for the page on screen (new record, follow,
 *  export), which only that page can carry out. */
import { remember, type ActionId } from "../lib/palette";

const RECENT_KEY = "infolobby.palette.recent";

function loadRecent(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(RECENT_KEY) ?? "[]");
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string").slice(0, 30) : [];
  } catch {
    return [];
  }
}

export type PageRequest = Extract<ActionId, "new-record" | "toggle-follow" | "export">;

class Palette {
  open = $state(false);
  /** "Search every cached table": records only, more of them. */
  everywhere = $state(false);
  recent = $state<string[]>(loadRecent());
  request = $state<PageRequest | null>(null);

  show(everywhere = false) {
    this.everywhere = everywhere;
    this.open = true;
  }

  used(id: string) {
    this.recent = remember(this.recent, id);
    try {
      localStorage.setItem(RECENT_KEY, JSON.stringify(this.recent));
    } catch {
      // Storage unavailable: recency lasts for this run only.
    }
  }

  /** The page on screen takes a request it can carry out; true when there was one. */
  take(what: PageRequest): boolean {
    if (this.request !== what) return false;
    this.request = null;
    return true;
  }
}

export const palette = new Palette();
