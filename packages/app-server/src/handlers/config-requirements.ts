// `configRequirements/read`: the administrator's constraints from `requirements.toml` in the system config
// folder (`/etc/codex`, or `$CODEX_SYSTEM_CONFIG_DIR`), in the wire's camelCase shape, or null.
import path from "node:path";
import type { ConfigRequirements, ConfigRequirementsReadResponse } from "@codex-ts/app-server-protocol";
import { isTomlTable, readConfigFile, type TomlTable } from "@codex-ts/config";
import { type ServerConfigSource, systemConfigDir } from "./config-loading.js";
import { tomlToJson } from "./config-values.js";
import type { RequestHandlers } from "./context.js";
import { internal } from "./rpc-errors.js";

/** Every field of `ConfigRequirements`; absent ones are reported as null, as upstream does. */
const REQUIREMENT_FIELDS = [
  "modelProvider",
  "modelProviders",
  "allowedLoginMethods",
  "cliAuthCredentialsStore",
  "chatgptBaseUrl",
  "additionalDeveloperInstructions",
  "allowedApprovalPolicies",
  "allowedApprovalsReviewers",
  "allowedSandboxModes",
  "allowedWindowsSandboxImplementations",
  "allowedPermissionProfiles",
  "defaultPermissions",
  "allowedWebSearchModes",
  "allowManagedHooksOnly",
  "allowBrowserAndComputerUse",
  "allowAppshots",
  "allowRemoteControl",
  "computerUse",
  "browserUse",
  "inAppBrowser",
  "featureRequirements",
  "hooks",
  "enforceResidency",
  "network",
  "application",
  "autoReview",
  "models",
  "sqliteHome",
  "logDir",
  "modelCatalogJson",
  "checkForUpdateOnStartup",
  "allowLoginShell",
  "feedback",
  "otel",
] as const;

/** Tables whose keys are names chosen by the administrator (domains, paths, ids): kept as written. */
const NAMED_ENTRY_TABLES = new Set(["domains", "unix_sockets", "origins", "bundle_ids", "aumids", "allowed_permission_profiles"]);
/** Values passed through exactly as written (config.toml key names on the wire too). */
const VERBATIM = new Set(["model_providers", "otel", "input"]);

function camelCase(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

function camelizeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelizeValue);
  if (value === null || typeof value !== "object") return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    let converted: unknown;
    if (VERBATIM.has(key)) converted = item;
    else if (NAMED_ENTRY_TABLES.has(key) && item !== null && typeof item === "object" && !Array.isArray(item)) {
      converted = Object.fromEntries(Object.entries(item).map(([name, entry]) => [name, camelizeValue(entry)]));
    } else converted = camelizeValue(item);
    result[camelCase(key)] = converted;
  }
  return result;
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : undefined;
}

/** Maps a parsed `requirements.toml` onto the wire shape. */
export function requirementsFromToml(table: TomlTable): ConfigRequirements {
  const json = tomlToJson(table) as Record<string, unknown>;
  const { features, forced_login_method: forcedLogin, allowed_login_methods: allowedLogins, ...rest } = json;
  const mapped = camelizeValue(rest) as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const field of REQUIREMENT_FIELDS) result[field] = mapped[field] ?? null;

  const sandboxModes = stringList(mapped.allowedSandboxModes);
  if (sandboxModes !== undefined) {
    result.allowedSandboxModes = sandboxModes.filter((mode) => mode !== "external-sandbox");
  }
  const searchModes = stringList(mapped.allowedWebSearchModes);
  if (searchModes !== undefined) {
    result.allowedWebSearchModes = searchModes.includes("disabled") ? searchModes : [...searchModes, "disabled"];
  }
  if (features !== undefined && features !== null && typeof features === "object") result.featureRequirements = features;
  const logins = stringList(allowedLogins);
  result.allowedLoginMethods =
    typeof forcedLogin === "string" ? [forcedLogin] : logins !== undefined ? logins : ["api", "chatgpt"];

  const network = result.network as Record<string, unknown> | null;
  if (network !== null && typeof network === "object") {
    const domains = (network.domains ?? {}) as Record<string, unknown>;
    const sockets = (network.unixSockets ?? {}) as Record<string, unknown>;
    const byPermission = (entries: Record<string, unknown>, permission: string): string[] | null => {
      const names = Object.keys(entries).filter((name) => entries[name] === permission);
      return names.length > 0 ? names : null;
    };
    result.network = {
      ...network,
      allowedDomains: network.allowedDomains ?? byPermission(domains, "allow"),
      deniedDomains: network.deniedDomains ?? byPermission(domains, "deny"),
      allowUnixSockets: network.allowUnixSockets ?? byPermission(sockets, "allow"),
    };
  }
  return result as ConfigRequirements;
}

export function createConfigRequirementsHandlers(
  source: ServerConfigSource,
): Pick<RequestHandlers, "configRequirements/read"> {
  return {
    "configRequirements/read": async () => {
      const file = path.join(systemConfigDir(source.env), "requirements.toml");
      let table: TomlTable | undefined;
      try {
        table = (await readConfigFile(file))?.table;
      } catch (error) {
        throw internal(`failed to read configuration layers: ${(error as Error).message}`);
      }
      const response: ConfigRequirementsReadResponse = {
        requirements: table !== undefined && isTomlTable(table) && Object.keys(table).length > 0 ? requirementsFromToml(table) : null,
        supportsIndependentSpeedModes: true,
      };
      return response;
    },
  };
}
