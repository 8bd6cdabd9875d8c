import { z } from "zod";
import { configTomlSchema } from "./schema/config-toml.js";
import { isClosedTable } from "./schema/table-kinds.js";

/**
 * The JSON Schema (draft-07) of `config.toml`, generated from the config model. Closed tables forbid
 * unknown keys (`additionalProperties: false`) so editors flag typos; open tables accept any key.
 */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configTomlSchema, {
    target: "draft-07",
    io: "input",
    unrepresentable: "any",
    override: (context) => {
      if (isClosedTable(context.zodSchema)) {
        context.jsonSchema.additionalProperties = false;
      }
    },
  }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: "ConfigToml",
    description: "Settings read from config.toml ($CODEX_HOME/config.toml, .codex/config.toml in trusted projects, /etc/codex/config.toml).",
    ...withoutKey(schema, "$schema"),
  };
}

function withoutKey(record: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}
