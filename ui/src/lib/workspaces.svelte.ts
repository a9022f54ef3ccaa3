/** Workspaces and their tables for the active connection, with the waiting and retrying a
 *  desktop app should do on its own (rate limits) and the states the UI shows otherwise. */
import { commands, type Space, type TableSummary } from "./bindings";
import { asAppError, call, type AppError } from "./api";
import { session } from "./session.svelte";

export type SpaceWithTables = Space & { tables: TableSummary[] | null };

class Workspaces {
  connectionId = $state<string | null>(null);
  spaces = $state<SpaceWithTables[]>([]);
  loading = $state(false);
  error = $state<AppError | null>(null);
  /** Seconds left before an automatic retry after a rate limit. */
  retryIn = $state(0);

  async load(connectionId: string): Promise<void> {
    this.connectionId = connectionId;
    this.loading = true;
    this.error = null;
    try {
      const spaces = await call(commands.listSpaces(connectionId));
      if (this.connectionId !== connectionId) return;
      this.spaces = spaces.map((s) => ({ ...s, tables: null }));
      await Promise.all(this.spaces.map((s) => this.loadTables(connectionId, s.id)));
    } catch (e) {
      if (this.connectionId !== connectionId) return;
      this.spaces = [];
      await this.fail(asAppError(e), () => this.load(connectionId));
    } finally {
      if (this.connectionId === connectionId) this.loading = false;
    }
  }

  private async loadTables(connectionId: string, spaceId: number) {
    const tables = await call(commands.listTables(connectionId, spaceId));
    const space = this.spaces.find((s) => s.id === spaceId);
    if (space && this.connectionId === connectionId) space.tables = tables;
  }

  private async fail(error: AppError, retry: () => Promise<void>) {
    this.error = error;
    if (error.code === "invalid_key") {
      // The shell has marked the connection; show the "replace key" state.
      await session.refresh();
    } else if (error.code === "rate_limited") {
      this.retryIn = error.retryAfterSecs ?? 5;
      const timer = setInterval(() => {
        this.retryIn -= 1;
        if (this.retryIn <= 0) {
          clearInterval(timer);
          void retry();
        }
      }, 1000);
    }
  }

  /** The name of a table the sidebar knows, for pages opened from a task or a notification. */
  tableName(tableId: number): string | null {
    for (const space of this.spaces) {
      const table = space.tables?.find((t) => t.id === tableId);
      if (table) return table.name ?? null;
    }
    return null;
  }

  clear() {
    this.connectionId = null;
    this.spaces = [];
    this.error = null;
  }
}

export const workspaces = new Workspaces();
