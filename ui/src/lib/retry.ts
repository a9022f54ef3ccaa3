/** Long work (export, batch delete, paging a large table) waits out a rate limit or a dropped
 *  network instead of failing: the error says how long, the caller shows the wait, the user may
 *  cancel. Other errors end the work. */
import { asAppError } from "../api/call";

export type Wait = { secs: number; reason: "rate_limited" | "offline" };

export class Cancelled extends Error {
  constructor() {
    super("Cancelled");
  }
}

const OFFLINE_WAIT_SECS = 10;

function sleep(secs: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Cancelled());
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, secs * 1000);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Cancelled());
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export async function retrying<T>(
  work: () => Promise<T>,
  o: { signal?: AbortSignal; onWait?: (w: Wait | null) => void } = {},
): Promise<T> {
  for (;;) {
    if (o.signal?.aborted) throw new Cancelled();
    try {
      const out = await work();
      o.onWait?.(null);
      return out;
    } catch (e) {
      const err = asAppError(e);
      if (err.code !== "rate_limited" && err.code !== "offline") throw err;
      const wait: Wait =
        err.code === "rate_limited"
          ? { secs: Math.max(1, err.retryAfterSecs ?? 5), reason: "rate_limited" }
          : { secs: OFFLINE_WAIT_SECS, reason: "offline" };
      o.onWait?.(wait);
      await sleep(wait.secs, o.signal);
    }
  }
}

/** "Waiting 12 s for the rate limit", for progress lines. */
export function describeWait(w: Wait): string {
  return w.reason === "rate_limited"
    ? `Waiting ${w.secs} s for InfoLobby's rate limit…`
    : `InfoLobby cannot be reached; trying again in ${w.secs} s…`;
}
