import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { checkBoundaries, formatViolation } from "../index.mjs";
import { cleanPackages, makeWorkspace, removeWorkspace } from "./fixture.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(here, "..", "bin.mjs");
const repoRoot = path.resolve(here, "../../..");

const roots = [];
afterEach(() => {
  while (roots.length > 0) removeWorkspace(roots.pop());
});

/** Builds the clean workspace with `change` applied to its package table, and checks it. */
function check(change = () => {}, options = {}) {
  const packages = cleanPackages();
  change(packages);
  const root = makeWorkspace({ packages, ...options });
  roots.push(root);
  const result = checkBoundaries({ root });
  return { ...result, root, lines: result.violations.map(formatViolation) };
}

describe("a clean workspace", () => {
  it("has no violations and counts checked packages and imports", () => {
    const { packages, imports, lines } = check();
    expect(lines).toEqual([]);
    expect(packages).toBe(5);
    expect(imports).toBe(18);
  });

  it("passes through the CLI with the one-line summary", () => {
    const root = makeWorkspace({ packages: cleanPackages() });
    roots.push(root);
    const out = execFileSync(process.execPath, [bin, "--root", root], { encoding: "utf8" });
    expect(out).toBe("check-boundaries: 5 packages, 18 imports, no violations\n");
  });
});

describe("undeclared imports", () => {
  it("reports a bare import missing from package.json with file:line", () => {
    const { lines } = check((p) => {
      p["packages/low"].files["src/extra.ts"] = '\nimport chalk from "chalk";\nexport default chalk;\n';
    });
    expect(lines).toEqual([
      'packages/low/src/extra.ts:2: undeclared: "chalk" is imported but not declared in packages/low/package.json',
    ]);
  });

  it("does not let production code lean on the root devDependencies", () => {
    const { lines } = check((p) => {
      p["packages/low"].files["src/uses-vitest.ts"] = 'export { vi } from "vitest";\n';
    });
    expect(lines).toEqual([
      'packages/low/src/uses-vitest.ts:1: undeclared: "vitest" is imported but not declared in packages/low/package.json',
    ]);
  });

  it("reports an undeclared workspace package", () => {
    const { lines } = check((p) => {
      p["packages/mid"].files["src/sneaky.ts"] = 'import { a } from "@codex-ts/utils-a/extra";\nvoid a;\n';
      delete p["packages/mid"].manifest.dependencies["@codex-ts/utils-a"];
      p["packages/mid"].files["src/index.ts"] = 'export const mid = 1;\n';
    });
    expect(lines).toEqual([
      'packages/mid/src/sneaky.ts:1: undeclared: "@codex-ts/utils-a" is imported but not declared in packages/mid/package.json',
    ]);
  });
});

describe("layers", () => {
  it("reports importing a higher layer, in the file and in package.json", () => {
    const { lines } = check((p) => {
      p["packages/utils/a"].manifest.dependencies = { "@codex-ts/low": "workspace:*" };
      p["packages/utils/a"].files["src/up.ts"] = 'import { low } from "@codex-ts/low";\nvoid low;\n';
    });
    expect(lines).toContain(
      "packages/utils/a/src/up.ts:1: layer: `@codex-ts/utils-a` (layer 0) may not depend on `@codex-ts/low` (layer 1) (higher layer); only lower layers are allowed",
    );
    expect(lines.some((line) => /^packages\/utils\/a\/package\.json:\d+: layer: .*declared in dependencies/.test(line))).toBe(true);
    expect(lines).toContain("cycle: @codex-ts/low -> @codex-ts/utils-a -> @codex-ts/low");
  });

  it("reports importing a package on the same layer", () => {
    const { lines } = check((p) => {
      p["packages/peer"] = { files: { "src/index.ts": "export const peer = 1;\n" } };
      p["packages/low"].manifest.dependencies["@codex-ts/peer"] = "workspace:*";
      p["packages/low"].files["src/p.ts"] = 'import { peer } from "@codex-ts/peer";\nvoid peer;\n';
    });
    expect(lines).toContain(
      "packages/low/src/p.ts:1: layer: `@codex-ts/low` (layer 1) may not depend on `@codex-ts/peer` (layer 1) (same layer); only lower layers are allowed",
    );
  });

  it("reports test-support imported from production code or declared as a dependency", () => {
    const { lines } = check((p) => {
      const mid = p["packages/mid"];
      mid.manifest.dependencies["@codex-ts/test-support"] = "workspace:*";
      delete mid.manifest.devDependencies["@codex-ts/test-support"];
      mid.files["src/mock.ts"] = 'import { mock } from "@codex-ts/test-support";\nvoid mock;\n';
    });
    expect(lines).toContain(
      "packages/mid/src/mock.ts:1: layer: `@codex-ts/mid` (layer 2) may use test-support `@codex-ts/test-support` only from test files",
    );
    expect(lines.some((line) => /packages\/mid\/package\.json:\d+: layer: test-support `@codex-ts\/test-support` must be a devDependency, not in dependencies/.test(line))).toBe(true);
  });

  it("lets apps use every non-app package but not another app", () => {
    const { lines } = check((p) => {
      p["apps/other-app"] = { files: { "src/main.ts": "export {};\n" } };
      p["apps/cli"].manifest.dependencies["@codex-ts/other-app"] = "workspace:*";
      p["apps/cli"].files["src/other.ts"] = 'import "@codex-ts/other-app";\n';
    });
    expect(lines).toContain(
      "apps/cli/src/other.ts:1: layer: app `@codex-ts/cli` may not depend on app `@codex-ts/other-app`: apps are never imported",
    );
  });

  it("reports a workspace package missing from layers.json", () => {
    const { lines } = check((p) => {
      p["packages/newcomer"] = { files: { "src/index.ts": "export const n = 1;\n" } };
    });
    expect(lines).toEqual([
      "packages/newcomer/package.json:2: layers: `@codex-ts/newcomer` has no layer; add it to tools/check-boundaries/layers.json",
    ]);
  });

  it("reports invalid entries of layers.json", () => {
    const { lines } = check(() => {}, {
      layers: { "@codex-ts/utils-a": 0, "@codex-ts/low": 1, "@codex-ts/mid": 2, "@codex-ts/cli": "app", "@codex-ts/test-support": "dev", "@codex-ts/odd": 9 },
    });
    expect(lines).toEqual([
      'tools/check-boundaries/layers.json: layers: layer of `@codex-ts/odd` must be an integer 0..7, "app" or "dev", got 9',
    ]);
  });
});

describe("deep imports", () => {
  it("reports subpaths that the target does not export", () => {
    const { lines } = check((p) => {
      p["packages/low"].files["src/deep.ts"] = [
        'import { x } from "@codex-ts/utils-a/src/x.js";',
        'import { y } from "@codex-ts/utils-a/dist/index.js";',
        "void [x, y];",
        "",
      ].join("\n");
    });
    expect(lines).toEqual([
      'packages/low/src/deep.ts:1: deep-import: "@codex-ts/utils-a/src/x.js" is not in the exports of `@codex-ts/utils-a`; import its public entry point',
      'packages/low/src/deep.ts:2: deep-import: "@codex-ts/utils-a/dist/index.js" is not in the exports of `@codex-ts/utils-a`; import its public entry point',
    ]);
  });

  it("reports relative imports that leave the package folder", () => {
    const { lines } = check((p) => {
      p["packages/mid"].files["src/escape.ts"] = 'import { x } from "../../utils/a/src/x.js";\nvoid x;\n';
    });
    expect(lines).toEqual([
      'packages/mid/src/escape.ts:1: deep-import: relative import "../../utils/a/src/x.js" leaves the package folder; import the owning package instead',
    ]);
  });
});

describe("cycles", () => {
  it("reports a dependency cycle through devDependencies", () => {
    const { lines } = check((p) => {
      p["packages/low"].manifest.devDependencies = { "@codex-ts/mid": "workspace:*" };
    });
    expect(lines).toContain("cycle: @codex-ts/low -> @codex-ts/mid -> @codex-ts/low");
  });
});

describe("re-exports", () => {
  it("reports export-from and exporting an imported binding of another package", () => {
    const { lines } = check((p) => {
      p["packages/mid"].files["src/api.ts"] = [
        'export * from "@codex-ts/low";',
        'export { a } from "@codex-ts/utils-a";',
        'import { low } from "@codex-ts/low";',
        "export { low as again };",
        'export { own } from "./own.js";',
        "",
      ].join("\n");
      p["packages/mid"].files["src/own.ts"] = "export const own = 1;\n";
    });
    expect(lines).toEqual([
      'packages/mid/src/api.ts:1: re-export: re-exports the API of "@codex-ts/low"; consumers must import it from its owner',
      'packages/mid/src/api.ts:2: re-export: re-exports the API of "@codex-ts/utils-a"; consumers must import it from its owner',
      'packages/mid/src/api.ts:4: re-export: re-exports the API of "@codex-ts/low"; consumers must import it from its owner',
    ]);
  });
});

describe("the CLI", () => {
  it("exits 1 and prints one violation per line", () => {
    const packages = cleanPackages();
    packages["packages/low"].files["src/bad.ts"] = 'import "chalk";\nimport "@codex-ts/utils-a/src/x.js";\n';
    const root = makeWorkspace({ packages });
    roots.push(root);
    const run = spawnSync(process.execPath, [bin, "--root", root], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stdout.split("\n")).toEqual([
      'packages/low/src/bad.ts:1: undeclared: "chalk" is imported but not declared in packages/low/package.json',
      'packages/low/src/bad.ts:2: deep-import: "@codex-ts/utils-a/src/x.js" is not in the exports of `@codex-ts/utils-a`; import its public entry point',
      "check-boundaries: 5 packages, 20 imports, 2 violations",
      "",
    ]);
  });

  it("exits 2 on a bad argument", () => {
    const run = spawnSync(process.execPath, [bin, "--nope"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown argument "--nope"');
  });

  it("finds no violations in this repository", () => {
    const run = spawnSync(process.execPath, [bin], { encoding: "utf8" });
    expect(run.stdout).toMatch(/^check-boundaries: \d+ packages, \d+ imports, no violations\n$/);
    expect(run.status).toBe(0);
    expect(repoRoot).toBe(path.resolve(bin, "../../.."));
  });
});
