export { LAYERS_FILE, checkBoundaries, formatViolation } from "./lib/check.mjs";
export { findCycles } from "./lib/cycles.mjs";
export { isExempt, layerProblem, loadLayers } from "./lib/layers.mjs";
export { findReExports, isTestFile, listSourceFiles, scanImports } from "./lib/sources.mjs";
export { classifySpecifier, isExported, typesPackageFor } from "./lib/specifiers.mjs";
export { expandGlob, parseWorkspaceGlobs, readWorkspace } from "./lib/workspace.mjs";
