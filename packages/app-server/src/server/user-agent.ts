// The `userAgent` reported by `initialize`, in the upstream format:
// `<originator>/<version> (<os type> <os version>; <arch>) <terminal> (<client name>; <client version>)`.
import { readFileSync } from "node:fs";
import os from "node:os";

/** Environment variable that replaces the client name as originator. */
export const ORIGINATOR_OVERRIDE_ENV = "CODEX_INTERNAL_ORIGINATOR_OVERRIDE";

/** `platformFamily` and `platformOs` of `initialize`. */
export function platformOf(platform: NodeJS.Platform = process.platform): { platformFamily: string; platformOs: string } {
  if (platform === "win32") return { platformFamily: "windows", platformOs: "windows" };
  return { platformFamily: "unix", platformOs: platform === "darwin" ? "macos" : platform };
}

const DISTRIBUTIONS: Record<string, string> = {
  alpine: "Alpine Linux",
  amzn: "Amazon Linux",
  arch: "Arch Linux",
  centos: "CentOS",
  debian: "Debian",
  fedora: "Fedora",
  gentoo: "Gentoo Linux",
  linuxmint: "Linux Mint",
  manjaro: "Manjaro",
  nixos: "NixOS",
  opensuse: "openSUSE",
  "opensuse-leap": "openSUSE",
  "opensuse-tumbleweed": "openSUSE",
  ol: "OracleLinux",
  pop: "Pop",
  raspbian: "Raspbian",
  rhel: "Red Hat Enterprise Linux",
  rocky: "Rocky Linux",
  ubuntu: "Ubuntu",
};

/** `12` → `12.0.0`, `22.04` → `22.4.0`; other shapes are kept as they are. */
function semanticVersion(raw: string): string {
  if (!/^\d+(\.\d+){0,2}$/.test(raw)) return raw;
  const parts = raw.split(".").map((part) => String(Number(part)));
  while (parts.length < 3) parts.push("0");
  return parts.join(".");
}

function readOsRelease(): Record<string, string> {
  for (const file of ["/etc/os-release", "/usr/lib/os-release"]) {
    try {
      const fields: Record<string, string> = {};
      for (const line of readFileSync(file, "utf8").split("\n")) {
        const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
        if (match) fields[match[1] as string] = (match[2] as string).replace(/^["']|["']$/g, "");
      }
      return fields;
    } catch {
      // try the next file
    }
  }
  return {};
}

/** Operating system name and version as `(<type> <version>; ...)` shows them. */
export function osDescription(platform: NodeJS.Platform = process.platform): { type: string; version: string } {
  if (platform === "darwin") {
    // Darwin 20 is macOS 11; the minor version follows the kernel's.
    const [major = 0, minor = 0] = os.release().split(".").map(Number);
    return { type: "Mac OS", version: major >= 20 ? `${major - 9}.${minor}.0` : `10.${major - 4}.${minor}` };
  }
  if (platform === "win32") return { type: "Windows", version: semanticVersion(os.release()) };
  if (platform === "linux") {
    const release = readOsRelease();
    const type = DISTRIBUTIONS[release.ID ?? ""] ?? "Linux";
    return { type, version: release.VERSION_ID ? semanticVersion(release.VERSION_ID) : "Unknown" };
  }
  return { type: os.type(), version: semanticVersion(os.release()) };
}

const HEADER_TOKEN = /[^A-Za-z0-9._/-]/g;

/** The terminal part of the user agent, from the environment; `unknown` when nothing identifies it. */
export function terminalUserAgent(env: NodeJS.ProcessEnv): string {
  const pick = (): string => {
    const program = env.TERM_PROGRAM?.trim();
    if (program) {
      const version = env.TERM_PROGRAM_VERSION?.trim();
      return version ? `${program}/${version}` : program;
    }
    if (env.WEZTERM_VERSION?.trim()) return `WezTerm/${env.WEZTERM_VERSION.trim()}`;
    if (env.KITTY_WINDOW_ID !== undefined || env.TERM?.includes("kitty")) return "kitty";
    if (env.ALACRITTY_SOCKET !== undefined || env.TERM === "alacritty") return "Alacritty";
    if (env.KONSOLE_VERSION?.trim()) return `Konsole/${env.KONSOLE_VERSION.trim()}`;
    if (env.GNOME_TERMINAL_SCREEN !== undefined) return "gnome-terminal";
    if (env.VTE_VERSION?.trim()) return `VTE/${env.VTE_VERSION.trim()}`;
    if (env.WT_SESSION !== undefined) return "WindowsTerminal";
    return env.TERM?.trim() || "unknown";
  };
  return pick().replace(HEADER_TOKEN, "_");
}

/** True when `value` can be sent as an HTTP header value: no control characters other than tab. */
export function isHeaderValue(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) return false;
  }
  return true;
}

let cachedSystemPart: string | undefined;

/** `(<os type> <os version>; <arch>)`, computed once per process. */
function systemPart(): string {
  if (cachedSystemPart === undefined) {
    const { type, version } = osDescription();
    cachedSystemPart = `(${type} ${version}; ${os.machine() || "unknown"})`;
  }
  return cachedSystemPart;
}

/** The user agent for a connection whose client identified itself with `clientInfo`. */
export function buildUserAgent(options: {
  serverVersion: string;
  clientName: string;
  clientVersion: string;
  env: NodeJS.ProcessEnv;
}): string {
  const override = options.env[ORIGINATOR_OVERRIDE_ENV];
  const originator = override !== undefined && isHeaderValue(override) ? override : options.clientName;
  const prefix = `${originator}/${options.serverVersion} ${systemPart()} ${terminalUserAgent(options.env)}`;
  const suffix = `${options.clientName}; ${options.clientVersion}`.trim();
  const candidate = suffix === "" ? prefix : `${prefix} (${suffix})`;
  return isHeaderValue(candidate) ? candidate : candidate.replace(/[^\x20-\x7e]/g, "_");
}
