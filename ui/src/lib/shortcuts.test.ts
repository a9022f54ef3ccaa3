import { describe, expect, it } from "vitest";
import { detectPlatform, matchesShortcut, shortcutLabel } from "./shortcuts";

const key = (k: string, mods: Partial<Record<"ctrlKey" | "metaKey" | "shiftKey" | "altKey", boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("shortcuts", () => {
  it("detects macOS from the user agent", () => {
    expect(detectPlatform("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit")).toBe("mac");
    expect(detectPlatform("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15")).toBe("other");
  });

  it("labels shortcuts per platform", () => {
    expect(shortcutLabel("Mod+K", "mac")).toBe("⌘K");
    expect(shortcutLabel("Mod+Shift+n", "mac")).toBe("⌘⇧N");
    expect(shortcutLabel("Mod+K", "other")).toBe("Ctrl+K");
    expect(shortcutLabel("Mod+Shift+n", "other")).toBe("Ctrl+Shift+N");
  });

  it("matches only the exact modifier set", () => {
    expect(matchesShortcut(key("k", { ctrlKey: true }), "Mod+K", "other")).toBe(true);
    expect(matchesShortcut(key("k", { metaKey: true }), "Mod+K", "other")).toBe(false);
    expect(matchesShortcut(key("k", { metaKey: true }), "Mod+K", "mac")).toBe(true);
    expect(matchesShortcut(key("k", { ctrlKey: true, shiftKey: true }), "Mod+K", "other")).toBe(false);
    expect(matchesShortcut(key("j", { ctrlKey: true }), "Mod+K", "other")).toBe(false);
  });
});
