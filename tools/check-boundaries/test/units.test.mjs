import { describe, expect, it } from "vitest";
import {
  classifySpecifier,
  findCycles,
  isExempt,
  isExported,
  isTestFile,
  layerProblem,
  parseWorkspaceGlobs,
  scanImports,
  typesPackageFor,
} from "../index.mjs";

describe("parseWorkspaceGlobs", () => {
  it("reads block lists with quotes and comments and stops at the next key", () => {
    const yaml = "# comment\npackages:\n  - packages/*\n  - 'packages/utils/*' # leaves\n\n  - \"apps/*\"\n  - '!apps/skip'\nonlyBuiltDependencies:\n  - esbuild\n";
    expect(parseWorkspaceGlobs(yaml)).toEqual(["packages/*", "packages/utils/*", "apps/*", "!apps/skip"]);
  });

  it("reads the flow form", () => {
    expect(parseWorkspaceGlobs("packages: [packages/*, 'apps/*']\n")).toEqual(["packages/*", "apps/*"]);
    expect(parseWorkspaceGlobs("other: 1\n")).toEqual([]);
  });
});

describe("classifySpecifier", () => {
  it("separates built-ins, relative paths and packages with subpaths", () => {
    expect(classifySpecifier("node:fs")).toEqual({ kind: "builtin" });
    expect(classifySpecifier("fs/promises")).toEqual({ kind: "builtin" });
    expect(classifySpecifier("child_process")).toEqual({ kind: "builtin" });
    expect(classifySpecifier("./x.js")).toEqual({ kind: "relative" });
    expect(classifySpecifier("..")).toEqual({ kind: "relative" });
    expect(classifySpecifier("#internal")).toEqual({ kind: "other" });
    expect(classifySpecifier("zod")).toEqual({ kind: "package", name: "zod", subpath: "" });
    expect(classifySpecifier("zod/v4")).toEqual({ kind: "package", name: "zod", subpath: "./v4" });
    expect(classifySpecifier("@codex-ts/x/src/a.ts")).toEqual({ kind: "package", name: "@codex-ts/x", subpath: "./src/a.ts" });
  });

  it("names the @types package of a module", () => {
    expect(typesPackageFor("estree")).toBe("@types/estree");
    expect(typesPackageFor("@babel/core")).toBe("@types/babel__core");
  });
});

describe("isExported", () => {
  const exportsMap = { ".": "./dist/index.js", "./extra": "./dist/extra.js", "./parts/*": "./dist/*.js", "./parts/private": null };

  it("accepts the root, listed subpaths and pattern matches", () => {
    expect(isExported(exportsMap, "")).toBe(true);
    expect(isExported(exportsMap, "./extra")).toBe(true);
    expect(isExported(exportsMap, "./parts/a")).toBe(true);
  });

  it("rejects unlisted and excluded subpaths", () => {
    expect(isExported(exportsMap, "./src/index.ts")).toBe(false);
    expect(isExported(exportsMap, "./parts/private")).toBe(false);
    expect(isExported(undefined, "./dist/index.js")).toBe(false);
    expect(isExported({ import: "./dist/index.js", types: "./dist/index.d.ts" }, "")).toBe(true);
    expect(isExported("./dist/index.js", "./x")).toBe(false);
  });
});

describe("scanImports", () => {
  it("lists static, dynamic, require and re-export specifiers with their lines", () => {
    const text = 'import a from "a";\n\nexport * from "b";\nconst c = await import("c");\nconst d = require("d");\nimport type { E } from "e";\n';
    expect(scanImports(text)).toEqual([
      { specifier: "a", line: 1 },
      { specifier: "b", line: 3 },
      { specifier: "c", line: 4 },
      { specifier: "d", line: 5 },
      { specifier: "e", line: 6 },
    ]);
  });

  it("ignores methods that are merely named require", () => {
    const text = 'registry.require("nope");\nregistry?.require( "also-not");\nconst f = require("f");\n';
    expect(scanImports(text)).toEqual([{ specifier: "f", line: 3 }]);
  });
});

describe("isTestFile", () => {
  it("recognises test and benchmark code", () => {
    expect(isTestFile("src/a.test.ts")).toBe(true);
    expect(isTestFile("src/a.bench.mts")).toBe(true);
    expect(isTestFile("test/helpers.ts")).toBe(true);
    expect(isTestFile("bench/run.mjs")).toBe(true);
    expect(isTestFile("src/test-utils.ts")).toBe(false);
    expect(isTestFile("src/index.ts")).toBe(false);
  });
});

describe("layerProblem", () => {
  it("allows strictly lower layers only", () => {
    expect(layerProblem("a", 2, "b", 1, false)).toBeUndefined();
    expect(layerProblem("a", 2, "b", 2, false)).toMatch(/same layer/);
    expect(layerProblem("a", 2, "b", 3, false)).toMatch(/higher layer/);
  });

  it("lets apps import any non-app and keeps test-support in tests", () => {
    expect(layerProblem("cli", "app", "tui", 7, false)).toBeUndefined();
    expect(layerProblem("cli", "app", "x", "app", false)).toMatch(/apps are never imported/);
    expect(layerProblem("a", 2, "ts", "dev", true)).toBeUndefined();
    expect(layerProblem("a", 2, "ts", "dev", false)).toMatch(/only from test files/);
  });
});

describe("isExempt", () => {
  it("matches folder globs", () => {
    expect(isExempt("tools/bench", ["tools/*"])).toBe(true);
    expect(isExempt("tools/a/b", ["tools/*"])).toBe(false);
    expect(isExempt("tools/a/b", ["tools/**"])).toBe(true);
    expect(isExempt("packages/x", ["tools/*"])).toBe(false);
  });
});

describe("findCycles", () => {
  it("reports one cycle per strongly connected component, self loops included", () => {
    const graph = new Map([
      ["c", ["a"]],
      ["a", ["b"]],
      ["b", ["c", "a"]],
      ["d", ["d"]],
      ["e", ["a"]],
    ]);
    expect(findCycles(graph)).toEqual([
      ["a", "b", "a"],
      ["d", "d"],
    ]);
    expect(findCycles(new Map([["a", ["b"]], ["b", []]]))).toEqual([]);
  });
});
