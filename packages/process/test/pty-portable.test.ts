import { describe, expect, it } from "vitest";
import { startPortablePtyBackend } from "../src/pty-backend-portable.js";
import { startProcessWithBackend } from "../src/start-process.js";
import type { StartProcessOptions } from "../src/index.js";
import { liveGroupMembers, OutputRecorder } from "./helpers.js";

// The node-pty public-API backend is what Windows uses; it runs on POSIX too, so it is exercised here. The
// programs under test never end as a session leader that closes the terminal itself: with this backend such a
// leader can be hung up (SIGHUP) while exiting, which is why POSIX uses the native backend.
const start = (options: Omit<StartProcessOptions, "tty">) => startProcessWithBackend({ ...options, tty: true }, startPortablePtyBackend);

describe.skipIf(process.platform === "win32")("portable PTY backend", () => {
  it("runs a program on a terminal with raw byte output", async () => {
    const child = start({ command: ["bash", "-c", "tty; printf '\\377\\200'; exit 3"], retainOutput: true });
    const result = await child.exited;
    expect(result.exitCode).toBe(3);
    expect(result.stdout.subarray(0, -2).toString()).toMatch(/^\/dev\/pts\/\d+\r\n$/);
    expect([...result.stdout.subarray(-2)]).toEqual([0xff, 0x80]);
  });

  it("resizes, takes input and ends it", async () => {
    const child = start({ command: ["bash", "-c", "stty -echo; echo ready; read line; stty size; cat; echo end"], size: { cols: 50, rows: 10 } });
    const recorder = new OutputRecorder(child);
    await recorder.waitFor("ready");
    child.resize(70, 12);
    await child.write("go\n");
    await recorder.waitFor("12 70");
    await child.write("tail");
    child.closeStdin();
    const result = await child.exited;
    expect(result.exitCode).toBe(0);
    expect(recorder.text("stdout")).toBe("ready\r\n12 70\r\ntailend\r\n");
  });

  it("terminates the process tree", async () => {
    const child = start({ command: ["bash", "-c", "sleep 300 & echo ready; wait"] });
    const recorder = new OutputRecorder(child);
    await recorder.waitFor("ready");
    const result = await child.terminate({ graceMs: 5000 });
    expect(result).toMatchObject({ terminated: true, signal: "SIGTERM" });
    expect(liveGroupMembers(child.pid!)).toEqual([]);
  });

  it("reports a missing program as a typed spawn error", async () => {
    const child = start({ command: ["definitely-not-a-program-xyz"] });
    await expect(child.exited).rejects.toMatchObject({ code: "PROCESS_SPAWN_FAILED", errno: "ENOENT" });
  });
});
