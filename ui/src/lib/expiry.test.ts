import { describe, expect, it } from "vitest";
import { expiryOf, expiryText } from "./expiry";

const today = new Date(2026, 10, 22); // 22 Nov 2026

describe("key expiry reminders", () => {
  it("is silent without a date or far from it", () => {
    expect(expiryOf(null, 14, today)).toEqual({ state: "none" });
    expect(expiryOf("2027-01-31", 14, today)).toEqual({ state: "ok", days: 70 });
  });
  it("reminds inside the window and counts days", () => {
    expect(expiryOf("2026-12-01", 14, today)).toEqual({ state: "soon", days: 9 });
    expect(expiryText(expiryOf("2026-11-23", 14, today))).toContain("in 1 day.");
    expect(expiryText(expiryOf("2026-11-22", 14, today))).toContain("today");
  });
  it("says when the date has passed", () => {
    expect(expiryOf("2026-11-01", 14, today).state).toBe("expired");
  });
  it("ignores malformed dates", () => {
    expect(expiryOf("31/12/2026", 14, today)).toEqual({ state: "none" });
  });
});
