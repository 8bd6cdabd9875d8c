import fs from "node:fs";
import path from "node:path";
import { ts } from "./typescript.mjs";

const SOURCE_EXTENSION = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
/** Folders of a package whose files are scanned; `src` is production code, the others are test code. */
const SCANNED_FOLDERS = ["src", "test", "bench"];
const SKIPPED_FOLDERS = new Set(["node_modules", "dist", "coverage"]);

/** Source files of a package, as `{ file, rel }` with `rel` relative to the package folder. */
export function listSourceFiles(packageDir) {
  const files = [];
  for (const folder of SCANNED_FOLDERS) {
    walk(path.join(packageDir, folder), folder, files);
  }
  return files;
}

function walk(dir, rel, files) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const childRel = `${rel}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(path.join(dir, entry.name), childRel, files);
    } else if (entry.isFile() && SOURCE_EXTENSION.test(entry.name)) {
      files.push({ file: path.join(dir, entry.name), rel: childRel });
    }
  }
}

/**
 * True for test and benchmark code: `*.test.*`, `*.spec.*`, `*.bench.*`, and anything under `test/` or
 * `bench/`. `rel` is relative to the package folder.
 */
export function isTestFile(rel) {
  return /^(test|bench)\//.test(rel) || /\.(test|spec|bench)\.[cm]?[jt]sx?$/.test(rel);
}

/**
 * Module specifiers a file refers to: static imports, re-exports, `import x = require()`, `import()` and
 * `require()` calls with literal arguments. Each is `{ specifier, line }` (1-based).
 */
export function scanImports(text) {
  const info = ts.preProcessFile(text, true, true);
  const lineStarts = computeLineStarts(text);
  return info.importedFiles
    .filter((ref) => !isMethodCalledRequire(text, ref.pos))
    .map((ref) => ({ specifier: ref.fileName, line: lineOf(lineStarts, ref.pos) }));
}

/**
 * The scanner also reports `something.require("x")`, a method that merely shares the name; only a bare
 * `require(...)` loads a module. `pos` is where the string literal starts.
 */
function isMethodCalledRequire(text, pos) {
  const before = text.slice(Math.max(0, pos - 200), pos);
  const call = /\??\.\s*require\s*\(\s*["'`]?$/.exec(before);
  return call !== null;
}

function computeLineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) starts.push(i + 1);
  }
  return starts;
}

function lineOf(lineStarts, pos) {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= pos) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/**
 * Statements that re-export what `isForeign(specifier)` says belongs to another package:
 * `export ... from "x"`, and `export { a }` / `export default a` / `export const b = a` of a binding
 * imported from such a specifier. Each is `{ specifier, line }`.
 */
export function findReExports(fileName, text, isForeign) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, scriptKindOf(fileName));
  const imported = new Map();
  const found = [];
  const at = (node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;

  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const specifier = statement.moduleSpecifier.text;
      if (!isForeign(specifier) || statement.importClause === undefined) continue;
      const clause = statement.importClause;
      if (clause.name) imported.set(clause.name.text, specifier);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) imported.set(bindings.name.text, specifier);
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) imported.set(element.name.text, specifier);
      }
    } else if (
      ts.isImportEqualsDeclaration(statement) &&
      ts.isExternalModuleReference(statement.moduleReference) &&
      ts.isStringLiteral(statement.moduleReference.expression) &&
      isForeign(statement.moduleReference.expression.text)
    ) {
      imported.set(statement.name.text, statement.moduleReference.expression.text);
    }
  }

  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
        if (isForeign(statement.moduleSpecifier.text)) {
          found.push({ specifier: statement.moduleSpecifier.text, line: at(statement) });
        }
      } else if (statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) {
          const local = (element.propertyName ?? element.name).text;
          if (imported.has(local)) found.push({ specifier: imported.get(local), line: at(element) });
        }
      }
    } else if (ts.isExportAssignment(statement) && ts.isIdentifier(statement.expression)) {
      const specifier = imported.get(statement.expression.text);
      if (specifier !== undefined) found.push({ specifier, line: at(statement) });
    } else if (ts.isVariableStatement(statement) && hasExportModifier(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (init && ts.isIdentifier(init) && imported.has(init.text)) {
          found.push({ specifier: imported.get(init.text), line: at(declaration) });
        }
      }
    }
  }
  return found;
}

function hasExportModifier(statement) {
  return (statement.modifiers ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
}

function scriptKindOf(fileName) {
  if (fileName.endsWith(".tsx")) return ts.ScriptKind.TSX;
  if (/\.[cm]?js$/.test(fileName)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}
