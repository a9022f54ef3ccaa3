import { describe, expect, it } from "vitest";
import { placeFrom, placeText } from "./place";

describe("place", () => {
  it("round-trips every page kind", () => {
    const pages = [
      { kind: "workspaces" },
      { kind: "notifications" },
      { kind: "table", tableId: 3, tableName: "Deals" },
      { kind: "record", tableId: 3, tableName: "Deals", recordId: 9 },
      { kind: "space", spaceId: 2, spaceName: "Sales" },
    ] as const;
    for (const page of pages) {
      expect(placeFrom(placeText({ connectionId: "c1", page }))).toEqual({ connectionId: "c1", page });
    }
  });

  it("reads anything else as no place", () => {
    for (const text of [null, "", "{", "[]", '{"connectionId":1,"page":{"kind":"tasks"}}',
      '{"connectionId":"c","page":{"kind":"admin"}}',
      '{"connectionId":"c","page":{"kind":"record","tableId":"3","tableName":"x","recordId":1}}',
      '{"connectionId":"c","page":{"kind":"table","tableId":-1,"tableName":"x"}}']) {
      expect(placeFrom(text)).toBeNull();
    }
  });
});
