import { TomlDocument } from "@decimalturn/toml-patch";

/** A key path step: a table key, or the index of an array item / array-of-tables element. */
export type TomlPathSegment = string | number;

/**
 * How a path is defined in the source:
 * - `keyValue`: `key = value` (in a section, at the root, or inside an inline table);
 * - `arrayItem`: an item of an inline array;
 * - `table`: a `[header]` section; `tableArray` / `tableArrayElement`: `[[header]]` sections;
 * - `implicit`: a table that only exists because a deeper `[a.b]` header names it;
 * - `dotted`: a table that only exists because of dotted keys (`a.b = 1` defines `a`).
 */
export type TomlEntryKind =
  | "keyValue"
  | "arrayItem"
  | "table"
  | "tableArray"
  | "tableArrayElement"
  | "implicit"
  | "dotted";

/** Where one path is written. Offsets are UTF-16 indices into the text, ends exclusive. */
export interface TomlEntry {
  path: TomlPathSegment[];
  kind: TomlEntryKind;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
  /** True inside an inline table or inline array. */
  inline: boolean;
  /** For inline entries: the path of the block `key = value` whose value contains it. */
  ownerPath?: TomlPathSegment[];
  /** For block key/values and dotted tables: index into `sections`, -1 for the root. */
  section?: number;
  /** For dotted tables: end of the last block key/value under this prefix. */
  lastEnd?: number;
}

/** A `[table]` or `[[array.element]]` section. */
export interface TomlSection {
  kind: "table" | "tableArray";
  /** The resolved path; array elements end with their index. */
  path: TomlPathSegment[];
  headerStart: number;
  headerEnd: number;
  /** End of the last key/value in the section, or of the header when the body is empty. */
  bodyEnd: number;
}

interface Loc {
  start: { line: number; column: number };
  end: { line: number; column: number };
}
interface Node {
  type: string;
  loc: Loc;
  [field: string]: unknown;
}
interface KeyValueNode extends Node {
  key: Node & { value: string[] };
  value: Node;
}

/** The structure of a TOML text: every path with the source span that defines it. */
export class TomlStructure {
  readonly entries = new Map<string, TomlEntry>();
  readonly sections: TomlSection[] = [];
  /** End of the last `key = value` before the first section, if any. */
  rootBodyEnd: number | undefined;
  private readonly lineStarts: number[];
  private readonly arrayCounts = new Map<string, number>();
  /** 1 when the text starts with a byte order mark (the parser reports positions without it). */
  private readonly bom: number;

  private constructor(readonly text: string) {
    this.bom = text.startsWith("\uFEFF") ? 1 : 0;
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  /** Scans `text`; throws when it is not valid TOML. */
  static parse(text: string): TomlStructure {
    const structure = new TomlStructure(text);
    const document = new TomlDocument(text.slice(structure.bom));
    for (const block of document.cst as unknown as Node[]) {
      structure.visitBlock(block);
    }
    return structure;
  }

  /** Scans `text`, or returns `undefined` when it cannot be scanned. */
  static tryParse(text: string): TomlStructure | undefined {
    try {
      return TomlStructure.parse(text);
    } catch {
      return undefined;
    }
  }

  get(path: ReadonlyArray<TomlPathSegment>): TomlEntry | undefined {
    return this.entries.get(pathKey(path));
  }

  /** The entry for the longest prefix of `path` (the path itself included) that is written in the text. */
  nearest(path: ReadonlyArray<TomlPathSegment>): TomlEntry | undefined {
    for (let length = path.length; length > 0; length--) {
      const entry = this.get(path.slice(0, length));
      if (entry !== undefined) {
        return entry;
      }
    }
    return undefined;
  }

  /** Sections whose path starts with `prefix`, in text order. */
  sectionsUnder(prefix: ReadonlyArray<TomlPathSegment>): TomlSection[] {
    return this.sections.filter((section) => startsWith(section.path, prefix));
  }

  /** 1-based line and 1-based column in characters (code points) of a UTF-16 offset. */
  positionOf(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    const lineStart = (this.lineStarts[low] as number) + (low === 0 ? this.bom : 0);
    return { line: low + 1, column: [...this.text.slice(lineStart, offset)].length + 1 };
  }

  /** The text of a 1-based line, without its line ending. */
  lineText(line: number): string {
    const start = (this.lineStarts[line - 1] ?? this.text.length) + (line === 1 ? this.bom : 0);
    const next = this.lineStarts[line];
    const raw = this.text.slice(start, next === undefined ? undefined : next - 1);
    return raw.endsWith("\r") ? raw.slice(0, -1) : raw;
  }

  /** Offset of the start of the line holding `offset`. */
  lineStartOf(offset: number): number {
    return this.lineStarts[this.positionOf(offset).line - 1] as number;
  }

  private offset(position: { line: number; column: number }): number {
    const bom = position.line === 1 ? this.bom : 0;
    return (this.lineStarts[position.line - 1] ?? this.text.length) + bom + position.column;
  }

  private add(entry: TomlEntry, replaceKinds: TomlEntryKind[] = []): void {
    const key = pathKey(entry.path);
    const existing = this.entries.get(key);
    if (existing === undefined || replaceKinds.includes(existing.kind)) {
      this.entries.set(key, entry);
    }
  }

  private visitBlock(block: Node): void {
    if (block.type === "KeyValue") {
      const end = this.visitKeyValue(block as KeyValueNode, [], { inline: false, section: -1 });
      this.rootBodyEnd = end;
    } else if (block.type === "Table" || block.type === "TableArray") {
      this.visitSection(block);
    }
  }

  private visitSection(block: Node): void {
    const header = block.key as Node & { item: Node & { value: string[] } };
    const segments = header.item.value;
    const headerStart = this.offset(header.loc.start);
    const headerEnd = this.offset(header.loc.end);
    const resolved = this.resolveHeader(segments);
    const span = { keyStart: headerStart, keyEnd: headerEnd, valueStart: headerStart, valueEnd: headerEnd };
    for (let length = 1; length < resolved.length; length++) {
      this.add({ path: resolved.slice(0, length), kind: "implicit", inline: false, ...span });
    }
    let path = resolved;
    if (block.type === "TableArray") {
      const key = pathKey(resolved);
      const index = this.arrayCounts.get(key) ?? 0;
      this.arrayCounts.set(key, index + 1);
      this.add({ path: resolved, kind: "tableArray", inline: false, ...span }, ["implicit"]);
      path = [...resolved, index];
      this.add({ path, kind: "tableArrayElement", inline: false, ...span });
    } else {
      this.add({ path, kind: "table", inline: false, ...span }, ["implicit", "dotted"]);
    }
    const sectionIndex = this.sections.length;
    const section: TomlSection = {
      kind: block.type === "TableArray" ? "tableArray" : "table",
      path,
      headerStart,
      headerEnd,
      bodyEnd: headerEnd,
    };
    this.sections.push(section);
    for (const item of block.items as Node[]) {
      if (item.type === "KeyValue") {
        section.bodyEnd = this.visitKeyValue(item as KeyValueNode, path, {
          inline: false,
          section: sectionIndex,
        });
      }
    }
  }

  /** Header segments with the current element index inserted after every array-of-tables prefix. */
  private resolveHeader(segments: readonly string[]): TomlPathSegment[] {
    const resolved: TomlPathSegment[] = [];
    segments.forEach((segment, i) => {
      resolved.push(segment);
      const count = this.arrayCounts.get(pathKey(resolved));
      if (count !== undefined && i < segments.length - 1) {
        resolved.push(count - 1);
      }
    });
    return resolved;
  }

  private visitKeyValue(
    node: KeyValueNode,
    base: TomlPathSegment[],
    context: { inline: boolean; section?: number; owner?: TomlPathSegment[] },
  ): number {
    const segments = node.key.value;
    const keyStart = this.offset(node.key.loc.start);
    const keyEnd = this.offset(node.key.loc.end);
    const valueStart = this.offset(node.value.loc.start);
    const valueEnd = this.offset(node.value.loc.end);
    const path = [...base, ...segments];
    const owner = context.owner ?? path;
    const shared = {
      inline: context.inline,
      ...(context.inline ? { ownerPath: owner } : {}),
      ...(context.section === undefined ? {} : { section: context.section }),
    };
    for (let length = base.length + 1; length < path.length; length++) {
      const prefix = path.slice(0, length);
      const existing = this.get(prefix);
      if (existing === undefined) {
        this.add({ path: prefix, kind: "dotted", keyStart, keyEnd, valueStart: keyStart, valueEnd, lastEnd: valueEnd, ...shared });
      } else if (existing.kind === "dotted") {
        existing.lastEnd = valueEnd;
      }
    }
    this.add({ path, kind: "keyValue", keyStart, keyEnd, valueStart, valueEnd, ...shared });
    this.visitValue(node.value, path, owner);
    return valueEnd;
  }

  private visitValue(node: Node, path: TomlPathSegment[], owner: TomlPathSegment[]): void {
    if (node.type === "InlineTable") {
      for (const item of node.items as Array<Node & { item: KeyValueNode }>) {
        this.visitKeyValue(item.item, path, { inline: true, owner });
      }
    } else if (node.type === "InlineArray") {
      (node.items as Array<Node & { item: Node }>).forEach((item, index) => {
        const start = this.offset(item.item.loc.start);
        const end = this.offset(item.item.loc.end);
        const itemPath = [...path, index];
        this.add({
          path: itemPath,
          kind: "arrayItem",
          keyStart: start,
          keyEnd: end,
          valueStart: start,
          valueEnd: end,
          inline: true,
          ownerPath: owner,
        });
        this.visitValue(item.item, itemPath, owner);
      });
    }
  }
}

/** A map key for a path (segments cannot contain NUL in practice, so the join is unambiguous). */
export function pathKey(path: ReadonlyArray<TomlPathSegment>): string {
  return path.map((segment) => (typeof segment === "number" ? `#${segment}` : `=${segment}`)).join("\u0000");
}

/** True when `path` begins with every segment of `prefix`. */
export function startsWith(
  path: ReadonlyArray<TomlPathSegment>,
  prefix: ReadonlyArray<TomlPathSegment>,
): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}
