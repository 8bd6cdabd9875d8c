import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const DEFAULT_LAYERS = {
  "@codex-ts/utils-a": 0,
  "@codex-ts/low": 1,
  "@codex-ts/peer": 1,
  "@codex-ts/mid": 2,
  "@codex-ts/cli": "app",
  "@codex-ts/other-app": "app",
  "@codex-ts/test-support": "dev",
};

/**
 * Writes a workspace into a fresh temp folder and returns its path. `packages` maps a folder
 * (e.g. "packages/low") to `{ manifest, files }`, where `files` maps paths inside the package to contents;
 * `manifest.name` defaults to `@codex-ts/<folder name>`.
 */
export function makeWorkspace({ packages, layers = DEFAULT_LAYERS, rootDevDependencies = { vitest: "^4" } }) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "check-boundaries-"));
  write(root, "pnpm-workspace.yaml", "packages:\n  - packages/*\n  - 'packages/utils/*'\n  - apps/*\n  - tools/*\n");
  write(root, "package.json", JSON.stringify({ name: "fixture", private: true, devDependencies: rootDevDependencies }));
  write(root, "tools/check-boundaries/layers.json", JSON.stringify({ exempt: ["tools/*"], layers }, null, 2));
  for (const [dir, { manifest = {}, files = {} }] of Object.entries(packages)) {
    const name = manifest.name ?? `@codex-ts/${path.basename(dir)}`;
    const full = { name, version: "0.0.0", type: "module", exports: { ".": "./dist/index.js" }, ...manifest };
    write(root, `${dir}/package.json`, JSON.stringify(full, null, 2));
    for (const [file, text] of Object.entries(files)) write(root, `${dir}/${file}`, text);
  }
  return root;
}

export function removeWorkspace(root) {
  fs.rmSync(root, { recursive: true, force: true });
}

function write(root, rel, text) {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** A workspace that breaks no rule; tests derive failing variants from it. */
export function cleanPackages() {
  return {
    "packages/utils/a": {
      manifest: {
        name: "@codex-ts/utils-a",
        exports: { ".": "./dist/index.js", "./extra": "./dist/extra.js", "./parts/*": "./dist/parts/*.js" },
      },
      files: {
        "src/index.ts": 'import path from "node:path";\nimport fs from "fs";\nimport { x } from "./x.js";\nexport const a = path.join(x, String(fs));\n',
        "src/x.ts": 'export const x = "x";\n',
      },
    },
    "packages/low": {
      manifest: { dependencies: { "@codex-ts/utils-a": "workspace:*", "left-pad": "1.0.0", estree: "*" } },
      files: {
        "src/index.ts": [
          'import { a } from "@codex-ts/utils-a";',
          'import { extra } from "@codex-ts/utils-a/extra";',
          'import { part } from "@codex-ts/utils-a/parts/one";',
          'import pad from "left-pad";',
          'import type { Node } from "estree";',
          "export const low = [a, extra, part, pad];",
          "export type LowNode = Node;",
          "",
        ].join("\n"),
        "src/low.test.ts": 'import { it } from "vitest";\nimport { low } from "./index.js";\nit("works", () => void low);\n',
      },
    },
    "packages/mid": {
      manifest: {
        dependencies: { "@codex-ts/low": "workspace:*", "@codex-ts/utils-a": "workspace:*" },
        devDependencies: { "@codex-ts/test-support": "workspace:*", "@types/widget": "*" },
      },
      files: {
        "src/index.ts": [
          'import { low } from "@codex-ts/low";',
          'import type { Widget } from "widget";',
          "export const mid = [low];",
          "export type MidWidget = Widget;",
          'export const lazy = () => import("@codex-ts/utils-a");',
          "",
        ].join("\n"),
        "test/mid.test.ts": 'import { mock } from "@codex-ts/test-support";\nimport { mid } from "../src/index.js";\nvoid [mock, mid];\n',
      },
    },
    "packages/test-support": {
      manifest: { dependencies: { "@codex-ts/low": "workspace:*" } },
      files: { "src/index.ts": 'import { low } from "@codex-ts/low";\nexport const mock = [low];\n' },
    },
    "apps/cli": {
      manifest: { dependencies: { "@codex-ts/mid": "workspace:*", "@codex-ts/utils-a": "workspace:*" } },
      files: {
        "src/cli.ts": 'import { mid } from "@codex-ts/mid";\nconst { a } = require("@codex-ts/utils-a");\nvoid [mid, a];\n',
      },
    },
    "tools/anything": {
      manifest: { name: "@codex-ts/anything" },
      files: { "src/index.mjs": 'import x from "@codex-ts/mid/src/index.ts";\nimport y from "undeclared-thing";\nexport * from "@codex-ts/low";\n' },
    },
  };
}
