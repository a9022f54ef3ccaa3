import { describe, expect, it } from "vitest";
import { ROLES, roleLabel } from "./roles";

describe("workspace roles", () => {
  it("has words for every role and keeps unknown ones readable", () => {
    expect(ROLES.map(roleLabel)).toEqual(["Read only", "Read & write", "Admin"]);
    expect(roleLabel("owner")).toBe("Owner");
    expect(roleLabel("guest")).toBe("guest");
  });
});
