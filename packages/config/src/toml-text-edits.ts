import { parse } from "smol-toml";
import { ConfigEditError } from "./edit-error.js";
import { formatKeyPath, formatTomlKey, formatTomlKeyPath } from "./key-path.js";
import { afterLine, deleteRanges, lineEnd, lineStart, newlineOf, splice, startOfAttachedComments, type Deletion } from "./text-spans.js";
import { TomlStructure, startsWith, type TomlEntry } from "./toml-structure.js";
import { formatInlineValue, formatSection, isArrayOfTables } from "./toml-serialize.js";
import { getTomlPath, isTomlTable, setTableKey, type TomlTable, type TomlValue } from "./toml-value.js";

/*
 * Text-level edits of a TOML document. Each edit changes only the spans it must (a value, a line, a
 * section) and leaves every other byte as it was: comments, blank lines, key order and formatting.
 */

/** Sets `path` to `value`, creating tables as needed. */
export function setInText(text: string, path: readonly string[], value: TomlValue): string {
  const structure = TomlStructure.parse(text);
  const entry = structure.get(path);
  return entry === undefined
    ? insertMissing(text, structure, path, value)
    : replaceExisting(text, structure, entry, path, value);
}

/** Removes `path` (a value, or a table with everything in it). Missing paths are left alone. */
export function unsetInText(text: string, path: readonly string[]): string {
  const structure = TomlStructure.parse(text);
  const entry = structure.get(path);
  if (entry === undefined) {
    return text;
  }
  if (entry.inline) {
    return rewriteOwner(text, structure, entry, (owner) => deletePath(owner, path.slice(entry.ownerPath!.length)));
  }
  if (entry.kind === "keyValue") {
    return deleteRanges(text, [keyValueLines(text, entry)]);
  }
  const sections = structure.sectionsUnder(path);
  const sectionIndexes = new Set(sections.map((section) => structure.sections.indexOf(section)));
  const deletions: Deletion[] = sections.map((section) => ({
    start: lineStart(text, section.headerStart),
    end: afterLine(text, section.bodyEnd),
    tidy: true,
  }));
  for (const candidate of structure.entries.values()) {
    if (
      candidate.kind === "keyValue" &&
      !candidate.inline &&
      startsWith(candidate.path, path) &&
      !sectionIndexes.has(candidate.section ?? -1)
    ) {
      deletions.push(keyValueLines(text, candidate));
    }
  }
  return deleteRanges(text, deletions);
}

/** Ensures a table exists at `path` (an empty `[path]` section when it is missing). */
export function ensureTableInText(text: string, path: readonly string[]): string {
  const structure = TomlStructure.parse(text);
  const entry = structure.get(path);
  if (entry === undefined) {
    return insertMissing(text, structure, path, {});
  }
  if (entry.kind === "keyValue" && !isTomlTable(valueAt(text, path))) {
    throw new ConfigEditError("EDIT_CONFLICT", `cannot add table \`${formatKeyPath(path)}\`: it already holds a value that is not a table`);
  }
  return text;
}

/** Appends `table` as a new element of the array of tables at `path` (`[[path]]`). */
export function appendTableArrayElementInText(text: string, path: readonly string[], table: TomlTable): string {
  const structure = TomlStructure.parse(text);
  const entry = structure.get(path);
  const nl = newlineOf(text);
  const section = formatSection(path, table, true, nl);
  if (entry === undefined) {
    const ancestor = deepestAncestor(structure, path);
    if (ancestor !== undefined && (ancestor.kind === "keyValue" || ancestor.kind === "dotted")) {
      return setInText(text, path, [table]);
    }
    return placeSection(text, structure, path, section);
  }
  if (entry.kind === "tableArray") {
    const elements = structure.sectionsUnder(path);
    return insertAfterLine(text, elements[elements.length - 1]!.bodyEnd, nl + section, nl);
  }
  const current = valueAt(text, path);
  if (entry.kind === "keyValue" && Array.isArray(current) && current.every(isTomlTable)) {
    return setInText(text, path, [...current, table]);
  }
  throw new ConfigEditError("EDIT_CONFLICT", `cannot append to \`${formatKeyPath(path)}\`: it is not an array of tables`);
}

function replaceExisting(text: string, structure: TomlStructure, entry: TomlEntry, path: readonly string[], value: TomlValue): string {
  if (entry.kind === "keyValue") {
    if (entry.inline) {
      return rewriteOwner(text, structure, entry, (owner) => assignPath(owner, path.slice(entry.ownerPath!.length), value));
    }
    return splice(text, entry.valueStart, entry.valueEnd, formatInlineValue(value));
  }
  if (entry.kind === "tableArray") {
    const cleared = unsetInText(text, path);
    if (isArrayOfTables(value)) {
      return value.reduce((result, element) => appendTableArrayElementInText(result, path, element), cleared);
    }
    return setInText(cleared, path, value);
  }
  if (!isTomlTable(value)) {
    return setInText(unsetInText(text, path), path, value);
  }
  // Both are tables: edit key by key so untouched keys keep their place and comments.
  const current = valueAt(text, path);
  let result = text;
  for (const key of Object.keys(isTomlTable(current) ? current : {})) {
    if (!Object.hasOwn(value, key)) {
      result = unsetInText(result, [...path, key]);
    }
  }
  for (const [key, child] of Object.entries(value)) {
    result = setInText(result, [...path, key], child);
  }
  return result;
}

function insertMissing(text: string, structure: TomlStructure, path: readonly string[], value: TomlValue): string {
  const nl = newlineOf(text);
  const ancestor = deepestAncestor(structure, path);
  if (ancestor === undefined) {
    if (path.length === 1 && !isTomlTable(value)) {
      return insertRootLine(text, structure, `${formatTomlKey(path[0]!)} = ${formatInlineValue(value)}`);
    }
    return placeSection(text, structure, path, sectionFor(path, value, nl));
  }
  const rest = path.slice(ancestor.path.length);
  switch (ancestor.kind) {
    case "keyValue": {
      const current = valueAt(text, ancestor.path);
      if (!isTomlTable(current)) {
        throw new ConfigEditError(
          "EDIT_CONFLICT",
          `cannot set \`${formatKeyPath(path)}\`: \`${formatKeyPath(ancestor.path)}\` holds a value that is not a table`,
        );
      }
      return setInText(text, ancestor.path as string[], assignPath(current, rest, value));
    }
    case "dotted": {
      if (ancestor.inline) {
        return rewriteOwner(text, structure, ancestor, (owner) => assignPath(owner, path.slice(ancestor.ownerPath!.length), value));
      }
      const container = ancestor.section === undefined || ancestor.section < 0 ? [] : structure.sections[ancestor.section]!.path;
      const line = `${formatTomlKeyPath(path.slice(container.length))} = ${formatInlineValue(value)}`;
      return insertAfterLine(text, ancestor.lastEnd!, line, nl);
    }
    case "table":
      if (rest.length === 1 && !isTomlTable(value)) {
        const section = structure.sections.find((candidate) => candidate.kind === "table" && samePath(candidate.path, ancestor.path))!;
        return insertAfterLine(text, section.bodyEnd, `${formatTomlKey(rest[0]!)} = ${formatInlineValue(value)}`, nl);
      }
      return placeSection(text, structure, path, sectionFor(path, value, nl));
    case "implicit":
      return placeSection(text, structure, path, sectionFor(path, value, nl));
    default:
      throw new ConfigEditError(
        "EDIT_CONFLICT",
        `cannot set \`${formatKeyPath(path)}\`: \`${formatKeyPath(ancestor.path)}\` is an array of tables; use appendArrayOfTables to add an element`,
      );
  }
}

/** The section text that gives `path` the value: `[path]` for a table, else `[parent]` with one key. */
function sectionFor(path: readonly string[], value: TomlValue, nl: string): string {
  if (isTomlTable(value)) {
    return formatSection(path, value, false, nl);
  }
  const table: TomlTable = {};
  setTableKey(table, path[path.length - 1]!, value);
  return formatSection(path.slice(0, -1), table, false, nl);
}

/** Puts a new section after the last section sharing the longest prefix with `path`, else at the end. */
function placeSection(text: string, structure: TomlStructure, path: readonly string[], section: string): string {
  const nl = newlineOf(text);
  for (let length = path.length; length > 0; length--) {
    const related = structure.sectionsUnder(path.slice(0, length));
    if (related.length > 0) {
      return insertAfterLine(text, related[related.length - 1]!.bodyEnd, nl + section, nl);
    }
  }
  if (text.trim() === "") {
    return text + section + nl;
  }
  const ended = text.endsWith("\n") ? text : text + nl;
  return ended + (ended.endsWith(nl + nl) ? "" : nl) + section + nl;
}

/** Adds a root `key = value` line after the last root key, or before the first section. */
function insertRootLine(text: string, structure: TomlStructure, line: string): string {
  const nl = newlineOf(text);
  if (structure.rootBodyEnd !== undefined) {
    return insertAfterLine(text, structure.rootBodyEnd, line, nl);
  }
  const first = structure.sections[0];
  if (first !== undefined) {
    const at = startOfAttachedComments(text, first.headerStart);
    return splice(text, at, at, line + nl + nl);
  }
  if (text === "" || text.endsWith("\n")) {
    return text + line + nl;
  }
  return text + nl + line + nl;
}

/** Inserts `content` on new lines after the line holding `offset`. */
function insertAfterLine(text: string, offset: number, content: string, nl: string): string {
  const at = lineEnd(text, offset);
  return splice(text, at, at, nl + content);
}

/** The whole lines of a block `key = value` (including a trailing comment on its last line). */
function keyValueLines(text: string, entry: TomlEntry): Deletion {
  const start = lineStart(text, entry.keyStart);
  if (text.slice(start, entry.keyStart).trim() !== "") {
    return { start: entry.keyStart, end: entry.valueEnd, tidy: false };
  }
  return { start, end: afterLine(text, entry.valueEnd), tidy: false };
}

/** Rewrites the block value that holds an inline entry, with `change` applied to a copy of it. */
function rewriteOwner(text: string, structure: TomlStructure, entry: TomlEntry, change: (owner: TomlValue) => TomlValue): string {
  const ownerPath = entry.ownerPath!;
  const owner = structure.get(ownerPath)!;
  const next = change(copyValue(valueAt(text, ownerPath) as TomlValue));
  return splice(text, owner.valueStart, owner.valueEnd, formatInlineValue(next));
}

function deepestAncestor(structure: TomlStructure, path: readonly string[]): TomlEntry | undefined {
  for (let length = path.length - 1; length > 0; length--) {
    const entry = structure.get(path.slice(0, length));
    if (entry !== undefined) {
      return entry;
    }
  }
  return undefined;
}

function valueAt(text: string, path: ReadonlyArray<string | number>): unknown {
  return getTomlPath(parse(text), path);
}

function assignPath(target: TomlValue, path: ReadonlyArray<string | number>, value: TomlValue): TomlValue {
  if (path.length === 0) {
    return value;
  }
  const [head, ...rest] = path;
  if (Array.isArray(target) && typeof head === "number") {
    const copy = [...target];
    copy[head] = assignPath(copy[head] as TomlValue, rest, value);
    return copy;
  }
  const table: TomlTable = isTomlTable(target) ? { ...target } : {};
  const child = Object.hasOwn(table, String(head)) ? table[String(head)]! : {};
  setTableKey(table, String(head), assignPath(child, rest, value));
  return table;
}

function deletePath(target: TomlValue, path: ReadonlyArray<string | number>): TomlValue {
  const [head, ...rest] = path;
  if (head === undefined) {
    return target;
  }
  if (Array.isArray(target) && typeof head === "number") {
    return rest.length === 0 ? target.filter((_, i) => i !== head) : target.map((item, i) => (i === head ? deletePath(item, rest) : item));
  }
  if (!isTomlTable(target)) {
    return target;
  }
  const table: TomlTable = {};
  for (const [key, value] of Object.entries(target)) {
    if (key !== String(head)) {
      setTableKey(table, key, value);
    } else if (rest.length > 0) {
      setTableKey(table, key, deletePath(value, rest));
    }
  }
  return table;
}

function copyValue(value: TomlValue): TomlValue {
  if (Array.isArray(value)) {
    return value.map(copyValue);
  }
  if (isTomlTable(value)) {
    const table: TomlTable = {};
    for (const [key, item] of Object.entries(value)) {
      setTableKey(table, key, copyValue(item));
    }
    return table;
  }
  return value;
}

function samePath(a: ReadonlyArray<string | number>, b: ReadonlyArray<string | number>): boolean {
  return a.length === b.length && startsWith(a, b);
}
