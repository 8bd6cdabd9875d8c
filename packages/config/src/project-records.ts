import { realpath } from "node:fs/promises";
import { joinAbsolutePath, type AbsolutePath } from "@codex-ts/utils-absolute-path";
import { ConfigError, type ConfigWarning } from "./diagnostics.js";
import type { LayerRecord } from "./issue-location.js";
import { formatTomlKey } from "./key-path.js";
import { fileVersion } from "./layer-source.js";
import {
  DEFAULT_PROJECT_ROOT_MARKERS,
  dotCodexFolder,
  findProjectRoot,
  foldersFromRoot,
  isProjectTrusted,
} from "./project-layers.js";
import { readLayerRecord } from "./layer-record.js";
import type { TomlTable } from "./toml-value.js";

export interface ProjectRecordsInput {
  /** Merged system, managed and user layers: the source of markers and trust. */
  base: TomlTable;
  cwd: AbsolutePath;
  codexHome: AbsolutePath;
  userFile: AbsolutePath;
  warnings: ConfigWarning[];
}

/**
 * Project layers: every `.codex/config.toml` from the project root down to `cwd` (deeper wins). They are
 * applied only when the project is trusted; otherwise they are listed with a `disabledReason`, and a file
 * that fails to parse only produces a warning.
 */
export async function loadProjectRecords(
  input: ProjectRecordsInput,
): Promise<{ root: AbsolutePath; records: LayerRecord[] }> {
  const { base, cwd, codexHome, userFile, warnings } = input;
  const root = await findProjectRoot(cwd, rootMarkers(base.project_root_markers));
  const trusted = await isProjectTrusted(base.projects, cwd);
  const canonicalHome = await realpath(codexHome).catch(() => codexHome);
  const records: LayerRecord[] = [];
  for (const folder of foldersFromRoot(root, cwd)) {
    const dotCodex = dotCodexFolder(folder);
    if (dotCodex === codexHome || (await realpath(dotCodex).catch(() => dotCodex)) === canonicalHome) {
      continue;
    }
    const file = joinAbsolutePath(dotCodex, "config.toml");
    const source = { type: "project" as const, dotCodexFolder: dotCodex };
    if (trusted) {
      const record = await readLayerRecord(file, source);
      if (record !== undefined) records.push(record);
      continue;
    }
    const disabledReason =
      `${file} is not applied because ${root} is not a trusted project; to trust it, set ` +
      `projects.${formatTomlKey(root)}.trust_level = "trusted" in ${userFile}`;
    try {
      const record = await readLayerRecord(file, source, disabledReason);
      if (record !== undefined) records.push(record);
    } catch (error) {
      if (!(error instanceof ConfigError)) {
        throw error;
      }
      warnings.push({ summary: `ignored untrusted project config ${file}: ${error.message.split("\n")[0]}`, path: file });
      records.push({
        kind: "file",
        file,
        text: "",
        layer: { source, config: {}, version: fileVersion(""), disabledReason },
      });
    }
  }
  return { root, records };
}

function rootMarkers(value: unknown): readonly string[] {
  if (Array.isArray(value) && value.every((marker) => typeof marker === "string")) {
    return value as string[];
  }
  return DEFAULT_PROJECT_ROOT_MARKERS;
}
