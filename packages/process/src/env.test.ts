import { describe, expect, it } from "vitest";
import { buildEnv } from "./env.js";

describe("buildEnv", () => {
  it("copies the base and drops undefined values", () => {
    expect(buildEnv({ A: "1", B: undefined })).toEqual({ A: "1" });
  });

  it("sets, replaces and unsets on top of the base", () => {
    const env = buildEnv({ KEEP: "k", REPLACE: "old", DROP: "d" }, { REPLACE: "new", DROP: null, ADD: "a", NONE: undefined });
    expect(env).toEqual({ KEEP: "k", REPLACE: "new", ADD: "a" });
  });

  it("does not modify the base", () => {
    const base = { A: "1" };
    buildEnv(base, { A: null });
    expect(base).toEqual({ A: "1" });
  });

  it("defaults to process.env", () => {
    expect(buildEnv().PATH).toBe(process.env.PATH);
  });
});
