import type { AbsolutePath } from "@codex-ts/utils-absolute-path";
import type { LayerRecord } from "./issue-location.js";
import { type ConfigLayer, fileVersion } from "./layer-source.js";
import { readConfigFile } from "./read-config-file.js";

/** Reads a config file into a layer record, or undefined when the file does not exist. */
export async function readLayerRecord(
  file: AbsolutePath,
  source: ConfigLayer["source"],
  disabledReason?: string,
): Promise<LayerRecord | undefined> {
  const contents = await readConfigFile(file);
  if (contents === undefined) return undefined;
  const layer: ConfigLayer = { source, config: contents.table, version: fileVersion(contents.bytes) };
  if (disabledReason !== undefined) layer.disabledReason = disabledReason;
  return { kind: "file", file, text: contents.text, layer };
}
