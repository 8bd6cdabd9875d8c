import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { configJsonSchema } from "./json-schema.js";

const committed = fileURLToPath(new URL("../../../schema/config.schema.json", import.meta.url));
const REGENERATE = "pnpm --filter @codex-ts/config build && pnpm --filter @codex-ts/config write-schema";

describe("schema/config.schema.json", () => {
  it("matches the schema generated from the config model", async () => {
    const expected = `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
    const actual = await readFile(committed, "utf8").catch(() => "");
    if (actual !== expected) {
      expect.fail(`${committed} is out of date with the config model; regenerate it with: ${REGENERATE}`);
    }
  });

  it("is draft-07, forbids unknown keys in closed tables and describes the main keys", () => {
    const schema = configJsonSchema() as {
      $schema: string;
      additionalProperties: unknown;
      properties: Record<string, { description?: string; additionalProperties?: unknown }>;
    };
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.sandbox_workspace_write?.additionalProperties).toBe(false);
    expect(schema.properties.tui?.additionalProperties).toEqual({});
    for (const key of ["model", "approval_policy", "sandbox_mode", "mcp_servers", "features", "profiles", "projects"]) {
      expect(schema.properties[key]?.description, key).toBeTruthy();
    }
  });
});
