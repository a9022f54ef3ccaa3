/** Workspaces and their tables for the active connection, shared by the sidebar and the pages.
 *  Waiting and retrying after a rate limit is the `Loader`'s. */
import * as spacesApi from "../api/spaces";
import * as tablesApi from "../api/tables";
import type { Space, TableSummary } from "../api/bindings";
import { Loader } from "./loader.svelte";

export type SpaceWithTables = Space & { tables: TableSummary[] };

class Workspaces {
  connectionId = $state<string | null>(null);
  private list = new Loader<SpaceWithTables[]>();

  get spaces(): SpaceWithTables[] {
    return this.list.data ?? [];
  }
  get loading() {
    return this.list.loading;
  }
  get error() {
    return this.list.error;
  }
  /** Seconds left before an automatic retry after a rate limit. */
  get retryIn() {
    return this.list.retryIn;
  }

  async load(connectionId: string): Promise<void> {
    // Another connection's workspaces must not linger behind an error or a spinner.
    if (this.connectionId !== connectionId) this.list.data = null;
    this.connectionId = connectionId;
    await this.list.run(async () => {
      const spaces = await spacesApi.listSpaces(connectionId);
      return Promise.all(
        spaces.map(async (s) => ({ ...s, tables: await tablesApi.listTables(connectionId, s.id) })),
      );
    });
  }

  /** The name of a table the sidebar knows, for pages opened from a task or a notification. */
  tableName(tableId: number): string | null {
    for (const space of this.spaces) {
      const table = space.tables.find((t) => t.id === tableId);
      if (table) return table.name ?? null;
    }
    return null;
  }

  /** The workspace holding a table the sidebar knows. */
  spaceOf(tableId: number): SpaceWithTables | null {
    return this.spaces.find((s) => s.tables.some((t) => t.id === tableId)) ?? null;
  }

  clear() {
    this.connectionId = null;
    this.list.data = null;
    this.list.error = null;
  }
}

export const workspaces = new Workspaces();
