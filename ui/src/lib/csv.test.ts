import { describe, expect, it } from "vitest";
import { csvField, csvLine } from "./csv";

describe("CSV", () => {
  it("quotes what needs quoting", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a, b")).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvLine([{ text: "1" }, { text: "x,y" }])).toBe('1,"x,y"\r\n');
  });

  it("defuses formulas but not negative numbers", () => {
    expect(csvField("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-5", true)).toBe("-5");
    expect(csvField("-5")).toBe("'-5");
  });
});
