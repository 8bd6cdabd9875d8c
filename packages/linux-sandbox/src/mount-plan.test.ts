import { describe, expect, it } from "vitest";
import { LinuxSandboxError } from "./linux-sandbox-error.js";
import { type FileSystemProbe, planMounts } from "./mount-plan.js";

/** A fake filesystem: path → kind, plus symlink targets. */
function fakeProbe(
  entries: Record<string, "directory" | "file" | "empty-file" | "symlink">,
  links: Record<string, string> = {},
  readOnlyDirs: string[] = [],
) {
  const probe: FileSystemProbe = {
    canCreateIn: (dir) => !readOnlyDirs.includes(dir),
    kind: (target) => entries[target],
    realpath: (target) => {
      if (entries[target] === undefined) return undefined;
      return links[target] ?? target;
    },
  };
  return probe;
}

describe("planMounts", () => {
  const fs = fakeProbe(
    { "/": "directory", "/ws": "directory", "/ws/.git": "directory", "/tmp": "directory", "/home": "directory" },
    {},
  );

  it("re-binds existing protected paths and blocks missing ones with placeholders", () => {
    const plan = planMounts(
      { writableRoots: ["/ws", "/tmp", "/missing"], readOnlyPaths: ["/ws/.git", "/ws/.codex", "/home/.codex"] },
      fs,
    );
    expect(plan).toEqual({
      writableRoots: ["/ws", "/tmp"],
      readOnlyPaths: ["/ws/.git"],
      blockedPaths: ["/ws/.codex"],
      placeholders: ["/ws/.codex"],
    });
  });

  it("needs no block where this user cannot create anything", () => {
    const locked = fakeProbe({ "/": "directory", "/srv": "directory" }, {}, ["/srv"]);
    expect(planMounts({ writableRoots: ["/srv"], readOnlyPaths: ["/srv/.git"] }, locked).blockedPaths).toEqual([]);
  });

  it("blocks the first missing component of a deeper missing path", () => {
    const plan = planMounts({ writableRoots: ["/ws"], readOnlyPaths: ["/ws/a/b/.git"] }, fs);
    expect(plan.blockedPaths).toEqual(["/ws/a"]);
  });

  it("shares an empty protected file (another sandbox's placeholder) instead of re-binding it", () => {
    const shared = fakeProbe({ "/": "directory", "/ws": "directory", "/ws/.codex": "empty-file", "/ws/.git": "file" });
    const plan = planMounts({ writableRoots: ["/ws"], readOnlyPaths: ["/ws/.codex", "/ws/.git"] }, shared);
    expect(plan).toMatchObject({ readOnlyPaths: ["/ws/.git"], blockedPaths: ["/ws/.codex"], placeholders: ["/ws/.codex"] });
  });

  it("resolves roots through symlinks", () => {
    const linked = fakeProbe({ "/": "directory", "/link": "symlink", "/real": "directory" }, { "/link": "/real" });
    const plan = planMounts({ writableRoots: ["/link"], readOnlyPaths: ["/real/.git"] }, linked);
    expect(plan.writableRoots).toEqual(["/real"]);
    expect(plan.blockedPaths).toEqual(["/real/.git"]);
  });

  it("refuses a protected path that is a symlink inside a writable root", () => {
    const linked = fakeProbe(
      { "/": "directory", "/ws": "directory", "/ws/.codex": "symlink", "/ws/decoy": "directory" },
      { "/ws/.codex": "/ws/decoy" },
    );
    const attempt = () => planMounts({ writableRoots: ["/ws"], readOnlyPaths: ["/ws/.codex"] }, linked);
    expect(attempt).toThrow(LinuxSandboxError);
    expect(attempt).toThrow(/\/ws\/.codex is a symbolic link inside a writable folder/);
    expect(planMounts({ writableRoots: [], readOnlyPaths: ["/ws/.codex"] }, linked).readOnlyPaths).toEqual([]);
  });
});
