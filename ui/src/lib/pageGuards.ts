/** What each page needs of the active connection, in one table: a new screen is one line here
 *  plus its branch in App.svelte. A page whose needs are not met falls back to the workspaces. */
import type { Connection } from "../api/bindings";
import type { Page } from "./nav";

export type Need = "valid key" | "personal key" | "account key";

export const pageNeeds: Record<Page["kind"], Need[]> = {
  workspaces: [],
  connections: [],
  // A refused key still shows the offline copy of tables and records, marked stale.
  table: [],
  record: [],
  notifications: ["valid key", "personal key"],
  tasks: ["valid key", "personal key"],
  space: ["valid key", "account key"],
};

function meets(need: Need, c: Connection): boolean {
  switch (need) {
    case "valid key":
      return !c.key_invalid;
    case "personal key":
      return c.capabilities.notifications;
    case "account key":
      return c.capabilities.kind === "account";
  }
}

/** Whether `page` may be shown for `connection`. */
export function canShow(page: Page, connection: Connection | null): boolean {
  return connection !== null && pageNeeds[page.kind].every((n) => meets(n, connection));
}
