import { describe, expect, it } from "vitest";
import { rankPaths } from "./rank-paths.js";

const order = (query: string, paths: string[]) => rankPaths(query, paths).map((m) => m.path);

describe("ranking", () => {
  it("puts an exact file name before a name prefix before a scattered match", () => {
    const paths = ["x/m_a_i_n.txt", "src/mainframe.ts", "docs/my-api-notes.md", "src/main.ts"];
    expect(order("main", paths)).toEqual(["src/main.ts", "src/mainframe.ts", "x/m_a_i_n.txt", "docs/my-api-notes.md"]);
  });

  it("prefers matches at word and path boundaries", () => {
    expect(order("fs", ["elfs.txt", "file_search.rs"])[0]).toBe("file_search.rs");
    expect(order("cfg", ["src/config.ts", "cfg/x.ts", "abcfgh"])[0]).toBe("cfg/x.ts");
  });

  it("prefers a match in the file name over one in a directory name", () => {
    expect(order("utils", ["src/utils/a.ts", "lib/utils.ts"])[0]).toBe("lib/utils.ts");
  });

  it("breaks ties deterministically: shorter path, then path order", () => {
    const paths = ["b/foo.ts", "a/foo.ts", "long/dir/foo.ts"];
    expect(order("foo", paths)).toEqual(["a/foo.ts", "b/foo.ts", "long/dir/foo.ts"]);
    expect(order("foo", [...paths].reverse())).toEqual(["a/foo.ts", "b/foo.ts", "long/dir/foo.ts"]);
  });

  it("reports matched character indices for highlighting", () => {
    const [match] = rankPaths("fsr", ["file_search.rs"]);
    // The "r" after "." sits on a word boundary, which outweighs the shorter gap to the inner "r".
    expect(match?.indices).toEqual([0, 5, 12]);
    expect(rankPaths("ab", ["x😀ab"])[0]?.indices).toEqual([2, 3]);
    expect(rankPaths("ab", ["ab"], { computeIndices: false })[0]?.indices).toBeNull();
  });

  it("matches case-insensitively unless the query has upper case", () => {
    expect(order("readme", ["README.md", "docs/readme.txt"])).toHaveLength(2);
    expect(order("README", ["README.md", "docs/readme.txt"])).toEqual(["README.md"]);
  });

  it("requires every term and honours negation and anchors", () => {
    const paths = ["src/app/main.ts", "src/app/main.rs", "test/main.ts", "lib/app.ts"];
    expect(order("app main", paths).sort()).toEqual(["src/app/main.rs", "src/app/main.ts"]);
    expect(order("main !test", paths).sort()).toEqual(["src/app/main.rs", "src/app/main.ts"]);
    expect(order("main .ts$", paths).sort()).toEqual(["src/app/main.ts", "test/main.ts"]);
    expect(order("^lib", paths)).toEqual(["lib/app.ts"]);
    expect(order("'pp/m", paths).sort()).toEqual(["src/app/main.rs", "src/app/main.ts"]);
  });

  it("applies the limit after ranking", () => {
    const paths = Array.from({ length: 100 }, (_, i) => `dir/file${String(i).padStart(3, "0")}.txt`);
    paths.push("file.txt");
    const top = rankPaths("file", paths, { limit: 3 }).map((m) => m.path);
    expect(top).toEqual(["file.txt", "dir/file000.txt", "dir/file001.txt"]);
  });

  it("returns nothing for a blank query or no match", () => {
    expect(rankPaths("", ["a"])).toEqual([]);
    expect(rankPaths("zzz", ["a/b/c"])).toEqual([]);
  });
});
