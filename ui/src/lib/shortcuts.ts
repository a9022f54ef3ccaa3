/** Keyboard shortcuts shown in the UI, labelled the way each platform writes them. */

export type Platform = "mac" | "other";

export function detectPlatform(userAgent: string): Platform {
  return /Mac OS X|Macintosh/.test(userAgent) ? "mac" : "other";
}

/** Formats a shortcut such as `Mod+K` as `⌘K` on macOS and `Ctrl+K` elsewhere. */
export function shortcutLabel(shortcut: string, platform: Platform): string {
  const parts = shortcut.split("+").filter((p) => p.length > 0);
  if (platform === "mac") {
    const mac: Record<string, string> = { Mod: "⌘", Shift: "⇧", Alt: "⌥", Ctrl: "⌃" };
    return parts.map((p) => mac[p] ?? p.toUpperCase()).join("");
  }
  return parts.map((p) => (p === "Mod" ? "Ctrl" : p.length === 1 ? p.toUpperCase() : p)).join("+");
}

/** True when a keyboard event matches a shortcut such as `Mod+K`. */
export function matchesShortcut(
  event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">,
  shortcut: string,
  platform: Platform,
): boolean {
  const parts = shortcut.split("+");
  const key = parts[parts.length - 1]?.toLowerCase();
  const wantMod = parts.includes("Mod");
  const modDown = platform === "mac" ? event.metaKey : event.ctrlKey;
  return (
    event.key.toLowerCase() === key &&
    modDown === wantMod &&
    event.shiftKey === parts.includes("Shift") &&
    event.altKey === parts.includes("Alt")
  );
}
