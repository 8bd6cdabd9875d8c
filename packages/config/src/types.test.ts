import type { AbsolutePath } from "@codex-ts/utils-absolute-path";
import { describe, expectTypeOf, it } from "vitest";
import type { ConfigToml, LoadedConfig, McpServerConfig, ModelProviderInfo } from "./index.js";

describe("exported types", () => {
  it("types path keys as AbsolutePath and enums as unions", () => {
    expectTypeOf<NonNullable<ConfigToml["log_dir"]>>().toEqualTypeOf<AbsolutePath>();
    expectTypeOf<NonNullable<McpServerConfig["cwd"]>>().toEqualTypeOf<AbsolutePath>();
    expectTypeOf<NonNullable<NonNullable<ConfigToml["sandbox_workspace_write"]>["writable_roots"]>>().toEqualTypeOf<AbsolutePath[]>();
    expectTypeOf<NonNullable<ConfigToml["approval_policy"]>>().toEqualTypeOf<"untrusted" | "on-failure" | "on-request" | "never">();
    expectTypeOf<NonNullable<ModelProviderInfo["wire_api"]>>().toEqualTypeOf<"responses" | "chat">();
    expectTypeOf<ModelProviderInfo["name"]>().toEqualTypeOf<string>();
  });

  it("exposes the loaded config's model", () => {
    expectTypeOf<LoadedConfig["config"]>().toEqualTypeOf<ConfigToml>();
    expectTypeOf<LoadedConfig["originOf"]>().parameter(0).toEqualTypeOf<readonly (string | number)[]>();
  });
});
