import { describe, expect, it } from "vitest";
import {
  NotAbsolutePathError,
  absolutePath,
  isAbsolutePath,
  joinAbsolutePath,
  parentOf,
  resolveAbsolutePath,
} from "./index.js";

describe("absolutePath", () => {
  it("normalises dots, duplicate and trailing separators", () => {
    expect(absolutePath("/a//b/./c/../d/")).toBe("/a/b/d");
    expect(absolutePath("/")).toBe("/");
  });

  it("rejects relative and empty paths with a typed error", () => {
    expect(() => absolutePath("a/b")).toThrow(NotAbsolutePathError);
    expect(() => absolutePath("")).toThrow('expected an absolute path, got ""');
  });
});

describe("resolveAbsolutePath", () => {
  const base = absolutePath("/home/me/project/.codex");

  it("resolves relative paths against the base", () => {
    expect(resolveAbsolutePath("../out", base)).toBe("/home/me/project/out");
    expect(resolveAbsolutePath("cache", base)).toBe("/home/me/project/.codex/cache");
  });

  it("keeps absolute paths and expands ~ when a home is given", () => {
    expect(resolveAbsolutePath("/opt/x/", base)).toBe("/opt/x");
    expect(resolveAbsolutePath("~/notes", base, "/home/me")).toBe("/home/me/notes");
    expect(resolveAbsolutePath("~", base, "/home/me")).toBe("/home/me");
    expect(resolveAbsolutePath("~/notes", base)).toBe("/home/me/project/.codex/~/notes");
  });
});

describe("helpers", () => {
  it("joins, finds parents and recognises absolute paths", () => {
    const root = absolutePath("/srv");
    expect(joinAbsolutePath(root, "a", "..", "b")).toBe("/srv/b");
    expect(parentOf(absolutePath("/srv/b"))).toBe("/srv");
    expect(parentOf(absolutePath("/"))).toBe("/");
    expect(isAbsolutePath("/x")).toBe(true);
    expect(isAbsolutePath("x")).toBe(false);
  });
});
