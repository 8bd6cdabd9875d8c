import fs from "node:fs";
import { absolutePath } from "@codex-ts/utils-absolute-path";
import { describe, expect, it } from "vitest";
import { type SeatbeltSpec, sandboxExecArgs, seatbeltPolicy } from "./seatbelt-profile.js";

const goldenDir = new URL("../test/golden/", import.meta.url);
const update = process.env.UPDATE_GOLDEN === "1";

/** Compares the profile and its parameters with test/golden/<name>.sbpl and <name>.params (UPDATE_GOLDEN=1 rewrites). */
function expectGolden(name: string, spec: SeatbeltSpec): void {
  const { profile, params } = seatbeltPolicy(spec);
  const paramsText = params.map(([key, value]) => `${key}=${value}\n`).join("");
  const profileFile = new URL(`${name}.sbpl`, goldenDir);
  const paramsFile = new URL(`${name}.params`, goldenDir);
  if (update) {
    fs.writeFileSync(profileFile, profile);
    fs.writeFileSync(paramsFile, paramsText);
  }
  expect(profile).toBe(fs.readFileSync(profileFile, "utf8"));
  expect(paramsText).toBe(fs.readFileSync(paramsFile, "utf8"));
}

const root = (path: string, readOnly: string[] = []) => ({
  root: absolutePath(path),
  readOnlySubpaths: readOnly.map((subpath) => absolutePath(subpath)),
});

describe("seatbeltPolicy", () => {
  it("read-only: no writable roots, no network", () => {
    expectGolden("read-only", { writableRoots: [], network: "disabled" });
  });

  it("workspace-write: roots minus protected subpaths, network off", () => {
    expectGolden("workspace-write", {
      writableRoots: [
        root("/Users/me/project", ["/Users/me/project/.git", "/Users/me/project/.codex", "/Users/me/project/.agents"]),
        root("/private/tmp"),
        root("/private/var/folders/xy/T"),
      ],
      network: "disabled",
    });
  });

  it("workspace-write with network", () => {
    expectGolden("workspace-write-network", {
      writableRoots: [root("/Users/me/project", ["/Users/me/project/.git"])],
      network: "enabled",
    });
  });

  it("network through the proxy socket only", () => {
    expectGolden("proxy", {
      writableRoots: [root("/Users/me/project", ["/Users/me/project/.git"])],
      network: "proxy",
      proxySocket: "/Users/me/.codex/proxy/proxy.sock",
    });
  });

  it("keeps paths out of the profile text, so quotes in paths cannot change the policy", () => {
    const { profile, params } = seatbeltPolicy({
      writableRoots: [root('/tmp/a") (allow file-write* (subpath "/'), root("/x")],
      network: "disabled",
    });
    expect(profile).not.toContain("/tmp/a");
    expect(params[0]?.[0]).toBe("WRITABLE_ROOT_0");
    expect(params[0]?.[1]).toContain('(allow file-write* (subpath "');
  });
});

describe("sandboxExecArgs", () => {
  it("passes the profile with -p, each parameter with -D, then the command after --", () => {
    const policy = seatbeltPolicy({ writableRoots: [root("/w", ["/w/.git"])], network: "disabled" });
    expect(sandboxExecArgs(policy, ["ls", "-la"])).toEqual([
      "-p",
      policy.profile,
      "-DWRITABLE_ROOT_0=/w",
      "-DWRITABLE_ROOT_0_RO_0=/w/.git",
      "--",
      "ls",
      "-la",
    ]);
  });
});
