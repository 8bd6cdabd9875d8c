import { describe, expect, it } from "vitest";
import {
  readOnlySandboxPolicy,
  sandboxPolicySchema,
  workspaceWriteSandboxPolicy,
} from "./index.js";

describe("sandboxPolicySchema", () => {
  it("fills the wire defaults of every variant", () => {
    expect(sandboxPolicySchema.parse({ type: "dangerFullAccess" })).toEqual({ type: "dangerFullAccess" });
    expect(sandboxPolicySchema.parse({ type: "readOnly" })).toEqual({ type: "readOnly", networkAccess: false });
    expect(sandboxPolicySchema.parse({ type: "externalSandbox" })).toEqual({
      type: "externalSandbox",
      networkAccess: "restricted",
    });
    expect(sandboxPolicySchema.parse({ type: "workspaceWrite" })).toEqual({
      type: "workspaceWrite",
      writableRoots: [],
      networkAccess: false,
      excludeTmpdirEnvVar: false,
      excludeSlashTmp: false,
    });
  });

  it("keeps explicit values and normalises writable roots", () => {
    const parsed = sandboxPolicySchema.parse({
      type: "workspaceWrite",
      writableRoots: ["/srv/data/", "/a/./b/../c"],
      networkAccess: true,
      excludeTmpdirEnvVar: true,
      excludeSlashTmp: true,
    });
    expect(parsed).toEqual({
      type: "workspaceWrite",
      writableRoots: ["/srv/data", "/a/c"],
      networkAccess: true,
      excludeTmpdirEnvVar: true,
      excludeSlashTmp: true,
    });
  });

  it("round-trips through JSON", () => {
    const policy = workspaceWriteSandboxPolicy({ networkAccess: true });
    expect(sandboxPolicySchema.parse(JSON.parse(JSON.stringify(policy)))).toEqual(policy);
    expect(sandboxPolicySchema.parse(readOnlySandboxPolicy())).toEqual({ type: "readOnly", networkAccess: false });
  });

  it("rejects unknown tags, snake_case tags and relative roots", () => {
    expect(sandboxPolicySchema.safeParse({ type: "read-only" }).success).toBe(false);
    expect(sandboxPolicySchema.safeParse({ type: "workspace_write" }).success).toBe(false);
    expect(sandboxPolicySchema.safeParse({}).success).toBe(false);
    const relative = sandboxPolicySchema.safeParse({ type: "workspaceWrite", writableRoots: ["src"] });
    expect(relative.success).toBe(false);
    expect(relative.error?.issues[0]?.message).toBe("expected an absolute path");
    expect(sandboxPolicySchema.safeParse({ type: "externalSandbox", networkAccess: true }).success).toBe(false);
  });

  it("drops unknown fields", () => {
    expect(sandboxPolicySchema.parse({ type: "dangerFullAccess", extra: 1 })).toEqual({ type: "dangerFullAccess" });
  });

  it("ignores legacy full read access and rejects restricted read access", () => {
    expect(sandboxPolicySchema.parse({ type: "readOnly", access: { type: "fullAccess" } })).toEqual({
      type: "readOnly",
      networkAccess: false,
    });
    const readOnly = sandboxPolicySchema.safeParse({ type: "readOnly", access: { type: "restricted" } });
    expect(readOnly.error?.issues[0]?.message).toBe(
      "readOnly.access is no longer supported; use permissionProfile for restricted reads",
    );
    const workspace = sandboxPolicySchema.safeParse({
      type: "workspaceWrite",
      readOnlyAccess: { type: "restricted", readableRoots: [] },
    });
    expect(workspace.error?.issues[0]?.message).toBe(
      "workspaceWrite.readOnlyAccess is no longer supported; use permissionProfile for restricted reads",
    );
  });
});
