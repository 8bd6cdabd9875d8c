import { describe, expect, it, vi } from "vitest";

// Running as root makes chmod 000 readable, so the permission error is simulated here.
vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  return {
    ...actual,
    readFile: vi.fn(async (file: string) => {
      if (String(file).endsWith("locked.toml")) {
        throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: "EACCES" });
      }
      return actual.readFile(file);
    }),
  };
});

const { readConfigFile } = await import("./read-config-file.js");

describe("readConfigFile permission errors", () => {
  it("turns EACCES into one actionable sentence", async () => {
    const error = await readConfigFile("/etc/codex/locked.toml").then(
      () => undefined,
      (e: unknown) => e as Error & { code: string },
    );
    expect(error?.code).toBe("CONFIG_UNREADABLE");
    expect(error?.message).toBe(
      "cannot read /etc/codex/locked.toml: permission denied; give your user read access to it (for example chmod u+r) or remove it",
    );
  });
});
