import { describe, expect, it } from "vitest";
import { ProcessGroupError } from "./errors.js";
import { isProcessAlive, signalProcessGroup } from "./signal.js";

describe("signalProcessGroup", () => {
  it("rejects pids that would address other groups", () => {
    for (const pid of [0, -1, 1.5, Number.NaN]) {
      expect(() => signalProcessGroup(pid, "SIGTERM")).toThrow(ProcessGroupError);
    }
    try {
      signalProcessGroup(0, "SIGTERM");
    } catch (error) {
      expect((error as ProcessGroupError).code).toBe("PROCESS_GROUP_INVALID_PID");
    }
  });

  it("returns false for a group that does not exist", () => {
    // pid_max is at most 2^22 on Linux, so this id cannot be in use.
    expect(signalProcessGroup(2 ** 22 + 17, "SIGTERM")).toBe(false);
  });
});

describe("isProcessAlive", () => {
  it("sees this process and not an unused pid", () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(2 ** 22 + 17)).toBe(false);
  });
});
