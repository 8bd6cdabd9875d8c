import { describe, expect, it } from "vitest";
import {
  UnknownFeatureError,
  featureOverridesFromFlags,
  suggestFeature,
  validateFeatureName,
} from "./index.js";

describe("validateFeatureName", () => {
  it("returns the canonical key, resolving aliases", () => {
    expect(validateFeatureName("shell_tool")).toBe("shell_tool");
    expect(validateFeatureName("collab")).toBe("multi_agent");
  });

  it("names the closest feature in the error", () => {
    let error: unknown;
    try {
      validateFeatureName("unifed_exec");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnknownFeatureError);
    const typed = error as UnknownFeatureError;
    expect(typed.code).toBe("UNKNOWN_FEATURE");
    expect(typed.featureName).toBe("unifed_exec");
    expect(typed.suggestion).toBe("unified_exec");
    expect(typed.message).toBe("unknown feature `unifed_exec`; did you mean `unified_exec`?");
  });

  it("suggests the canonical key when the typo is closest to an alias", () => {
    expect(suggestFeature("colab")).toBe("multi_agent");
  });

  it("suggests nothing when no feature is close", () => {
    expect(() => validateFeatureName("nosuch")).toThrow(
      "unknown feature `nosuch`; run `codex features list` to see the known features",
    );
    expect(suggestFeature("qqqqqqqqqq")).toBeUndefined();
  });
});

describe("featureOverridesFromFlags", () => {
  it("produces canonical -c overrides, disables last", () => {
    expect(
      featureOverridesFromFlags({ enable: ["collab", "network_proxy"], disable: ["shell_tool"] }),
    ).toEqual(["features.multi_agent=true", "features.network_proxy=true", "features.shell_tool=false"]);
    expect(featureOverridesFromFlags({})).toEqual([]);
  });

  it("rejects unknown names", () => {
    expect(() => featureOverridesFromFlags({ disable: ["shel_tool"] })).toThrow(
      "unknown feature `shel_tool`; did you mean `shell_tool`?",
    );
  });
});
