import { spawn } from "node:child_process";
import { type Command, Command as CommandClass, InvalidArgumentError, Option } from "@commander-js/extra-typings";
import { ExitCode } from "../exit-codes.js";
import { globalOptionsOf } from "../global-options.js";
import type { CliIo } from "../io.js";
import { configOverridesFromGlobals } from "../load-config.js";
import { CLI_VERSION } from "../version.js";

// The server, its protocol package and the config loader are imported when a subcommand runs, so they
// cost nothing to the rest of the command tree.

const WS_AUTH_MODES = ["capability-token", "signed-bearer-token"] as const;

/** After a graceful shutdown, anything still holding the event loop (a stray timer) gets this long. */
const EXIT_AFTER_SHUTDOWN_MS = 2000;

function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("expected a non-negative integer number of seconds");
  return Number(value);
}


interface ConfigWarningWire {
  summary: string;
  details?: string | null;
  path?: string | null;
  range?: { start: { line: number; column: number }; end: { line: number; column: number } } | null;
}

/** Loads the configuration in the background; its warnings reach clients after `initialize`. */
async function configWarnings(io: CliIo, codexHome: string, overrides: string[]): Promise<ConfigWarningWire[]> {
  try {
    const [{ loadConfig }, { absolutePath }] = await Promise.all([import("@codex-ts/config"), import("@codex-ts/utils-absolute-path")]);
    const loaded = await loadConfig({ codexHome: absolutePath(codexHome), cwd: absolutePath(io.cwd), overrides, env: io.env });
    return loaded.warnings.map((warning) => ({ ...warning }));
  } catch (error) {
    return [{ summary: `failed to load configuration: ${error instanceof Error ? error.message : String(error)}` }];
  }
}

async function codexHomeOf(io: CliIo): Promise<string> {
  // The small entry point: resolving CODEX_HOME must not load the config model before `initialize` is answered.
  const { resolveCodexHome } = await import("@codex-ts/config/codex-home");
  return resolveCodexHome({ env: io.env });
}

function runPrettier(binary: string, outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ["--write", `${outDir}/**/*.ts`], { stdio: ["ignore", "ignore", "inherit"] });
    child.once("error", (error) => reject(new Error(`failed to run prettier (${binary}): ${error.message}`)));
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`prettier (${binary}) exited with ${code}`))));
  });
}

/**
 * `codex app-server [--listen URL] [--ws-auth ...]`: serves the app-server protocol until SIGINT, SIGTERM or
 * (for stdio) the end of stdin. Subcommands: `proxy` (stdio ↔ control socket), `generate-ts` and
 * `generate-json-schema` (the protocol's TypeScript and JSON Schema).
 */
export function appServerCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  const appServer = new CommandClass("app-server")
    .description("[experimental] Run the app server or related tooling")
    .option("--listen <URL>", "transport endpoint URL: `stdio://` (default), `unix://`, `unix://PATH`, `ws://IP:PORT`, `off`", "stdio://")
    .option("--stdio", "use stdio as the transport (same as `--listen stdio://`)")
    .addOption(new Option("--ws-auth <MODE>", "authentication mode for incoming WebSocket connections").choices(WS_AUTH_MODES))
    .option("--ws-token-file <PATH>", "absolute path to the capability-token file")
    .option("--ws-token-sha256 <HEX>", "hex-encoded SHA-256 digest of the capability token")
    .option("--ws-shared-secret-file <PATH>", "absolute path to the shared secret file for signed JWT bearer tokens")
    .option("--ws-issuer <ISSUER>", "expected issuer for signed JWT bearer tokens")
    .option("--ws-audience <AUDIENCE>", "expected audience for signed JWT bearer tokens")
    .option("--ws-max-clock-skew-seconds <SECONDS>", "maximum clock skew when validating signed JWT bearer tokens", nonNegativeInteger)
    .action(async (options, command) => {
      const server = await import("@codex-ts/app-server");
      const listen = ((): import("@codex-ts/app-server").ListenTarget => {
        try {
          return options.stdio ? { kind: "stdio" } : server.parseListenUrl(options.listen, io.cwd);
        } catch (error) {
          return command.error(`error: invalid value '${options.listen}' for '--listen <URL>': ${(error as Error).message}`, {
            exitCode: ExitCode.usage,
            code: "codex.app-server.listen",
          });
        }
      })();
      const codexHome = await codexHomeOf(io);
      const overrides = await configOverridesFromGlobals(globalOptionsOf(command));
      await server.runAppServer({
        listen,
        codexHome,
        configOverrides: overrides,
        env: io.env,
        cwd: io.cwd,
        serverVersion: CLI_VERSION,
        configWarnings: () => configWarnings(io, codexHome, overrides),
        stderr: { write: (text: string) => io.stderr(text) },
        wsAuth: {
          ...(options.wsAuth !== undefined ? { wsAuth: options.wsAuth } : {}),
          ...(options.wsTokenFile !== undefined ? { wsTokenFile: options.wsTokenFile } : {}),
          ...(options.wsTokenSha256 !== undefined ? { wsTokenSha256: options.wsTokenSha256 } : {}),
          ...(options.wsSharedSecretFile !== undefined ? { wsSharedSecretFile: options.wsSharedSecretFile } : {}),
          ...(options.wsIssuer !== undefined ? { wsIssuer: options.wsIssuer } : {}),
          ...(options.wsAudience !== undefined ? { wsAudience: options.wsAudience } : {}),
          ...(options.wsMaxClockSkewSeconds !== undefined ? { wsMaxClockSkewSeconds: options.wsMaxClockSkewSeconds } : {}),
        },
      });
      setExitCode(ExitCode.success);
      setTimeout(() => process.exit(process.exitCode ?? ExitCode.success), EXIT_AFTER_SHUTDOWN_MS).unref();
    });

  appServer
    .command("proxy")
    .description("Proxy stdio bytes to the running app-server control socket")
    .option("--sock <SOCKET_PATH>", "path to the app-server unix domain socket to connect to")
    .action(async (options) => {
      const { defaultControlSocketPath, runStdioProxy } = await import("@codex-ts/app-server");
      const socketPath = options.sock ?? defaultControlSocketPath(await codexHomeOf(io));
      await runStdioProxy({ socketPath });
      setExitCode(ExitCode.success);
    });

  appServer
    .command("generate-ts")
    .description("[experimental] Generate TypeScript bindings for the app server protocol")
    .requiredOption("-o, --out <DIR>", "output directory where .ts files will be written")
    .option("-p, --prettier <PRETTIER_BIN>", "path to the Prettier executable to format the generated files")
    .option("--experimental", "include experimental methods and fields in the generated output")
    .action(async (options) => {
      const { generateTs } = await import("@codex-ts/app-server-protocol");
      await generateTs(options.out, { experimental: options.experimental === true });
      if (options.prettier !== undefined) await runPrettier(options.prettier, options.out);
      setExitCode(ExitCode.success);
    });

  appServer
    .command("generate-json-schema")
    .description("[experimental] Generate JSON Schema for the app server protocol")
    .requiredOption("-o, --out <DIR>", "output directory where the schema files will be written")
    .option("--experimental", "include experimental methods and fields in the generated output")
    .action(async (options) => {
      const { generateJsonSchema } = await import("@codex-ts/app-server-protocol");
      await generateJsonSchema(options.out, { experimental: options.experimental === true });
      setExitCode(ExitCode.success);
    });

  return appServer;
}
