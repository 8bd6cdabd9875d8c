import { describe, expect, it } from "vitest";
import { ScopeQueue, serializationScopeOf } from "./serialization-scope.js";

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe("serializationScopeOf", () => {
  it("maps methods to their scopes", () => {
    expect(serializationScopeOf("config/batchWrite", {}, "1")).toEqual({ key: "global:config", access: "exclusive" });
    expect(serializationScopeOf("config/read", {}, "1")).toEqual({ key: "global:config", access: "shared" });
    expect(serializationScopeOf("command/exec/write", { processId: "p" }, "7")).toEqual({ key: "processId:7:p", access: "exclusive" });
    expect(serializationScopeOf("thread/name/set", { threadId: "t" }, "1")).toEqual({ key: "thread:t", access: "exclusive" });
    expect(serializationScopeOf("command/exec", { processId: "p" }, "1")).toBeUndefined();
    expect(serializationScopeOf("fs/getMetadata", { path: "/" }, "1")).toBeUndefined();
    expect(serializationScopeOf("thread/list", { threadId: "t" }, "1")).toBeUndefined();
  });
});

describe("ScopeQueue", () => {
  it("runs exclusive tasks of one key in order and unrelated tasks at once", async () => {
    const queue = new ScopeQueue();
    const order: string[] = [];
    const gate = deferred();
    const first = queue.run({ key: "a", access: "exclusive" }, async () => {
      order.push("a1 start");
      await gate.promise;
      order.push("a1 end");
    });
    const second = queue.run({ key: "a", access: "exclusive" }, async () => {
      order.push("a2");
    });
    const other = queue.run({ key: "b", access: "exclusive" }, async () => {
      order.push("b");
    });
    await other;
    expect(order).toEqual(["a1 start", "b"]);
    gate.resolve();
    await Promise.all([first, second]);
    expect(order).toEqual(["a1 start", "b", "a1 end", "a2"]);
    expect(queue.activeKeys).toBe(0);
  });

  it("lets shared tasks overlap and makes a writer wait for them", async () => {
    const queue = new ScopeQueue();
    const order: string[] = [];
    const gate = deferred();
    const readers = [1, 2].map((n) =>
      queue.run({ key: "c", access: "shared" }, async () => {
        order.push(`r${n} start`);
        await gate.promise;
        order.push(`r${n} end`);
      }),
    );
    const writer = queue.run({ key: "c", access: "exclusive" }, async () => {
      order.push("w");
    });
    const lateReader = queue.run({ key: "c", access: "shared" }, async () => {
      order.push("r3");
    });
    await Promise.resolve();
    expect(order).toEqual(["r1 start", "r2 start"]);
    gate.resolve();
    await Promise.all([...readers, writer, lateReader]);
    expect(order).toEqual(["r1 start", "r2 start", "r1 end", "r2 end", "w", "r3"]);
  });

  it("keeps going after a task fails", async () => {
    const queue = new ScopeQueue();
    await expect(queue.run({ key: "d", access: "exclusive" }, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(queue.run({ key: "d", access: "exclusive" }, async () => 5)).resolves.toBe(5);
  });
});
