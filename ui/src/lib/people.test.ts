import { expect, it } from "vitest";
import { commentAuthors, mergePeople } from "./people";

it("merges members, users seen in records and comment authors, once per id", () => {
  const members = [
    { user_id: 3, name: "bob@x.org", email: "bob@x.org" },
    { user_id: 2, name: "Alice", email: "alice@x.org" },
  ];
  const seen = [
    { user_id: 3, name: "Bob", email: null },
    { user_id: 9, name: "", email: "zoe@x.org" },
    { user_id: -1, name: "Broken", email: null },
  ];
  const authors = commentAuthors([
    { user_id: 2, user_name: "Alice A." },
    { user_id: 4, user_name: "Dan" },
    { user_id: null, user_name: "API key" },
    { user_id: 5, user_name: null },
  ]);
  expect(mergePeople(members, seen, authors)).toEqual([
    { user_id: 2, name: "Alice", email: "alice@x.org" },
    { user_id: 3, name: "Bob", email: "bob@x.org" },
    { user_id: 4, name: "Dan", email: null },
    { user_id: 9, name: "zoe@x.org", email: "zoe@x.org" },
  ]);
  expect(mergePeople()).toEqual([]);
});
