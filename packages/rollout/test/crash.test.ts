import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readRollout } from "../src/index.js";
import { tempHome } from "./temp-home.js";

const writer = fileURLToPath(new URL("./crash-writer.mjs", import.meta.url));
const built = fileURLToPath(new URL("../dist/index.js", import.meta.url));

describe("crash safety", () => {
  it("keeps every record a writer reported written before it was killed with SIGKILL", async () => {
    expect(existsSync(built), "build the package first (pnpm --filter @codex-ts/rollout build)").toBe(true);
    const home = await tempHome();
    const child = spawn(process.execPath, [writer, home], { stdio: ["ignore", "pipe", "inherit"] });
    let path = "";
    let lastWritten = -1;
    let buffered = "";
    // "close" fires after stdout is drained, so every "written" line the child got out is counted.
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("close", (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error("writer did not report 200 records within 20 s")), 20_000);
      child.stdout.setEncoding("utf8");
      child.stdout.on("data", (chunk: string) => {
        buffered += chunk;
        const lines = buffered.split("\n");
        buffered = lines.pop()!;
        for (const line of lines) {
          if (line.startsWith("path ")) path = line.slice(5);
          if (line.startsWith("written ")) lastWritten = Number(line.slice(8));
        }
        if (lastWritten >= 200 && child.exitCode === null && !child.killed) {
          child.kill("SIGKILL");
          clearTimeout(deadline);
          resolve();
        }
      });
      child.on("exit", () => {
        clearTimeout(deadline);
        resolve();
      });
    });
    expect(await exited).toBe("SIGKILL");

    const contents = await readRollout(path);
    expect(contents.issues).toEqual([]);
    expect(contents.meta?.originator).toBe("crash_test");
    const messages = contents.records.flatMap((r) =>
      r.known && r.line.type === "event_msg" && r.line.payload.type === "agent_message" ? [r.line.payload.message] : [],
    );
    expect(messages.length).toBeGreaterThanOrEqual(lastWritten + 1);
    for (const [n, message] of messages.entries()) expect(message.startsWith(`${n} `)).toBe(true);
  });
});
