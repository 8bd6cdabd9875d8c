import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { OutputSchemaError } from "./errors.js";

/** A temporary file holding the turn's JSON Schema; `cleanup` removes it (and its directory). */
export type OutputSchemaFile = {
  schemaPath?: string;
  cleanup: () => Promise<void>;
};

/** Writes `schema` to a fresh temp directory; without a schema there is no file and `cleanup` does nothing. */
export async function createOutputSchemaFile(schema: unknown): Promise<OutputSchemaFile> {
  if (schema === undefined) return { cleanup: async () => {} };
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) throw new OutputSchemaError();

  const dir = await mkdtemp(path.join(os.tmpdir(), "codex-output-schema-"));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const schemaPath = path.join(dir, "schema.json");
  try {
    await writeFile(schemaPath, JSON.stringify(schema), "utf8");
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { schemaPath, cleanup };
}
