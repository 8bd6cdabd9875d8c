import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createConfigRequirementsHandlers } from "./config-requirements.js";
import { TestConnection, testContext } from "./test-context.js";

let root: string;
let systemDir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "config-requirements-"));
  systemDir = path.join(root, "etc");
  await mkdir(systemDir);
  await mkdir(path.join(root, "home"));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function read() {
  const handlers = createConfigRequirementsHandlers({
    codexHome: path.join(root, "home"),
    configOverrides: [],
    env: { CODEX_SYSTEM_CONFIG_DIR: systemDir },
  });
  return handlers["configRequirements/read"]!(undefined, testContext(new TestConnection(), { codexHome: path.join(root, "home") }));
}

describe("configRequirements/read", () => {
  it("is null without a requirements.toml, even when CODEX_HOME has one", async () => {
    await writeFile(path.join(root, "home", "requirements.toml"), 'allowed_sandbox_modes = ["read-only"]\n');
    expect(await read()).toEqual({ requirements: null, supportsIndependentSpeedModes: true });
  });

  it("maps the system requirements.toml onto the wire shape", async () => {
    await writeFile(
      path.join(systemDir, "requirements.toml"),
      [
        'allowed_approval_policies = ["never", "on-request"]',
        'allowed_sandbox_modes = ["read-only", "external-sandbox"]',
        'allowed_web_search_modes = ["cached"]',
        'enforce_residency = "us"',
        "[features]",
        "apps = false",
        "[network]",
        "enabled = true",
        "http_port = 8080",
        'domains = { "api.openai.com" = "allow", "example.com" = "deny" }',
        "[model_providers.corp]",
        'base_url = "https://llm.corp"',
        "",
      ].join("\n"),
    );
    const { requirements } = await read();
    expect(requirements).toMatchObject({
      allowedApprovalPolicies: ["never", "on-request"],
      allowedSandboxModes: ["read-only"],
      allowedWebSearchModes: ["cached", "disabled"],
      enforceResidency: "us",
      featureRequirements: { apps: false },
      allowedLoginMethods: ["api", "chatgpt"],
      modelProviders: { corp: { base_url: "https://llm.corp" } },
      network: {
        enabled: true,
        httpPort: 8080,
        domains: { "api.openai.com": "allow", "example.com": "deny" },
        allowedDomains: ["api.openai.com"],
        deniedDomains: ["example.com"],
      },
      allowedApprovalsReviewers: null,
      hooks: null,
      otel: null,
    });
  });

  it("narrows the login methods to a forced one", async () => {
    await writeFile(path.join(systemDir, "requirements.toml"), 'forced_login_method = "chatgpt"\n');
    expect((await read()).requirements?.allowedLoginMethods).toEqual(["chatgpt"]);
  });
});
