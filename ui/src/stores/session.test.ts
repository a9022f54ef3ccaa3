import { describe, expect, it, vi } from "vitest";

// The shell's answers, given here in the order a race would give them.
const api = vi.hoisted(() => ({ listConnections: vi.fn(), getSettings: vi.fn() }));
vi.mock("../api/connections", () => api);

const { session } = await import("./session.svelte");

describe("the session's connections", () => {
  it("keeps the newest load's list when an older one answers after it", async () => {
    let answerOld: (v: unknown) => void = () => {};
    api.listConnections
      .mockImplementationOnce(() => new Promise((r) => (answerOld = r)))
      .mockResolvedValueOnce([{ id: "a" }, { id: "new" }]);
    api.getSettings.mockResolvedValue({ active_connection: "a" });
    const older = session.load();
    await session.load();
    answerOld([{ id: "a" }]);
    await older;
    expect(session.connections.map((c) => c.id)).toEqual(["a", "new"]);
  });
});
