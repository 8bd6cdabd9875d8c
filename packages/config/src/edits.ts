import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { ConfigError } from "./diagnostics.js";
import { ConfigEditError } from "./edit-error.js";
import { formatKeyPath, parseKeyPath } from "./key-path.js";
import { parseConfigText } from "./read-config-file.js";
import {
  appendTableArrayElementInText,
  ensureTableInText,
  setInText,
  unsetInText,
} from "./toml-text-edits.js";
import { isTomlTable, type TomlTable, type TomlValue } from "./toml-value.js";

/** A key path: segments, or one dotted TOML key (`projects."/a/b".trust_level`). */
export type ConfigEditPath = string | readonly string[];

type EditOperation =
  | { kind: "set"; path: string[]; value: TomlValue }
  | { kind: "unset"; path: string[] }
  | { kind: "addTable"; path: string[] }
  | { kind: "appendArrayOfTables"; path: string[]; table: TomlTable };

/**
 * A batch of edits to one config file, applied in order. Everything the edits do not touch (comments,
 * blank lines, key order, formatting) stays byte for byte as it was.
 *
 * ```ts
 * await new ConfigEdits(file).set(["model"], "o3").set('projects."/p".trust_level', "trusted").apply();
 * ```
 */
export class ConfigEdits {
  private readonly operations: EditOperation[] = [];

  constructor(readonly file: string) {}

  /** Sets a value, creating the tables on its path when needed. */
  set(keyPath: ConfigEditPath, value: TomlValue): this {
    this.operations.push({ kind: "set", path: toPath(keyPath), value: checkValue(keyPath, value) });
    return this;
  }

  /** Removes a value or a whole table; nothing happens when it is absent. */
  unset(keyPath: ConfigEditPath): this {
    this.operations.push({ kind: "unset", path: toPath(keyPath) });
    return this;
  }

  /** Makes sure a table exists (writes an empty `[path]` section when it does not). */
  addTable(keyPath: ConfigEditPath): this {
    this.operations.push({ kind: "addTable", path: toPath(keyPath) });
    return this;
  }

  /** Appends an element to an array of tables (`[[path]]`). */
  appendArrayOfTables(keyPath: ConfigEditPath, table: TomlTable): this {
    const checked = checkValue(keyPath, table);
    if (!isTomlTable(checked)) {
      throw new ConfigEditError("EDIT_INVALID_VALUE", `cannot append to \`${display(keyPath)}\`: the element must be a table`);
    }
    this.operations.push({ kind: "appendArrayOfTables", path: toPath(keyPath), table: checked });
    return this;
  }

  /** True when no edit was added. */
  get isEmpty(): boolean {
    return this.operations.length === 0;
  }

  /** The edits applied to `text` (the current contents of the file); throws when `text` is not valid TOML. */
  applyToText(text: string): string {
    try {
      parseConfigText(this.file, text);
    } catch (error) {
      if (error instanceof ConfigError) {
        throw new ConfigEditError("EDIT_PARSE", `cannot edit ${this.file} until its syntax error is fixed:\n${error.message}`);
      }
      throw error;
    }
    let result = text;
    for (const operation of this.operations) {
      try {
        result = applyOperation(result, operation);
      } catch (error) {
        if (error instanceof ConfigEditError) {
          throw error;
        }
        throw new ConfigEditError("EDIT_PARSE", `cannot edit ${this.file}: ${(error as Error).message}`);
      }
    }
    try {
      parseConfigText(this.file, result);
    } catch {
      // Never write a file that would no longer load.
      throw new ConfigEditError("EDIT_PARSE", `cannot edit ${this.file}: the edited text would not be valid TOML`);
    }
    return result;
  }

  /**
   * Applies the edits to the file: created (with its folder) when missing; replaced atomically through a
   * temporary file in the same folder, keeping the file's permissions (new files get 0600). A symlinked
   * file is updated at its target.
   */
  async apply(): Promise<void> {
    const target = await realpath(this.file).catch(() => this.file);
    let text = "";
    let mode: number | undefined;
    try {
      text = await readFile(target, "utf8");
      mode = (await stat(target)).mode & 0o7777;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
        throw ioError(this.file, error);
      }
    }
    const next = this.applyToText(text);
    if (mode !== undefined && next === text) {
      return;
    }
    const folder = path.dirname(target);
    const temporary = path.join(folder, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
    try {
      await mkdir(folder, { recursive: true });
      await writeFile(temporary, next, { mode: mode ?? 0o600, flag: "wx" });
      await chmod(temporary, mode ?? 0o600);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw ioError(this.file, error);
    }
  }
}

function applyOperation(text: string, operation: EditOperation): string {
  switch (operation.kind) {
    case "set":
      return setInText(text, operation.path, operation.value);
    case "unset":
      return unsetInText(text, operation.path);
    case "addTable":
      return ensureTableInText(text, operation.path);
    case "appendArrayOfTables":
      return appendTableArrayElementInText(text, operation.path, operation.table);
  }
}

function toPath(keyPath: ConfigEditPath): string[] {
  const segments = typeof keyPath === "string" ? parseKeyPath(keyPath) : [...keyPath];
  if (segments === undefined || segments.length === 0 || segments.some((segment) => typeof segment !== "string")) {
    throw new ConfigEditError("EDIT_INVALID_PATH", `invalid key path ${JSON.stringify(keyPath)}: give segments or a dotted key such as model or projects."/p".trust_level`);
  }
  return segments;
}

/** Rejects values TOML cannot hold (null, undefined, functions, ...), naming where they are. */
function checkValue<T extends TomlValue>(keyPath: ConfigEditPath, value: T): T {
  const problem = findUnwritable(value as unknown, []);
  if (problem !== undefined) {
    const where = problem.length === 0 ? "" : ` (at \`${formatKeyPath(problem)}\`)`;
    throw new ConfigEditError(
      "EDIT_INVALID_VALUE",
      `cannot write \`${display(keyPath)}\`: TOML has no null or undefined values${where}; use unset() to remove a key`,
    );
  }
  return value;
}

function findUnwritable(value: unknown, at: Array<string | number>): Array<string | number> | undefined {
  switch (typeof value) {
    case "string":
    case "number":
    case "bigint":
    case "boolean":
      return undefined;
    case "object":
      if (value === null) {
        return at;
      }
      if (value instanceof Date) {
        return undefined;
      }
      if (Array.isArray(value)) {
        for (const [index, item] of value.entries()) {
          const found = findUnwritable(item, [...at, index]);
          if (found !== undefined) {
            return found;
          }
        }
        return undefined;
      }
      for (const [key, item] of Object.entries(value)) {
        const found = findUnwritable(item, [...at, key]);
        if (found !== undefined) {
          return found;
        }
      }
      return undefined;
    default:
      return at;
  }
}

function display(keyPath: ConfigEditPath): string {
  return typeof keyPath === "string" ? keyPath : formatKeyPath(keyPath);
}

function ioError(file: string, error: unknown): ConfigEditError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === "EACCES" || code === "EPERM" ? "permission denied; check the permissions of the file and its folder" : (code ?? (error as Error).message);
  return new ConfigEditError("EDIT_IO", `cannot update ${file}: ${reason}`);
}
