import { describe, expect, it } from "vitest";
import { checkTerminalSize, validateStartOptions } from "./validate-options.js";

describe("validateStartOptions", () => {
  it("accepts a minimal and a full set of options", () => {
    expect(() => validateStartOptions({ command: ["true"] })).not.toThrow();
    expect(() =>
      validateStartOptions({
        command: ["bash", "-c", "echo"],
        cwd: "/",
        env: { A: "1", B: null, C: undefined },
        tty: true,
        size: { cols: 1, rows: 65535 },
        outputBytesCap: 0,
        timeoutMs: null,
        killGraceMs: 0,
        drainTimeoutMs: 10,
        stdin: "ignore",
        retainOutput: true,
      }),
    ).not.toThrow();
  });

  it("names the offending field", () => {
    expect(() => validateStartOptions({ command: ["x"], cwd: "" })).toThrow(/cwd must be a non-empty string/);
    expect(() => validateStartOptions({ command: ["x"], killGraceMs: -5 })).toThrow(/killGraceMs/);
    expect(() => validateStartOptions({ command: ["x"], env: { "": "v" } })).toThrow(/env name ""/);
    expect(() => validateStartOptions({ command: ["x", 3 as unknown as string] })).toThrow(/command\[1\] must be a string/);
  });
});

describe("checkTerminalSize", () => {
  it("accepts 1..65535 and rejects the rest", () => {
    expect(() => checkTerminalSize({ cols: 80, rows: 24 })).not.toThrow();
    expect(() => checkTerminalSize({ cols: 65536, rows: 24 })).toThrow(/size\.cols/);
    expect(() => checkTerminalSize({ cols: 80, rows: Number.NaN })).toThrow(/size\.rows/);
  });
});
