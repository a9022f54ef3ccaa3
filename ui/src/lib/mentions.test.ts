import { describe, expect, it } from "vitest";
import { encodeMentions, insertMention, matchPeople, mentionedIn, mentionParts, mentionQuery, plainMentions, tokenName } from "./mentions";

const ann = { user_id: 2, name: "Ann", email: "ann@x.org" };
const annLee = { user_id: 7, name: "Ann Lee", email: "lee@x.org" };
const bob = { user_id: 3, name: "Bob Stone", email: "bob@x.org" };

it("writes mentions as names", () => {
  expect(plainMentions("call @{2:Alice} and @{3:Bob Stone}")).toBe("call @Alice and @Bob Stone");
  expect(plainMentions("a@{b} @{x:y}")).toBe("a@{b} @{x:y}");
});

it("splits text into runs and mention chips", () => {
  expect(mentionParts("hi @{2:Ann}, see @{3:Bob Stone}")).toEqual([
    { kind: "text", text: "hi " },
    { kind: "mention", userId: 2, name: "Ann" },
    { kind: "text", text: ", see " },
    { kind: "mention", userId: 3, name: "Bob Stone" },
  ]);
  expect(mentionParts("no mentions")).toEqual([{ kind: "text", text: "no mentions" }]);
});

describe("the mention picker", () => {
  it("opens on an @ at a word's start, not inside an email", () => {
    expect(mentionQuery("hello @An", 9)).toEqual({ start: 6, query: "An" });
    expect(mentionQuery("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQuery("(@bo", 4)).toEqual({ start: 1, query: "bo" });
    expect(mentionQuery("mail ann@x.org", 14)).toBeNull();
    expect(mentionQuery("@ann done", 9)).toBeNull();
  });

  it("ranks names that start with the query first, then words, then emails", () => {
    const people = [bob, annLee, ann, { user_id: 9, name: "Joanna", email: "j@x.org" }];
    expect(matchPeople(people, "an").map((p) => p.name)).toEqual(["Ann", "Ann Lee", "Joanna"]);
    expect(matchPeople(people, "sto").map((p) => p.name)).toEqual(["Bob Stone"]);
    expect(matchPeople(people, "lee@").map((p) => p.name)).toEqual(["Ann Lee"]);
    expect(matchPeople(people, "").length).toBe(4);
    expect(matchPeople(people, "", 2).length).toBe(2);
    expect(matchPeople(people, "zed")).toEqual([]);
  });

  it("puts the picked name in the draft and the caret after it", () => {
    expect(insertMention("hi @an and", 3, 6, ann)).toEqual({ text: "hi @Ann  and", caret: 8 });
  });

  it("stores picked people in the documented token form when posting", () => {
    expect(encodeMentions("@Ann Lee and @Ann, not @Annie or mail@Ann", [ann, annLee])).toBe(
      "@{7:Ann Lee} and @{2:Ann}, not @Annie or mail@Ann",
    );
    // Someone picked, then deleted from the text, is not mentioned.
    expect(mentionedIn("thanks @Bob Stone", [ann, bob])).toEqual([bob]);
    // Names cannot end the token early.
    expect(tokenName("Evil} @{1:Admin")).toBe("Evil @{1:Admin");
    expect(encodeMentions("@x", [{ user_id: 5, name: "x}" }])).toBe("@{5:x}");
  });
});
