import { describe, expect, it, vi } from "vitest";
import { AppError } from "../api/call";
import { Cancelled, retrying } from "./retry";

const limited = () => new AppError({ code: "rate_limited", message: "wait", retry_after_secs: 2 });

describe("retrying long work", () => {
  it("waits out a rate limit and goes on", async () => {
    vi.useFakeTimers();
    let calls = 0;
    const waits: unknown[] = [];
    const done = retrying(async () => {
      calls += 1;
      if (calls < 3) throw limited();
      return "ok";
    }, { onWait: (w) => waits.push(w) });
    await vi.advanceTimersByTimeAsync(4000);
    await expect(done).resolves.toBe("ok");
    expect(calls).toBe(3);
    expect(waits).toEqual([{ secs: 2, reason: "rate_limited" }, { secs: 2, reason: "rate_limited" }, null]);
    vi.useRealTimers();
  });

  it("ends on other errors, and when cancelled while waiting", async () => {
    await expect(retrying(async () => { throw new AppError({ code: "forbidden", message: "no", retry_after_secs: null }); })).rejects.toThrow("no");
    vi.useFakeTimers();
    const stop = new AbortController();
    const done = retrying(async () => { throw limited(); }, { signal: stop.signal });
    const caught = done.catch((e) => e);
    await vi.advanceTimersByTimeAsync(500);
    stop.abort();
    expect(await caught).toBeInstanceOf(Cancelled);
    vi.useRealTimers();
  });
});
