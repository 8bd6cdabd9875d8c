import { mkdir, mkdtemp, realpath, rm, stat, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CodexHomeError, resolveCodexHome } from "./codex-home.js";

let tmp: string;

beforeEach(async () => {
  tmp = await realpath(await mkdtemp(path.join(os.tmpdir(), "codex-home-")));
});

afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("resolveCodexHome", () => {
  it("creates ~/.codex with mode 0700 when CODEX_HOME is unset", async () => {
    const home = await resolveCodexHome({ env: {}, homeDir: tmp });
    expect(home).toBe(path.join(tmp, ".codex"));
    const info = await stat(home);
    expect(info.isDirectory()).toBe(true);
    expect(info.mode & 0o777).toBe(0o700);
  });

  it("treats an empty CODEX_HOME as unset", async () => {
    const home = await resolveCodexHome({ env: { CODEX_HOME: "" }, homeDir: tmp });
    expect(home).toBe(path.join(tmp, ".codex"));
  });

  it("keeps an existing default folder as it is", async () => {
    await mkdir(path.join(tmp, ".codex"), { mode: 0o755 });
    const home = await resolveCodexHome({ env: {}, homeDir: tmp });
    expect((await stat(home)).mode & 0o777).toBe(0o755);
  });

  it("uses CODEX_HOME when it names a folder, canonicalised", async () => {
    const real = path.join(tmp, "real-home");
    await mkdir(real);
    await symlink(real, path.join(tmp, "link"));
    const home = await resolveCodexHome({
      env: { CODEX_HOME: path.join(tmp, "link") },
      homeDir: path.join(tmp, "unused"),
    });
    expect(home).toBe(real);
  });

  it("never creates CODEX_HOME when it is missing", async () => {
    const missing = path.join(tmp, "nope");
    const error = await resolveCodexHome({ env: { CODEX_HOME: missing }, homeDir: tmp }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CodexHomeError);
    expect((error as CodexHomeError).code).toBe("CODEX_HOME_MISSING");
    expect((error as CodexHomeError).message).toBe(
      `CODEX_HOME points to "${missing}", but that path does not exist`,
    );
    await expect(stat(missing)).rejects.toThrow();
  });

  it("rejects a CODEX_HOME that is a file", async () => {
    const file = path.join(tmp, "file");
    await writeFile(file, "x");
    const error = await resolveCodexHome({ env: { CODEX_HOME: file } }).catch((e: unknown) => e);
    expect((error as CodexHomeError).code).toBe("CODEX_HOME_NOT_DIRECTORY");
    expect((error as CodexHomeError).message).toBe(
      `CODEX_HOME points to "${file}", but that path is not a directory`,
    );
  });
});
