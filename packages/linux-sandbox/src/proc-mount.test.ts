import { describe, expect, it } from "vitest";
import { isProcMountFailure } from "./proc-mount.js";

describe("isProcMountFailure", () => {
  it("recognises bubblewrap's refused /proc mount", () => {
    expect(isProcMountFailure("bwrap: Can't mount proc on /newroot/proc: Operation not permitted\n")).toBe(true);
    expect(isProcMountFailure("bwrap: Can't mount proc on /newroot/proc: Invalid argument")).toBe(true);
  });

  it("ignores other failures", () => {
    expect(isProcMountFailure("bwrap: No permissions to creating new namespace")).toBe(false);
    expect(isProcMountFailure("bwrap: Can't find source path /nope: No such file or directory")).toBe(false);
    expect(isProcMountFailure("")).toBe(false);
  });
});
