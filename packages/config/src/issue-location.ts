import { ConfigError, formatSourceExcerpt, type ConfigErrorCode, type ConfigWarning } from "./diagnostics.js";
import type { ConfigIssue } from "./issue-messages.js";
import { formatKeyPath } from "./key-path.js";
import type { ConfigLayer } from "./layer-source.js";
import { ConfigLayerStack } from "./layer-stack.js";
import { TomlStructure, type TomlEntry } from "./toml-structure.js";

type PathSegment = string | number;

/** A loaded layer plus what is needed to point at its source. */
export type LayerRecord =
  | { kind: "file"; layer: ConfigLayer; file: string; text: string }
  | { kind: "flags"; layer: ConfigLayer; overrides: ReadonlyArray<{ raw: string; path: readonly string[] }> }
  | { kind: "thread"; layer: ConfigLayer; id: string }
  | { kind: "profile"; layer: ConfigLayer; name: string };

interface Located {
  /** Prefix used in one-line messages: a file path, `-c key=value` or ``thread config `id` ``. */
  label: string;
  /** True when the label already names the key (a `-c key=value` flag), so no `in` line is needed. */
  namesKey?: boolean;
  /** Present when the position in a file is known. */
  excerpt?: { file: string; structure: TomlStructure; entry: TomlEntry };
  file?: string;
}

/** Turns validation issues and unknown keys into errors and warnings that point at their source. */
export class IssueLocator {
  private readonly structures = new Map<string, TomlStructure | undefined>();

  constructor(private readonly records: readonly LayerRecord[]) {}

  /** A `CONFIG_TYPE` error for a problem found in the merged config. */
  errorFor(issue: ConfigIssue, stack: ConfigLayerStack): ConfigError {
    let path = issue.path;
    let record = this.recordOf(stack.layerOf(path));
    if (record?.kind === "profile") {
      // A profile's values are written under [profiles.<name>] in some lower layer.
      path = ["profiles", record.name, ...path];
      const profileIndex = this.records.indexOf(record);
      const below = new ConfigLayerStack(this.records.slice(0, profileIndex).map((r) => r.layer));
      record = this.recordOf(below.layerOf(path));
    }
    return this.error("CONFIG_TYPE", record, path, issue.target, issue.message, true);
  }

  /** A warning for a key the config model does not know. */
  unknownKeyWarning(record: LayerRecord, path: PathSegment[]): ConfigWarning {
    const located = this.locate(record, path);
    const summary = `unknown configuration key \`${formatKeyPath(path)}\` in ${located.label}`;
    if (located.excerpt === undefined) {
      return located.file === undefined ? { summary } : { summary, path: located.file };
    }
    const { file, structure, entry } = located.excerpt;
    return {
      summary,
      path: file,
      range: { start: structure.positionOf(entry.keyStart), end: structure.positionOf(entry.keyEnd) },
    };
  }

  /** A `CONFIG_UNKNOWN_KEY` error (strict mode). */
  unknownKeyError(record: LayerRecord, path: PathSegment[]): ConfigError {
    return this.error(
      "CONFIG_UNKNOWN_KEY",
      record,
      path,
      "key",
      `unknown configuration key \`${formatKeyPath(path)}\``,
      false,
    );
  }

  private error(
    code: ConfigErrorCode,
    record: LayerRecord | undefined,
    path: PathSegment[],
    target: ConfigIssue["target"],
    message: string,
    withKeyPath: boolean,
  ): ConfigError {
    const keyPath = formatKeyPath(path);
    const trailer = withKeyPath ? `\nin \`${keyPath}\`` : "";
    if (record === undefined) {
      return new ConfigError(code, `${message}${trailer}`, { keyPath });
    }
    const located = this.locate(record, path);
    if (located.excerpt === undefined) {
      const text = `${located.label}: ${message}${located.namesKey === true ? "" : trailer}`;
      return new ConfigError(code, text, { ...(located.file === undefined ? {} : { file: located.file }), keyPath });
    }
    const { file, structure, entry } = located.excerpt;
    const useKey = target === "key";
    const start = structure.positionOf(useKey ? entry.keyStart : entry.valueStart);
    const end = structure.positionOf(useKey ? entry.keyEnd : entry.valueEnd);
    const range = { start, end };
    const text = formatSourceExcerpt({
      file,
      message,
      range,
      lineText: structure.lineText(start.line),
      ...(withKeyPath ? { keyPath } : {}),
    });
    return new ConfigError(code, text, { file, range, keyPath });
  }

  private locate(record: LayerRecord, path: PathSegment[]): Located {
    switch (record.kind) {
      case "flags": {
        const override = [...record.overrides].reverse().find((candidate) => overlaps(candidate.path, path));
        return override === undefined ? { label: "-c flags" } : { label: `-c ${override.raw}`, namesKey: true };
      }
      case "thread":
        return { label: `thread config \`${record.id}\`` };
      case "profile":
        return { label: `profile \`${record.name}\`` };
      case "file": {
        const structure = this.structureOf(record);
        const entry = structure?.nearest(path);
        if (structure === undefined || entry === undefined) {
          return { label: record.file, file: record.file };
        }
        return { label: record.file, file: record.file, excerpt: { file: record.file, structure, entry } };
      }
    }
  }

  private structureOf(record: { file: string; text: string }): TomlStructure | undefined {
    if (!this.structures.has(record.file)) {
      this.structures.set(record.file, TomlStructure.tryParse(record.text));
    }
    return this.structures.get(record.file);
  }

  private recordOf(layer: ConfigLayer | undefined): LayerRecord | undefined {
    return layer === undefined ? undefined : this.records.find((record) => record.layer === layer);
  }
}

function overlaps(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a[i] !== b[i]) {
      return false;
    }
  }
  return true;
}
