import { expect, it } from "vitest";
import { flattenConfigOverrides } from "./config-overrides.js";
import type { CodexConfigObject } from "./options.js";

it("writes leaves as TOML literals under dotted keys", () => {
  expect(
    flattenConfigOverrides({
      model: "gpt-5",
      profiles: { fast: { model_reasoning_effort: "low", temperature: 0.5 } },
      features: { web_search_request: false },
      list: [1, "two", [true]],
    }),
  ).toEqual([
    'model="gpt-5"',
    'profiles.fast.model_reasoning_effort="low"',
    "profiles.fast.temperature=0.5",
    "features.web_search_request=false",
    'list=[1, "two", [true]]',
  ]);
});

it("escapes strings the way TOML basic strings need", () => {
  expect(flattenConfigOverrides({ s: 'a "b"\\c\nd' })).toEqual(['s="a \\"b\\"\\\\c\\nd"']);
});

it("gives nothing for an empty root and `key={}` for an empty table", () => {
  expect(flattenConfigOverrides({})).toEqual([]);
  expect(flattenConfigOverrides({ shell_environment_policy: {} })).toEqual(["shell_environment_policy={}"]);
});

it("rejects values TOML cannot hold, naming where they are", () => {
  const bad = (config: unknown) => () => flattenConfigOverrides(config as CodexConfigObject);
  expect(bad({ a: { b: null } })).toThrow("Codex config override a.b cannot be null.");
  expect(bad({ a: [1, Number.POSITIVE_INFINITY] })).toThrow("a[1] must be a finite number");
  expect(bad({ a: { "": 1 } })).toThrow("keys must be non-empty");
  expect(bad({ f: () => 1 })).toThrow("unsupported type: function");
  expect(bad(["x"])).toThrow("must be a plain object");
});
