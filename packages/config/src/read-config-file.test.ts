import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError } from "./diagnostics.js";
import { parseConfigText, readConfigFile } from "./read-config-file.js";

let tmp: string;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "codex-read-"));
});

afterEach(async () => {
  await chmod(tmp, 0o700).catch(() => undefined);
  await rm(tmp, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<ConfigError> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error as ConfigError,
  );
}

function errorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error("expected an error");
}

describe("readConfigFile", () => {
  it("returns undefined for a missing file", async () => {
    expect(await readConfigFile(path.join(tmp, "config.toml"))).toBeUndefined();
  });

  it("reads and parses a file", async () => {
    const file = path.join(tmp, "config.toml");
    await writeFile(file, 'model = "o3"\n');
    const contents = await readConfigFile(file);
    expect(contents?.table).toEqual({ model: "o3" });
    expect(contents?.text).toBe('model = "o3"\n');
  });

  it("explains a directory in place of the file", async () => {
    const file = path.join(tmp, "config.toml");
    await mkdir(file);
    const error = await rejection(readConfigFile(file));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.code).toBe("CONFIG_UNREADABLE");
    expect(error?.message).toBe(
      `cannot read ${file}: it is a directory, not a TOML file; remove or rename it`,
    );
  });

  it.skipIf(process.getuid?.() === 0)("explains a file it has no permission to read", async () => {
    const file = path.join(tmp, "config.toml");
    await writeFile(file, "a = 1\n");
    await chmod(file, 0o000);
    const error = await rejection(readConfigFile(file));
    expect(error?.code).toBe("CONFIG_UNREADABLE");
    expect(error?.message).toBe(
      `cannot read ${file}: permission denied; give your user read access to it (for example chmod u+r) or remove it`,
    );
  });

  it("rejects bytes that are not UTF-8", async () => {
    const file = path.join(tmp, "config.toml");
    await writeFile(file, Buffer.from([0x61, 0x20, 0x3d, 0x20, 0x22, 0xff, 0x22, 0x0a]));
    const error = await rejection(readConfigFile(file));
    expect(error?.code).toBe("CONFIG_PARSE");
    expect(error?.message).toBe(`${file}: the file is not valid UTF-8; save it with UTF-8 encoding`);
  });
});

describe("parseConfigText", () => {
  it("reports a syntax error with position, line and caret", () => {
    const error = errorOf(() => parseConfigText("/p/config.toml", 'model = "o3\n'));
    expect(error.code).toBe("CONFIG_PARSE");
    expect(error.message).toBe(
      [
        "/p/config.toml:1:12: control characters are not allowed in strings",
        "  |",
        '1 | model = "o3',
        "  |            ^",
      ].join("\n"),
    );
    expect(error.range).toEqual({ start: { line: 1, column: 12 }, end: { line: 1, column: 12 } });
  });

  it("counts the error column in characters", () => {
    const error = errorOf(() => parseConfigText("c.toml", 'a = "😀é"\nb = = 1\n'));
    expect(error.message.split("\n")[0]).toMatch(/^c\.toml:2:5: /);
  });

  it("reports duplicate keys at the second definition", () => {
    const error = errorOf(() => parseConfigText("c.toml", "a = 1\n\na = 2\n"));
    expect(error.message.split("\n")[0]).toMatch(/^c\.toml:3:\d+: /);
  });
});
