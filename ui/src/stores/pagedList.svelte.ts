/** A list read from the server a page at a time, as the user scrolls: `more()` fetches the next
 *  page and appends what is new (by id, since items can shift between pages while new ones
 *  arrive). A failed page keeps what was loaded and can be tried again. */
import { untrack } from "svelte";
import { asAppError, type AppError } from "../api/call";
import { OFFLINE_RETRY_SECS } from "./loader.svelte";
import { session } from "./session.svelte";

export class PagedList<T extends { id: number }> {
  items = $state<T[]>([]);
  loading = $state(false);
  done = $state(false);
  error = $state<AppError | null>(null);
  private generation = 0;

  constructor(
    private fetchPage: (offset: number, limit: number) => Promise<T[]>,
    readonly pageSize: number,
  ) {}

  /** Starts again from the first page, with a new way of fetching if given. */
  reset(fetchPage?: (offset: number, limit: number) => Promise<T[]>): Promise<void> {
    // Called from effects: what it reads of its own state must not make the effect run again.
    return untrack(() => {
      if (fetchPage) this.fetchPage = fetchPage;
      this.generation++;
      this.items = [];
      this.done = false;
      this.error = null;
      this.loading = false;
      return this.more();
    });
  }

  async more(): Promise<void> {
    if (this.loading || this.done) return;
    const mine = this.generation;
    this.loading = true;
    this.error = null;
    try {
      const page = await this.fetchPage(this.items.length, this.pageSize);
      if (mine !== this.generation) return;
      const known = new Set(this.items.map((i) => i.id));
      this.items.push(...page.filter((i) => !known.has(i.id)));
      if (page.length < this.pageSize) this.done = true;
    } catch (e) {
      if (mine === this.generation) this.failed(asAppError(e), mine);
    } finally {
      if (mine === this.generation) this.loading = false;
    }
  }

  /** As the `Loader` does: a dead key shows "replace this key"; a rate limit or an outage is
   *  waited out and the page tried again. */
  private failed(error: AppError, mine: number) {
    this.error = error;
    if (error.code === "invalid_key") void session.refresh();
    else if (error.code === "rate_limited" || error.code === "offline") {
      const secs = error.code === "offline" ? OFFLINE_RETRY_SECS : (error.retryAfterSecs ?? 5);
      setTimeout(() => {
        if (mine === this.generation && this.error === error) void this.more();
      }, secs * 1000);
    }
  }

  /** Puts a changed item in place, or drops it when `next` is null. */
  replace(id: number, next: T | null) {
    this.items = next === null ? this.items.filter((i) => i.id !== id) : this.items.map((i) => (i.id === id ? next : i));
  }
}
