// `config/value/write` and `config/batchWrite`: edits of the user's config.toml that keep its comments and
// formatting, with optimistic concurrency (`expectedVersion`) and validation against the config model.
import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
import type { ConfigEdit, ConfigWriteResponse, OverriddenMetadata } from "@codex-ts/app-server-protocol";
import {
  ConfigEditError,
  ConfigEdits,
  type ConfigLayer,
  ConfigLayerStack,
  isTomlTable,
  parseConfigText,
  type TomlTable,
  validateConfigTable,
} from "@codex-ts/config";
import { absolutePath } from "@codex-ts/utils-absolute-path";
import { loadServerConfig, type ServerConfigSource, systemConfigDir } from "./config-loading.js";
import { layerMetadata, layerStack } from "./config-layers-view.js";
import {
  clearPath,
  cloneTable,
  jsonToToml,
  layerVersion,
  leaves,
  sameValue,
  setPath,
  tomlToJson,
  UnrepresentableValueError,
  valueAt,
} from "./config-values.js";
import type { RequestHandlers } from "./context.js";
import { errnoName, internal, invalidRequest } from "./rpc-errors.js";

/** Machine-readable reasons of a failed write, sent as `data.config_write_error_code`. */
export type ConfigWriteErrorCode =
  | "configLayerReadonly"
  | "configVersionConflict"
  | "configValidationError"
  | "configPathNotFound"
  | "configSchemaUnknownKey"
  | "userLayerNotFound";

function writeError(code: ConfigWriteErrorCode, message: string) {
  return invalidRequest(message, { config_write_error_code: code });
}

/** Resolves symbolic links as far as the path exists, for comparing two spellings of one file. */
async function comparable(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    const parent = path.dirname(file);
    if (parent === file) return file;
    return path.join(await comparable(parent), path.basename(file));
  }
}

async function readUserConfig(file: string): Promise<{ text: string; table: TomlTable; exists: boolean }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (errnoName(error) === "ENOENT") return { text: "", table: {}, exists: false };
    throw internal(`failed to read user config.toml: ${(error as Error).message}`);
  }
  try {
    return { text, table: parseConfigText(file, text), exists: true };
  } catch (error) {
    throw internal(`failed to parse existing user config.toml: ${(error as Error).message}`);
  }
}

/** The first problem the config model finds in `table`, worded as upstream words it; relative paths are allowed. */
function validationProblem(table: TomlTable): string | undefined {
  const result = validateConfigTable(table);
  if (result.ok) return undefined;
  const issue = result.issues.find((candidate) => !candidate.message.endsWith("expected an absolute path"));
  if (issue === undefined) return undefined;
  const where = issue.path.length > 0 ? `\nin \`${issue.path.join(".")}\`\n` : "\n";
  return `Invalid configuration: ${issue.message}${where}`;
}

function overrideMessage(layer: ConfigLayer): string {
  const source = layer.source;
  switch (source.type) {
    case "system":
      return `Overridden by managed config (system): ${source.file}`;
    case "project":
      return `Overridden by project config: ${source.dotCodexFolder}/config.toml`;
    case "sessionFlags":
    case "threadConfig":
      return "Overridden by session flags";
    case "user":
      return `Overridden by user config: ${source.file}`;
    case "legacyManagedConfigTomlFromFile":
      return `Overridden by legacy managed_config.toml: ${source.file}`;
  }
}

/** Describes the first edited path whose effective value is not the one written, if any. */
function firstOverride(stack: ConfigLayerStack, userConfig: TomlTable, edited: string[][]): OverriddenMetadata | null {
  for (const segments of edited) {
    const userValue = valueAt(userConfig, segments);
    const effective = valueAt(stack.merged, segments);
    if (userValue === undefined && effective === undefined) continue;
    if (userValue !== undefined && effective !== undefined && sameValue(userValue, effective)) continue;
    const overriding = [...stack.layers]
      .reverse()
      .find((layer) => layer.disabledReason === undefined && valueAt(layer.config, segments) !== undefined);
    if (overriding === undefined) continue;
    return {
      message: overrideMessage(overriding),
      overridingLayer: layerMetadata(overriding),
      effectiveValue: effective === undefined ? null : tomlToJson(effective),
    };
  }
  return null;
}

/**
 * The configuration layers with `updated` as the user layer. When the current configuration does not
 * load (the write may be what repairs it), only the user layer is considered.
 */
async function layersWithUserConfig(source: ServerConfigSource, userFile: string, updated: TomlTable): Promise<ConfigLayer[]> {
  const userLayer: ConfigLayer = {
    source: { type: "user", file: absolutePath(userFile), profile: null },
    config: updated,
    version: layerVersion(updated),
  };
  let loaded;
  try {
    loaded = await loadServerConfig(source);
  } catch {
    return [userLayer];
  }
  return layerStack(loaded, { includeProjects: false, systemDir: systemConfigDir(source.env) }).layers.map((layer) =>
    layer.source.type === "user" && layer.source.profile === null ? userLayer : layer,
  );
}

interface WriteRequest {
  edits: ConfigEdit[];
  filePath?: string | null;
  expectedVersion?: string | null;
}

async function applyWrite(source: ServerConfigSource, request: WriteRequest): Promise<ConfigWriteResponse> {
  const userFile = path.join(source.codexHome, "config.toml");
  const target = request.filePath == null ? userFile : path.resolve(request.filePath);
  if ((await comparable(target)) !== (await comparable(userFile))) {
    throw writeError("configLayerReadonly", "Only writes to the user config are allowed");
  }
  const current = await readUserConfig(userFile);
  if (request.expectedVersion != null && request.expectedVersion !== layerVersion(current.table)) {
    throw writeError("configVersionConflict", "Configuration was modified since last read. Fetch latest version and retry.");
  }

  const updated = cloneTable(current.table);
  const fileEdits = new ConfigEdits(userFile);
  const edited: string[][] = [];
  for (const edit of request.edits) {
    if (edit.keyPath.trim() === "") throw writeError("configValidationError", "keyPath must not be empty");
    const segments = edit.keyPath.split(".");
    const current = valueAt(updated, segments);
    // A copy: an upsert merges into the existing table in place.
    const before = current === undefined ? undefined : structuredClone(current);
    if (edit.value === null) {
      if (clearPath(updated, segments) === "pathNotFound") throw writeError("configPathNotFound", "Path not found");
      if (before !== undefined) fileEdits.unset(segments);
    } else {
      let value;
      try {
        value = jsonToToml(edit.value);
      } catch (error) {
        if (error instanceof UnrepresentableValueError) throw writeError("configValidationError", error.message);
        throw error;
      }
      const upsert = edit.mergeStrategy === "upsert";
      setPath(updated, segments, value, upsert);
      const after = valueAt(updated, segments);
      if (before === undefined || !sameValue(before, after)) {
        if (upsert && isTomlTable(value) && isTomlTable(before)) {
          // Merge key by key so the rest of the existing table (and its comments) stays untouched.
          for (const leaf of leaves(value)) fileEdits.set([...segments, ...leaf.path], leaf.value);
        } else {
          fileEdits.set(segments, after as Parameters<ConfigEdits["set"]>[1]);
        }
      }
    }
    edited.push(segments);
  }

  const problem = validationProblem(updated);
  if (problem !== undefined) throw writeError("configValidationError", problem);
  const stack = new ConfigLayerStack(await layersWithUserConfig(source, userFile, updated));
  const effectiveProblem = validationProblem(stack.merged);
  if (effectiveProblem !== undefined) throw writeError("configValidationError", effectiveProblem);

  if (!fileEdits.isEmpty || !current.exists) {
    try {
      await fileEdits.apply();
    } catch (error) {
      if (error instanceof ConfigEditError) throw internal(`failed to persist config.toml: ${error.message}`);
      throw error;
    }
  }
  const overriddenMetadata = firstOverride(stack, updated, edited);
  return {
    status: overriddenMetadata === null ? "ok" : "okOverridden",
    version: layerVersion(updated),
    filePath: target,
    overriddenMetadata,
  };
}

export function createConfigWriteHandlers(
  source: ServerConfigSource,
): Pick<RequestHandlers, "config/value/write" | "config/batchWrite"> {
  // Writes run one at a time so that a version check and the write it guards cannot interleave.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work, work);
    queue = result.catch(() => undefined);
    return result;
  };
  return {
    "config/value/write": (params) =>
      serialized(() =>
        applyWrite(source, {
          edits: [{ keyPath: params.keyPath, value: params.value, mergeStrategy: params.mergeStrategy }],
          filePath: params.filePath ?? null,
          expectedVersion: params.expectedVersion ?? null,
        }),
      ),
    "config/batchWrite": (params) =>
      serialized(() =>
        applyWrite(source, {
          edits: params.edits,
          filePath: params.filePath ?? null,
          expectedVersion: params.expectedVersion ?? null,
        }),
      ),
  };
}
