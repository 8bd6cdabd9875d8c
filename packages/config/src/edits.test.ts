import { chmod, lstat, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parse } from "smol-toml";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigEditError } from "./edit-error.js";
import { ConfigEdits } from "./edits.js";

const ORIGINAL = [
  "# Codex settings",
  'model = "o3"   # the default model',
  "approval_policy = \"on-request\"",
  "",
  "# Sandbox for commands",
  "[sandbox_workspace_write]",
  'writable_roots = [ "/tmp/a",',
  '  "/tmp/b" ]  # keep this layout',
  "network_access = false",
  "",
  "[mcp_servers.docs]",
  'command = "npx"',
  'env = { TOKEN_VAR = "DOCS_TOKEN" }',
  "",
  "# Feature flags below",
  "[features]",
  "unified_exec = false  # not yet",
  "",
  '[projects."/work/a"]',
  'trust_level = "trusted"',
  "",
].join("\n");

/** The one span where `after` differs from `before`: everything outside it is byte-identical. */
function changedSpan(before: string, after: string): { removed: string; inserted: string; line: number } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) {
    start++;
  }
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  ) {
    end++;
  }
  return {
    removed: before.slice(start, before.length - end),
    inserted: after.slice(start, after.length - end),
    line: before.slice(0, start).split("\n").length,
  };
}

function edit(text: string, build: (edits: ConfigEdits) => ConfigEdits): string {
  const result = build(new ConfigEdits("/virtual/config.toml")).applyToText(text);
  parse(result);
  return result;
}

describe("ConfigEdits.applyToText", () => {
  it("replaces only the value when a key exists", () => {
    const after = edit(ORIGINAL, (e) => e.set(["model"], "gpt-5"));
    expect(changedSpan(ORIGINAL, after)).toEqual({ removed: "o3", inserted: "gpt-5", line: 2 });
    expect(after).toContain('model = "gpt-5"   # the default model');
  });

  it("adds to a [table] that appears later in the file instead of adding a second one", () => {
    const after = edit(ORIGINAL, (e) => e.set("features.web_search_request", true));
    expect(changedSpan(ORIGINAL, after)).toEqual({
      removed: "",
      inserted: "web_search_request = true\n",
      line: 18,
    });
    expect(after.match(/\[features\]/g)).toHaveLength(1);
    expect(parse(after).features).toEqual({ unified_exec: false, web_search_request: true });
  });

  it("adds a root key after the last root key", () => {
    const after = edit(ORIGINAL, (e) => e.set("sandbox_mode", "workspace-write"));
    expect(changedSpan(ORIGINAL, after)).toEqual({ removed: "", inserted: 'sandbox_mode = "workspace-write"\n', line: 4 });
  });

  it("adds a root key above the first table (and its comments) when there are no root keys", () => {
    const text = "# header\n\n# about features\n[features]\na = true\n";
    expect(edit(text, (e) => e.set(["model"], "o3"))).toBe('# header\n\nmodel = "o3"\n\n# about features\n[features]\na = true\n');
  });

  it("creates a new section next to its siblings, with quoted keys", () => {
    const after = edit(ORIGINAL, (e) => e.set('projects."/work/b.c".trust_level', "trusted"));
    expect(changedSpan(ORIGINAL, after)).toEqual({
      removed: "",
      inserted: '\n[projects."/work/b.c"]\ntrust_level = "trusted"\n',
      line: 21,
    });
    expect(parse(after).projects).toEqual({ "/work/a": { trust_level: "trusted" }, "/work/b.c": { trust_level: "trusted" } });
  });

  it("creates sections for a new nested table at the end of the file", () => {
    const after = edit(ORIGINAL, (e) => e.set(["shell_environment_policy"], { inherit: "core", set: { A: "1" } }));
    expect(changedSpan(ORIGINAL, after)).toEqual({
      removed: "",
      inserted: '\n[shell_environment_policy]\ninherit = "core"\n\n[shell_environment_policy.set]\nA = "1"\n',
      line: 21,
    });
  });

  it("edits inside an inline table by rewriting only that inline table", () => {
    const after = edit(ORIGINAL, (e) => e.set(["mcp_servers", "docs", "env", "EXTRA"], "1"));
    expect(changedSpan(ORIGINAL, after)).toEqual({ removed: "", inserted: ', EXTRA = "1"', line: 13 });
  });

  it("removes a key's whole line and nothing else", () => {
    const after = edit(ORIGINAL, (e) => e.unset("approval_policy"));
    expect(changedSpan(ORIGINAL, after)).toEqual({ removed: 'approval_policy = "on-request"\n', inserted: "", line: 3 });
    const multiLine = edit(ORIGINAL, (e) => e.unset("sandbox_workspace_write.writable_roots"));
    expect(changedSpan(ORIGINAL, multiLine).removed).toBe('writable_roots = [ "/tmp/a",\n  "/tmp/b" ]  # keep this layout\n');
  });

  it("removes a whole table section with its sub-tables", () => {
    const after = edit(ORIGINAL, (e) => e.unset(["mcp_servers"]));
    expect(changedSpan(ORIGINAL, after).removed).toBe('[mcp_servers.docs]\ncommand = "npx"\nenv = { TOKEN_VAR = "DOCS_TOKEN" }\n\n');
    expect(parse(after).mcp_servers).toBeUndefined();
  });

  it("leaves the text alone when unsetting something absent", () => {
    expect(edit(ORIGINAL, (e) => e.unset("nothing.here"))).toBe(ORIGINAL);
  });

  it("replaces a table key by key, keeping comments of surviving keys", () => {
    const after = edit(ORIGINAL, (e) => e.set(["sandbox_workspace_write"], { network_access: true }));
    expect(after).toContain('[sandbox_workspace_write]\nnetwork_access = true\n\n[mcp_servers.docs]');
    expect(after.startsWith(ORIGINAL.slice(0, ORIGINAL.indexOf("[sandbox_workspace_write]")))).toBe(true);
  });

  it("adds tables only when missing", () => {
    expect(edit(ORIGINAL, (e) => e.addTable("features"))).toBe(ORIGINAL);
    expect(edit(ORIGINAL, (e) => e.addTable(["mcp_servers"]))).toBe(ORIGINAL);
    const after = edit(ORIGINAL, (e) => e.addTable(["history"]));
    expect(changedSpan(ORIGINAL, after)).toEqual({ removed: "", inserted: "\n[history]\n", line: 21 });
  });

  it("appends array-of-tables elements after the last element", () => {
    const text = '[[hooks]]\nname = "a"\n\n[hooks.extra]\nx = 1\n\n[other]\ny = 2\n';
    const after = edit(text, (e) => e.appendArrayOfTables("hooks", { name: "b" }));
    expect(after).toBe('[[hooks]]\nname = "a"\n\n[hooks.extra]\nx = 1\n\n[[hooks]]\nname = "b"\n\n[other]\ny = 2\n');
    const fresh = edit("a = 1\n", (e) => e.appendArrayOfTables(["hooks"], { name: "a" }).appendArrayOfTables(["hooks"], { name: "b" }));
    expect(fresh).toBe('a = 1\n\n[[hooks]]\nname = "a"\n\n[[hooks]]\nname = "b"\n');
    expect(parse(fresh).hooks).toEqual([{ name: "a" }, { name: "b" }]);
  });

  it("extends dotted keys in place", () => {
    const text = "features.a = true\nfeatures.b = false\n\n[tui]\nx = 1\n";
    expect(edit(text, (e) => e.set("features.c", true))).toBe("features.a = true\nfeatures.b = false\nfeatures.c = true\n\n[tui]\nx = 1\n");
  });

  it("keeps CRLF line endings", () => {
    const text = "model = \"o3\"\r\n\r\n[features]\r\na = true\r\n";
    expect(edit(text, (e) => e.set("features.b", false).set("review_model", "x"))).toBe(
      "model = \"o3\"\r\nreview_model = \"x\"\r\n\r\n[features]\r\na = true\r\nb = false\r\n",
    );
  });

  it("keeps a byte order mark", () => {
    expect(edit('\uFEFFmodel = "o3"\n', (e) => e.set("model", "gpt-5"))).toBe('\uFEFFmodel = "gpt-5"\n');
  });

  it("writes into an empty document", () => {
    expect(edit("", (e) => e.set("model", "o3").set("features.x", true))).toBe('model = "o3"\n\n[features]\nx = true\n');
  });

  it("refuses edits that would clobber a value or a broken file", () => {
    expect(() => edit(ORIGINAL, (e) => e.set("model.name", "x"))).toThrow(
      "cannot set `model.name`: `model` holds a value that is not a table",
    );
    const error = (() => {
      try {
        new ConfigEdits("/p/config.toml").set("a", 1).applyToText('model = "o3');
      } catch (e) {
        return e as ConfigEditError;
      }
    })();
    expect(error).toBeInstanceOf(ConfigEditError);
    expect(error?.code).toBe("EDIT_PARSE");
    expect(error?.message.split("\n")[0]).toBe("cannot edit /p/config.toml until its syntax error is fixed:");
    expect(() => new ConfigEdits("/f").set("a", null as never)).toThrow(/TOML has no null or undefined values/);
    expect(() => new ConfigEdits("/f").set("a..b", 1)).toThrow(ConfigEditError);
  });
});

describe("ConfigEdits.apply", () => {
  let tmp: string;

  beforeEach(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), "codex-edits-"));
  });

  afterEach(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it("creates the file and its folder with mode 0600", async () => {
    const file = path.join(tmp, "nested/dir/config.toml");
    await new ConfigEdits(file).set("model", "o3").apply();
    expect(await readFile(file, "utf8")).toBe('model = "o3"\n');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it("rewrites atomically, keeping the mode and leaving no temporary files", async () => {
    const file = path.join(tmp, "config.toml");
    await writeFile(file, ORIGINAL);
    await chmod(file, 0o640);
    await new ConfigEdits(file).set(["features", "x"], true).apply();
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    expect(await readdir(tmp)).toEqual(["config.toml"]);
    expect(parse(await readFile(file, "utf8")).features).toEqual({ unified_exec: false, x: true });
  });

  it("updates the target of a symlinked file", async () => {
    const target = path.join(tmp, "real.toml");
    const link = path.join(tmp, "config.toml");
    await writeFile(target, "a = 1\n");
    await symlink(target, link);
    await new ConfigEdits(link).set("a", 2).apply();
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(target);
    expect(await readFile(target, "utf8")).toBe("a = 2\n");
  });
});
