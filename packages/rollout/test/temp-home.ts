import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";

const homes: string[] = [];

/** A fresh temporary CODEX_HOME, removed after the test. */
export async function tempHome(): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), "rollout-test-"));
  homes.push(home);
  return home;
}

afterEach(async () => {
  await Promise.all(homes.splice(0).map((home) => rm(home, { recursive: true, force: true })));
});

/** A clock that advances one second per call from `start`. */
export function steppingClock(start: number): () => Date {
  let next = start;
  return () => {
    const date = new Date(next);
    next += 1000;
    return date;
  };
}
