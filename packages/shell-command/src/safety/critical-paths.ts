/** Top-level system directories whose recursive removal or permission change breaks the machine. */
const SYSTEM_DIRS = [
  "/bin",
  "/boot",
  "/dev",
  "/etc",
  "/home",
  "/lib",
  "/lib32",
  "/lib64",
  "/opt",
  "/proc",
  "/root",
  "/sbin",
  "/srv",
  "/sys",
  "/usr",
  "/var",
  "/Applications",
  "/Library",
  "/System",
  "/Users",
  "/Volumes",
  "/private",
  "/nix",
];

const CRITICAL = new Set<string>([
  "/",
  "/*",
  "/.*",
  "~",
  "~/*",
  "~/.*",
  "*",
  ".*",
  ".",
  "./*",
  "..",
  "../*",
  "$HOME",
  "${HOME}",
  "$HOME/*",
  "${HOME}/*",
  "$HOME/.*",
  "${HOME}/.*",
  ...SYSTEM_DIRS,
  ...SYSTEM_DIRS.map((dir) => `${dir}/*`),
]);

/**
 * True for paths whose wholesale deletion or permission change is catastrophic: `/`, `~`, `$HOME`, `.`,
 * `..`, `*` and the top-level system directories (with or without a trailing `/` or `/*`).
 */
export function isCriticalPath(path: string): boolean {
  let normalized = path.replace(/\/{2,}/g, "/");
  while (normalized.length > 1 && normalized.endsWith("/")) normalized = normalized.slice(0, -1);
  while (normalized.startsWith("./") && normalized.length > 2) normalized = normalized.slice(2);
  if (normalized.endsWith("/.")) normalized = normalized.slice(0, -2) || "/";
  return CRITICAL.has(normalized);
}

/** Device files a write to which is harmless. */
const HARMLESS_DEVICES = new Set(["/dev/null", "/dev/zero", "/dev/stdout", "/dev/stderr", "/dev/tty", "/dev/full", "/dev/random", "/dev/urandom"]);

/** True for writes that go to a raw device (disk, memory) rather than a file. */
export function isRawDeviceTarget(path: string): boolean {
  return path.startsWith("/dev/") && !HARMLESS_DEVICES.has(path) && !path.startsWith("/dev/fd/") && !path.startsWith("/dev/pts/") && !path.startsWith("/dev/shm/");
}
