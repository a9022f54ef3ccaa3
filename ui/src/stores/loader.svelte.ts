/** Loading one thing for a page: the result, a busy flag and an error the page can show, with
 *  automatic waiting and retrying after a rate limit or while the service cannot be reached.
 *  Later calls win over earlier ones. */
import { asAppError, type AppError } from "../api/call";
import { session } from "./session.svelte";

/** Seconds between tries while InfoLobby cannot be reached (network down, laptop waking up). */
export const OFFLINE_RETRY_SECS = 10;

export class Loader<T> {
  data = $state<T | null>(null);
  loading = $state(false);
  error = $state<AppError | null>(null);
  retryIn = $state(0);
  /** When the data on screen was fetched, while it is the offline copy; null once live. */
  asOf = $state<number | null>(null);
  private generation = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  /** Fetches from the server. With `cached`, the offline copy shows until the server answers
   *  (when there is one and it comes first), and stays, marked by `asOf`, while the server
   *  cannot answer. */
  async run(fetch: () => Promise<T>, cached?: () => Promise<{ value: T; fetched_at: number } | null>): Promise<void> {
    const mine = ++this.generation;
    if (this.timer) clearInterval(this.timer);
    this.loading = true;
    this.error = null;
    // The server and the copy are asked at once; the copy shows only if it comes first.
    const live = fetch();
    let settled = false;
    if (cached) {
      void cached()
        .catch(() => null)
        .then((copy) => {
          if (copy && !settled && mine === this.generation) {
            this.data = copy.value;
            this.asOf = copy.fetched_at;
          }
        });
    }
    try {
      const data = await live;
      settled = true;
      if (mine === this.generation) {
        this.data = data;
        this.asOf = null;
      }
    } catch (e) {
      if (mine !== this.generation) return;
      const error = asAppError(e);
      this.error = error;
      if (error.code === "invalid_key") {
        await session.refresh();
      } else if (error.code === "rate_limited" || error.code === "offline") {
        this.retryIn = error.code === "offline" ? OFFLINE_RETRY_SECS : (error.retryAfterSecs ?? 5);
        this.timer = setInterval(() => {
          this.retryIn -= 1;
          if (this.retryIn <= 0 && this.timer) {
            clearInterval(this.timer);
            void this.run(fetch, cached);
          }
        }, 1000);
      }
    } finally {
      if (mine === this.generation) this.loading = false;
    }
  }
}
