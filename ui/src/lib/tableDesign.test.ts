import { describe, expect, it } from "vitest";
import type { Field } from "../api/bindings";
import { definitionOf, draftOf, newDraft, problemWith, starterFields } from "./tableDesign";

const read: Field[] = [
  { id: "item_id", name: "ID", type: "key", key: "true" as unknown as boolean },
  { id: "stage", name: "Stage", type: "select", multiple: false, options: [{ title: "Won", color: "" }, "Lost"] },
  { id: "amount", name: "Amount", type: "number", options: { decimals: 2 } },
  { id: "contact", name: "Contact", type: "lookup", multiple: true, table: { id: 1, text: "Contacts" } },
  { id: "ev", name: "Expected", type: "calc", formula: "amount * 2" },
];

describe("table design", () => {
  it("reads every kind of field and writes it back in the shape writes take", () => {
    const defs = read.map(draftOf).map(definitionOf);
    expect(defs[0]).toMatchObject({ id: "item_id", name: "ID", type: "key" });
    expect(defs[1]).toEqual({ id: "stage", name: "Stage", type: "select", options: ["Won", "Lost"], multiple: false });
    expect(defs[2]).toEqual({ id: "amount", name: "Amount", type: "number", decimals: 2 });
    expect(defs[3]).toEqual({ id: "contact", name: "Contact", type: "lookup", multiple: true, table_id: 1 });
    expect(defs[4]).toMatchObject({ id: "ev", name: "Expected", type: "calc", formula: "amount * 2" });
  });

  it("lets locked fields be renamed but nothing else", () => {
    const calc = draftOf(read[4]!);
    calc.name = "Expected value";
    calc.type = "text";
    expect(definitionOf(calc)).toMatchObject({ name: "Expected value", type: "calc", formula: "amount * 2" });
  });

  it("says what is missing before anything is sent", () => {
    const fields = starterFields();
    expect(problemWith("", fields)).toBe("Give the table a name.");
    expect(problemWith("Leads", fields)).toBeNull();
    expect(problemWith("Leads", [...fields, { ...newDraft(), name: "name" }])).toBe("Two fields are called “name”.");
    expect(problemWith("Leads", [...fields, newDraft()])).toBe("Field 3 needs a name.");
    expect(problemWith("Leads", [...fields, { ...newDraft(), name: "Stage", type: "select" }])).toBe("“Stage” needs at least one choice.");
    expect(problemWith("Leads", [...fields, { ...newDraft(), name: "Owner", type: "lookup" }])).toBe("Choose the table “Owner” links to.");
  });

  it("sends new fields without an id, so the service derives it", () => {
    expect(definitionOf({ ...newDraft(), name: " Email Address ", type: "text" })).toEqual({ name: "Email Address", type: "text" });
  });
});
