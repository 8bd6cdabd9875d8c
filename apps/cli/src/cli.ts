import module from "node:module";
import { runCli } from "./run.js";

// Node 22.1+ can cache compiled code between runs, which saves most of the bundle's parse time; older
// versions lack the function and start as before.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

process.exitCode = await runCli(process.argv.slice(2));
