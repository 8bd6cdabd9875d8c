import { describe, expect, it } from "vitest";
import {
  SANDBOX_MODES,
  askForApprovalSchema,
  isAskForApprovalMode,
  isSandboxMode,
  sandboxModeSchema,
} from "./index.js";

describe("askForApprovalSchema", () => {
  it("accepts the kebab-case modes, including the deprecated on-failure", () => {
    for (const mode of ["untrusted", "on-failure", "on-request", "never"]) {
      expect(askForApprovalSchema.parse(mode)).toBe(mode);
      expect(isAskForApprovalMode(mode)).toBe(true);
    }
    expect(askForApprovalSchema.safeParse("onRequest").success).toBe(false);
    expect(isAskForApprovalMode("always")).toBe(false);
  });

  it("accepts granular with snake_case fields and fills the optional ones", () => {
    expect(
      askForApprovalSchema.parse({ granular: { sandbox_approval: true, rules: false, mcp_elicitations: true } }),
    ).toEqual({
      granular: {
        sandbox_approval: true,
        rules: false,
        mcp_elicitations: true,
        skill_approval: false,
        request_permissions: false,
      },
    });
  });

  it("rejects an incomplete granular object and extra top-level keys", () => {
    expect(askForApprovalSchema.safeParse({ granular: { rules: true } }).success).toBe(false);
    expect(
      askForApprovalSchema.safeParse({
        granular: { sandbox_approval: true, rules: true, mcp_elicitations: true },
        other: 1,
      }).success,
    ).toBe(false);
  });
});

describe("sandboxModeSchema", () => {
  it("accepts exactly the three kebab-case modes", () => {
    expect(SANDBOX_MODES).toEqual(["read-only", "workspace-write", "danger-full-access"]);
    for (const mode of SANDBOX_MODES) {
      expect(sandboxModeSchema.parse(mode)).toBe(mode);
      expect(isSandboxMode(mode)).toBe(true);
    }
    expect(sandboxModeSchema.safeParse("readOnly").success).toBe(false);
    expect(isSandboxMode(undefined)).toBe(false);
  });
});
