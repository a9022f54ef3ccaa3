import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "../api/call";
import { Loader, OFFLINE_RETRY_SECS } from "./loader.svelte";

const offline = new AppError({ code: "offline", message: "Cannot reach InfoLobby: connection refused", retry_after_secs: null });
const limited = new AppError({ code: "rate_limited", message: "InfoLobby asks to slow down", retry_after_secs: 3 });

describe("a page's loader", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("keeps trying while the service cannot be reached, and says when", async () => {
    const fetch = vi.fn().mockRejectedValueOnce(offline).mockRejectedValueOnce(offline).mockResolvedValue(["Sales CRM"]);
    const loader = new Loader<string[]>();
    await loader.run(fetch);
    expect(loader.error?.code).toBe("offline");
    expect(loader.retryIn).toBe(OFFLINE_RETRY_SECS);
    await vi.advanceTimersByTimeAsync(5000);
    expect(loader.retryIn).toBe(OFFLINE_RETRY_SECS - 5);
    await vi.advanceTimersByTimeAsync((OFFLINE_RETRY_SECS - 5) * 1000);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(OFFLINE_RETRY_SECS * 1000);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(loader.data).toEqual(["Sales CRM"]);
    expect(loader.error).toBeNull();
  });

  it("waits as long as a rate limit asks", async () => {
    const fetch = vi.fn().mockRejectedValueOnce(limited).mockResolvedValue(1);
    const loader = new Loader<number>();
    await loader.run(fetch);
    expect(loader.retryIn).toBe(3);
    await vi.advanceTimersByTimeAsync(2999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(loader.data).toBe(1);
  });

  it("does not retry what retrying cannot fix", async () => {
    const fetch = vi.fn().mockRejectedValue(new AppError({ code: "not_found", message: "Not found: Table", retry_after_secs: null }));
    const loader = new Loader<number>();
    await loader.run(fetch);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(loader.retryIn).toBe(0);
  });
});
