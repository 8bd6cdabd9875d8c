import { describe, expect, it } from "vitest";
import { SandboxError } from "./sandbox-errors.js";
import { sandboxPolicyFromConfig } from "./sandbox-policy-from-config.js";

const cwd = "/home/me/project";

describe("sandboxPolicyFromConfig", () => {
  it("defaults to read-only without network", () => {
    expect(sandboxPolicyFromConfig({}, { cwd })).toEqual({ type: "readOnly", networkAccess: false });
  });

  it("maps each sandbox_mode", () => {
    expect(sandboxPolicyFromConfig({ sandbox_mode: "danger-full-access" }, { cwd })).toEqual({
      type: "dangerFullAccess",
    });
    expect(sandboxPolicyFromConfig({ sandbox_mode: "workspace-write" }, { cwd })).toEqual({
      type: "workspaceWrite",
      writableRoots: [],
      networkAccess: false,
      excludeTmpdirEnvVar: false,
      excludeSlashTmp: false,
    });
  });

  it("applies sandbox_workspace_write, resolving relative and ~ roots and dropping duplicates", () => {
    const policy = sandboxPolicyFromConfig(
      {
        sandbox_mode: "workspace-write",
        sandbox_workspace_write: {
          writable_roots: ["/srv/cache/", "build", "~/scratch", "/srv/cache"],
          network_access: true,
          exclude_tmpdir_env_var: true,
          exclude_slash_tmp: true,
        },
      },
      { cwd, home: "/home/me" },
    );
    expect(policy).toEqual({
      type: "workspaceWrite",
      writableRoots: ["/srv/cache", "/home/me/project/build", "/home/me/scratch"],
      networkAccess: true,
      excludeTmpdirEnvVar: true,
      excludeSlashTmp: true,
    });
  });

  it("ignores sandbox_workspace_write outside workspace-write", () => {
    expect(
      sandboxPolicyFromConfig({ sandbox_workspace_write: { network_access: true, writable_roots: ["/x"] } }, { cwd }),
    ).toEqual({ type: "readOnly", networkAccess: false });
  });

  it("lets a mode override win over config and adds --add-dir roots under workspace-write", () => {
    const overrides = { sandboxMode: "workspace-write" as const, additionalWritableRoots: ["../shared"] };
    expect(
      sandboxPolicyFromConfig(
        { sandbox_mode: "read-only", sandbox_workspace_write: { writable_roots: ["/data"] } },
        { cwd, overrides },
      ),
    ).toMatchObject({ type: "workspaceWrite", writableRoots: ["/data", "/home/me/shared"] });
    expect(
      sandboxPolicyFromConfig({}, { cwd, overrides: { sandboxMode: "read-only", additionalWritableRoots: ["/x"] } }),
    ).toEqual({ type: "readOnly", networkAccess: false });
  });

  it("uses an explicit policy override as is", () => {
    const sandboxPolicy = { type: "readOnly" as const, networkAccess: true };
    expect(
      sandboxPolicyFromConfig({ sandbox_mode: "danger-full-access" }, { cwd, overrides: { sandboxPolicy } }),
    ).toBe(sandboxPolicy);
  });

  it("rejects an unknown sandbox_mode with a typed, actionable error", () => {
    const attempt = () => sandboxPolicyFromConfig({ sandbox_mode: "workspaceWrite" }, { cwd });
    expect(attempt).toThrow(SandboxError);
    expect(attempt).toThrow(
      'sandbox_mode must be one of read-only, workspace-write, danger-full-access, got "workspaceWrite".',
    );
  });
});
