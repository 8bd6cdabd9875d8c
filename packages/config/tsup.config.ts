import { packageBuild } from "../../tsup.package.js";

// `codex-home` is a separate entry so CODEX_HOME can be resolved without loading the config model.
export default packageBuild({ entry: ["src/index.ts", "src/codex-home.ts"] });
