import { describe, expect, it } from "vitest";
import { exitStatusCode, signalName, signalNumber } from "./signals.js";

describe("signals", () => {
  it("maps numbers and names both ways", () => {
    expect(signalName(9)).toBe("SIGKILL");
    expect(signalName(15)).toBe("SIGTERM");
    expect(signalName(12345)).toBeUndefined();
    expect(signalNumber("SIGINT")).toBe(2);
  });

  it("folds exit code and signal into one shell-style status", () => {
    expect(exitStatusCode({ exitCode: 3, signal: null })).toBe(3);
    expect(exitStatusCode({ exitCode: null, signal: "SIGKILL" })).toBe(137);
    expect(exitStatusCode({ exitCode: null, signal: "SIGTERM" })).toBe(143);
    expect(exitStatusCode({ exitCode: null, signal: null })).toBe(-1);
  });
});
