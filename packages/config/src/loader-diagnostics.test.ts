import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError } from "./diagnostics.js";
import { createConfigFixture, rejectionOf, trustLine, type ConfigFixture } from "./test-fixture.js";
import { StaticThreadConfigLoader } from "./thread-config-loader.js";

let fx: ConfigFixture;
let userFile: string;

beforeEach(async () => {
  fx = await createConfigFixture();
  userFile = path.join(fx.codexHome, "config.toml");
});

afterEach(async () => {
  await fx.cleanup();
});

async function loadError(options: Parameters<ConfigFixture["load"]>[0] = {}): Promise<ConfigError> {
  const error = await rejectionOf<ConfigError>(fx.load(options));
  expect(error).toBeInstanceOf(ConfigError);
  return error;
}

describe("type errors", () => {
  it("points at the offending value in the file that set it", async () => {
    const filler = Array.from({ length: 41 }, (_, i) => `# line ${i + 1}`).join("\n");
    await fx.write(userFile, `${filler}\n[sandbox_workspace_write]\nnetwork_access = "true"\n`);
    const error = await loadError();
    expect(error.code).toBe("CONFIG_TYPE");
    expect(error.message).toBe(
      [
        `${userFile}:43:18: invalid type: string "true", expected a boolean`,
        "   |",
        '43 | network_access = "true"',
        "   |                  ^^^^^^",
        "in `sandbox_workspace_write.network_access`",
      ].join("\n"),
    );
    expect(error.file).toBe(userFile);
    expect(error.range).toEqual({ start: { line: 43, column: 18 }, end: { line: 43, column: 24 } });
    expect(error.keyPath).toBe("sandbox_workspace_write.network_access");
  });

  it("describes enum mismatches and wrong scalar types", async () => {
    await fx.write(userFile, 'approval_policy = "sometimes"\n');
    expect((await loadError()).message).toBe(
      [
        `${userFile}:1:19: unknown variant \`sometimes\`, expected one of \`untrusted\`, \`on-failure\`, \`on-request\`, \`never\``,
        "  |",
        '1 | approval_policy = "sometimes"',
        "  |                   ^^^^^^^^^^^",
        "in `approval_policy`",
      ].join("\n"),
    );
    await fx.write(userFile, "model = 5\n");
    expect((await loadError()).message.split("\n")[0]).toBe(`${userFile}:1:9: invalid type: integer 5, expected a string`);
  });

  it("points at the table for a missing field", async () => {
    await fx.write(userFile, '[mcp_servers.docs]\nargs = ["x"]\n');
    expect((await loadError()).message).toBe(
      [
        `${userFile}:1:1: missing field \`command\``,
        "  |",
        "1 | [mcp_servers.docs]",
        "  | ^^^^^^^^^^^^^^^^^^",
        "in `mcp_servers.docs`",
      ].join("\n"),
    );
  });

  it("points into inline tables and arrays, counting columns in characters", async () => {
    await fx.write(userFile, 'notify = ["é😀", 3]\n');
    expect((await loadError()).message).toBe(
      [`${userFile}:1:17: invalid type: integer 3, expected a string`, "  |", '1 | notify = ["é😀", 3]', "  |                 ^", "in `notify.1`"].join("\n"),
    );
  });

  it("reports the layer that won, not a lower one", async () => {
    await fx.write(path.join(fx.systemDir, "config.toml"), 'sandbox_mode = "read-only"\n');
    await fx.write(path.join(fx.repo, ".codex/config.toml"), 'model = "x"\nsandbox_mode = "sandboxed"\n');
    await fx.write(userFile, trustLine(fx.repo));
    const error = await loadError();
    expect(error.file).toBe(path.join(fx.repo, ".codex/config.toml"));
    expect(error.message.split("\n")[0]).toBe(
      `${fx.repo}/.codex/config.toml:2:16: unknown variant \`sandboxed\`, expected one of \`read-only\`, \`workspace-write\`, \`danger-full-access\``,
    );
  });

  it("finds a bad profile value under its [profiles.<name>] table", async () => {
    await fx.write(userFile, 'profile = "fast"\n\n[profiles.fast]\nmodel_verbosity = "loud"\n');
    expect((await loadError()).message).toBe(
      [
        `${userFile}:4:19: unknown variant \`loud\`, expected one of \`low\`, \`medium\`, \`high\``,
        "  |",
        '4 | model_verbosity = "loud"',
        "  |                   ^^^^^^",
        "in `profiles.fast.model_verbosity`",
      ].join("\n"),
    );
  });

  it("names the -c flag that set a bad value", async () => {
    const error = await loadError({ overrides: ["model=o3", "sandbox_mode=bogus"] });
    expect(error.code).toBe("CONFIG_TYPE");
    expect(error.message).toBe(
      "-c sandbox_mode=bogus: unknown variant `bogus`, expected one of `read-only`, `workspace-write`, `danger-full-access`",
    );
  });

  it("names the thread-config layer that set a bad value", async () => {
    const error = await loadError({
      threadConfigLoader: new StaticThreadConfigLoader([{ id: "ide", config: { hide_agent_reasoning: "yes" } }]),
    });
    expect(error.message).toBe(
      'thread config `ide`: invalid type: string "yes", expected a boolean\nin `hide_agent_reasoning`',
    );
  });
});

describe("syntax errors", () => {
  it("reports the parser message at its position", async () => {
    await fx.write(userFile, 'model = "o3\n');
    const error = await loadError();
    expect(error.code).toBe("CONFIG_PARSE");
    expect(error.message).toBe(
      [`${userFile}:1:12: control characters are not allowed in strings`, "  |", '1 | model = "o3', "  |            ^"].join("\n"),
    );
  });

  it("stops on a broken system file too", async () => {
    await fx.write(path.join(fx.systemDir, "config.toml"), "[table\n");
    expect((await loadError()).file).toBe(path.join(fx.systemDir, "config.toml"));
  });
});

describe("unknown keys", () => {
  it("keeps unknown keys and warns with the file and the key's range", async () => {
    await fx.write(userFile, 'model = "o3"\nmodle = "typo"\n[sandbox_workspace_write]\n  netwrok_access = true\n');
    const loaded = await fx.load({ overrides: ["colour=red"] });
    expect(loaded.merged).toMatchObject({ modle: "typo", colour: "red", sandbox_workspace_write: { netwrok_access: true } });
    expect(loaded.config).toMatchObject({ modle: "typo" });
    expect(loaded.warnings).toEqual([
      {
        summary: `unknown configuration key \`modle\` in ${userFile}`,
        path: userFile,
        range: { start: { line: 2, column: 1 }, end: { line: 2, column: 6 } },
      },
      {
        summary: `unknown configuration key \`sandbox_workspace_write.netwrok_access\` in ${userFile}`,
        path: userFile,
        range: { start: { line: 4, column: 3 }, end: { line: 4, column: 17 } },
      },
      { summary: "unknown configuration key `colour` in -c colour=red" },
    ]);
  });

  it("does not warn about keys in open tables or unknown feature flags", async () => {
    await fx.write(userFile, "[features]\nbrand_new = true\n[tui]\ntheme = \"dark\"\n");
    expect((await fx.load()).warnings).toEqual([]);
  });

  it("makes unknown keys errors in strict mode", async () => {
    await fx.write(userFile, 'model = "o3"\n\n[history]\npersistence = "none"\nmax_byte = 10\n');
    const error = await loadError({ strict: true });
    expect(error.code).toBe("CONFIG_UNKNOWN_KEY");
    expect(error.message).toBe(
      [`${userFile}:5:1: unknown configuration key \`history.max_byte\``, "  |", "5 | max_byte = 10", "  | ^^^^^^^^"].join("\n"),
    );
  });

  it("names the flag in strict mode", async () => {
    const error = await loadError({ strict: true, overrides: ["sandbox_workspace_write.net=true"] });
    expect(error.message).toBe(
      "-c sandbox_workspace_write.net=true: unknown configuration key `sandbox_workspace_write.net`",
    );
  });
});
