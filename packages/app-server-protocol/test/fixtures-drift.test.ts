// The committed fixtures under schema/app-server must equal freshly generated output.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildJsonSchemaFiles } from "../src/schema-export/json-files.js";
import { buildTsFiles } from "../src/schema-export/ts-files.js";

const FIXTURES = fileURLToPath(new URL("../../../schema/app-server/", import.meta.url));
const REGENERATE = "pnpm --filter @codex-ts/app-server-protocol write-fixtures";

function readTree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else files.set(path.relative(root, full).split(path.sep).join("/"), readFileSync(full, "utf8"));
    }
  };
  visit(root);
  return files;
}

function drift(committed: Map<string, string>, generated: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const name of generated.keys()) {
    if (!committed.has(name)) problems.push(`missing: ${name}`);
    else if (committed.get(name) !== generated.get(name)) problems.push(`changed: ${name}`);
  }
  for (const name of committed.keys()) if (!generated.has(name)) problems.push(`stale: ${name}`);
  return problems;
}

describe("committed schema fixtures", () => {
  it.each([
    ["json", buildJsonSchemaFiles],
    ["typescript", buildTsFiles],
  ] as const)("schema/app-server/%s is up to date", (folder, build) => {
    const problems = drift(readTree(path.join(FIXTURES, folder)), build());
    expect(problems, `schema/app-server/${folder} drifted from the wire types; regenerate with \`${REGENERATE}\``).toEqual([]);
  });

  it("reports a drifted file", () => {
    const generated = buildJsonSchemaFiles();
    const committed = new Map(generated);
    committed.set("v2/FsReadFileParams.json", "{}\n");
    committed.delete("v2/FsCopyParams.json");
    committed.set("v2/Old.json", "{}\n");
    expect(drift(committed, generated)).toEqual([
      "missing: v2/FsCopyParams.json",
      "changed: v2/FsReadFileParams.json",
      "stale: v2/Old.json",
    ]);
  });
});
