import { describe, expect, it } from "vitest";
import { ConfigError } from "./diagnostics.js";
import { selectProfile } from "./profile-selection.js";

describe("selectProfile", () => {
  const merged = { profile: "deep", profiles: { fast: { model: "mini" }, deep: { model: "big" } } };

  it("prefers the requested profile over the profile key", () => {
    expect(selectProfile("fast", merged)).toEqual({ name: "fast", table: { model: "mini" } });
    expect(selectProfile(undefined, merged)).toEqual({ name: "deep", table: { model: "big" } });
    expect(selectProfile(undefined, { profiles: merged.profiles })).toBeUndefined();
  });

  it("names the known profiles when the profile does not exist", () => {
    let error: ConfigError | undefined;
    try {
      selectProfile("slow", merged);
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.code).toBe("CONFIG_UNKNOWN_PROFILE");
    expect(error?.message).toBe("config profile `slow` not found; choose one of `fast`, `deep`");
  });

  it("says how to define a profile when there are none", () => {
    expect(() => selectProfile("my.profile", {})).toThrow(
      'config profile `my.profile` not found; define it in a [profiles."my.profile"] table in config.toml',
    );
  });
});
