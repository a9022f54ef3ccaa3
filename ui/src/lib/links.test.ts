import { expect, it } from "vitest";
import { linkParts } from "./links";

it("finds http(s) links and leaves sentence punctuation out", () => {
  expect(linkParts("See https://example.com/a?b=1. Or (http://x.org/wiki/Rust_(language)), ok")).toEqual([
    { kind: "text", text: "See " },
    { kind: "link", url: "https://example.com/a?b=1" },
    { kind: "text", text: ". Or (" },
    { kind: "link", url: "http://x.org/wiki/Rust_(language)" },
    { kind: "text", text: "), ok" },
  ]);
});

it("leaves other schemes and bare words as text", () => {
  for (const t of ["javascript:alert(1)", "file:///etc/passwd", "example.com", "https://", "ftp://x.org"]) {
    expect(linkParts(t).every((p) => p.kind === "text"), t).toBe(true);
  }
});
