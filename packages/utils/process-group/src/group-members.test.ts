import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { hasProcFs, parseProcStat, processGroupMembers } from "./group-members.js";

describe("parseProcStat", () => {
  it("reads pid, name, state, ppid and pgid", () => {
    expect(parseProcStat("1234 (sleep) S 1200 1234 1234 0 -1 4194304")).toEqual({
      pid: 1234,
      name: "sleep",
      state: "S",
      ppid: 1200,
      pgid: 1234,
    });
  });

  it("handles names containing spaces and parentheses", () => {
    expect(parseProcStat("77 (a (b) c) Z 5 70 70 0")).toMatchObject({ pid: 77, name: "a (b) c", state: "Z", pgid: 70 });
  });

  it("rejects malformed lines", () => {
    expect(parseProcStat("garbage")).toBeUndefined();
    expect(parseProcStat("1 (x)")).toBeUndefined();
  });
});

describe.runIf(hasProcFs())("processGroupMembers", () => {
  it("finds this process in its own group", () => {
    const pgid = parseProcStat(readFileSync("/proc/self/stat", "utf8"))?.pgid;
    expect(pgid).toBeDefined();
    const members = processGroupMembers(pgid!) ?? [];
    expect(members.map((member) => member.pid)).toContain(process.pid);
  });
});
