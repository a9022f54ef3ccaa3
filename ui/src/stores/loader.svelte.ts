/** Loading one thing for a page: the result, a busy flag and an error the page can show, with
 *  automatic waiting and retrying after a rate limit or while the service cannot be reached.
 *  Later calls win over earlier ones. */
import { asAppError, type AppError } from "../api/call";
import { session } from "./session.svelte";

/** Seconds between tries while InfoLobby cannot be reached (network down, laptop waking up). */
export const OFFLINE_RETRY_SECS = 15;

export class Loader<T> {
  data = $state<T | null>(null);
  loading = $state(false);
  error = $state<AppError | null>(null);
  retryIn = $state(0);
  private generation = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  async run(fetch: () => Promise<T>): Promise<void> {
    const mine = ++this.generation;
    if (this.timer) clearInterval(this.timer);
    this.loading = true;
    this.error = null;
    try {
      const data = await fetch();
      if (mine === this.generation) this.data = data;
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
            void this.run(fetch);
          }
        }, 1000);
      }
    } finally {
      if (mine === this.generation) this.loading = false;
    }
  }
}
