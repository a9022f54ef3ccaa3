import { expect, it } from "vitest";
import { plainMentions } from "./mentions";

it("writes mentions as names", () => {
  expect(plainMentions("call @{2:Alice} and @{3:Bob Stone}")).toBe("call @Alice and @Bob Stone");
  expect(plainMentions("a@{b} @{x:y}")).toBe("a@{b} @{x:y}");
});
