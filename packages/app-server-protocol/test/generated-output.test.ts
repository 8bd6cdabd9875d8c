// The generated TypeScript compiles under strict NodeNext settings, and the generate* functions write
// what the build* functions return.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { buildJsonSchemaFiles, generateJsonSchema } from "../src/schema-export/json-files.js";
import { buildTsFiles, generateTs, TS_HEADER } from "../src/schema-export/ts-files.js";

const temp = mkdtempSync(path.join(tmpdir(), "app-server-protocol-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function compile(dir: string): string[] {
  const program = ts.createProgram([path.join(dir, "index.ts")], {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    types: [],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
}

describe.each([false, true])("experimental: %s", (experimental) => {
  it("writes the TypeScript files and they compile", async () => {
    const dir = path.join(temp, `ts-${experimental}`);
    const written = await generateTs(dir, { experimental });
    const expected = buildTsFiles({ experimental });
    expect(written.sort()).toEqual([...expected.keys()].sort());
    for (const relative of written) {
      const text = readFileSync(path.join(dir, relative), "utf8");
      expect(text).toBe(expected.get(relative));
      expect(text.startsWith(`${TS_HEADER}\n`)).toBe(true);
    }
    expect(compile(dir)).toEqual([]);
  });

  it("writes the JSON Schema files as valid JSON with sorted keys", async () => {
    const dir = path.join(temp, `json-${experimental}`);
    const written = await generateJsonSchema(dir, { experimental });
    expect(written).toContain("v2/FsReadFileParams.json");
    expect(written).toContain("codex_app_server_protocol.v2.schemas.json");
    for (const relative of written) {
      const text = readFileSync(path.join(dir, relative), "utf8");
      const value = JSON.parse(text) as Record<string, unknown>;
      expect(Object.keys(value)).toEqual(Object.keys(value).sort());
      expect(value.$schema).toBe("http://json-schema.org/draft-07/schema#");
    }
  });
});

it("generation is deterministic", () => {
  expect([...buildJsonSchemaFiles().entries()]).toEqual([...buildJsonSchemaFiles().entries()]);
  expect([...buildTsFiles({ experimental: true }).entries()]).toEqual([...buildTsFiles({ experimental: true }).entries()]);
});
