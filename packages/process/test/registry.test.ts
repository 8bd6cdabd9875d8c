import { afterEach, describe, expect, it } from "vitest";
import { ProcessRegistry, startProcess } from "../src/index.js";
import { killGroups, liveGroupMembers, OutputRecorder } from "./helpers.js";

const registries: ProcessRegistry[] = [];
function registry(): ProcessRegistry {
  const created = new ProcessRegistry();
  registries.push(created);
  return created;
}

afterEach(async () => {
  for (const each of registries.splice(0)) {
    killGroups(each.ids().map((id) => each.get(id)?.pid));
    await each.terminateAll({ graceMs: 0 });
  }
});

describe("ProcessRegistry", () => {
  it("finds a running process by id and forgets it once it exited", async () => {
    const processes = registry();
    const child = processes.start("proc-1", { command: ["cat"], retainOutput: true });
    expect(processes.get("proc-1")).toBe(child);
    expect(processes.has("proc-1")).toBe(true);
    expect(processes.ids()).toEqual(["proc-1"]);
    expect(processes.size).toBe(1);
    await processes.write("proc-1", Buffer.from("abc"));
    processes.closeStdin("proc-1");
    const result = await child.exited;
    expect(result.stdout.toString()).toBe("abc");
    expect(processes.has("proc-1")).toBe(false);
    expect(processes.size).toBe(0);
  });

  it("rejects a duplicate id while the first process runs, and allows reuse afterwards", async () => {
    const processes = registry();
    const first = processes.start("dup", { command: ["cat"] });
    expect(() => processes.start("dup", { command: ["true"] })).toThrow(expect.objectContaining({ code: "PROCESS_ID_IN_USE" }));
    expect(processes.get("dup")).toBe(first);
    processes.closeStdin("dup");
    await first.exited;
    const second = processes.start("dup", { command: ["true"] });
    expect(processes.get("dup")).toBe(second);
    await second.exited;
  });

  it("reports unknown ids with PROCESS_NOT_FOUND", async () => {
    const processes = registry();
    expect(() => processes.require("nope")).toThrow(expect.objectContaining({ code: "PROCESS_NOT_FOUND" }));
    expect(() => processes.resize("nope", 80, 24)).toThrow(expect.objectContaining({ code: "PROCESS_NOT_FOUND" }));
    expect(() => processes.closeStdin("nope")).toThrow(expect.objectContaining({ code: "PROCESS_NOT_FOUND" }));
    await expect(processes.write("nope", "x")).rejects.toMatchObject({ code: "PROCESS_NOT_FOUND" });
    await expect(processes.terminate("nope")).rejects.toMatchObject({ code: "PROCESS_NOT_FOUND" });
    expect(processes.get("nope")).toBeUndefined();
  });

  it("resizes and terminates by id", async () => {
    const processes = registry();
    const child = processes.start("tty-1", {
      command: ["bash", "-c", "stty -echo; echo ready; read; stty size; sleep 300"],
      tty: true,
    });
    const recorder = new OutputRecorder(child);
    await recorder.waitFor("ready");
    processes.resize("tty-1", 101, 33);
    await processes.write("tty-1", "\n");
    await recorder.waitFor("33 101");
    const result = await processes.terminate("tty-1");
    expect(result.terminated).toBe(true);
    expect(processes.has("tty-1")).toBe(false);
  });

  it("frees the id of a process that failed to start", async () => {
    const processes = registry();
    const child = processes.start("bad", { command: ["definitely-not-a-program-xyz"] });
    await expect(child.exited).rejects.toMatchObject({ code: "PROCESS_SPAWN_FAILED" });
    expect(processes.has("bad")).toBe(false);
  });

  it("does not take the id when the options are invalid", () => {
    const processes = registry();
    expect(() => processes.start("x", { command: [] })).toThrow(expect.objectContaining({ code: "PROCESS_INVALID_OPTIONS" }));
    expect(processes.has("x")).toBe(false);
  });

  it("tracks processes started elsewhere", async () => {
    const processes = registry();
    const child = startProcess({ command: ["true"] });
    processes.add("external", child);
    expect(() => processes.add("external", child)).toThrow(expect.objectContaining({ code: "PROCESS_ID_IN_USE" }));
    await child.exited;
    expect(processes.has("external")).toBe(false);
  });

  it("terminates everything for shutdown and leaves no process behind", async () => {
    const processes = registry();
    const children = ["a", "b", "c"].map((id, index) =>
      processes.start(id, { command: ["bash", "-c", "sleep 300 & echo ready; wait"], tty: index === 2 }),
    );
    await Promise.all(children.map((child) => new OutputRecorder(child).waitFor("ready")));
    await processes.terminateAll({ graceMs: 5000 });
    expect(processes.size).toBe(0);
    for (const child of children) {
      expect(child.running).toBe(false);
      expect(liveGroupMembers(child.pid!)).toEqual([]);
    }
  });
});
