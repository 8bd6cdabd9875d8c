import { describe, expect, it } from "vitest";
import { TurnDiffTracker } from "./turn-diff-tracker.js";

describe("TurnDiffTracker", () => {
  it("diffs each file against its content before the turn's first change", () => {
    const tracker = new TurnDiffTracker("/w");
    tracker.record("/w/a.txt", "one\ntwo\n", "one\n2\n");
    tracker.record("/w/a.txt", "one\n2\n", "one\nthree\n");
    tracker.record("/w/new.txt", null, "hello\n");
    expect(tracker.unifiedDiff()).toBe(
      [
        "diff --git a/a.txt b/a.txt",
        "--- a/a.txt",
        "+++ b/a.txt",
        "@@ -1,2 +1,2 @@",
        " one",
        "-two",
        "+three",
        "diff --git a/new.txt b/new.txt",
        "new file mode 100644",
        "--- /dev/null",
        "+++ b/new.txt",
        "@@ -0,0 +1,1 @@",
        "+hello",
        "",
      ].join("\n"),
    );
  });

  it("shows deletions and moves, and nothing for a change undone", () => {
    const tracker = new TurnDiffTracker("/w");
    tracker.record("/w/gone.txt", "bye\n", null);
    tracker.record("/w/old.txt", "x\n", "x\n", "/w/moved.txt");
    tracker.record("/w/same.txt", "a\n", "b\n");
    tracker.record("/w/same.txt", "b\n", "a\n");
    const diff = tracker.unifiedDiff();
    expect(diff).toContain("diff --git a/gone.txt b/gone.txt\ndeleted file mode 100644\n--- a/gone.txt\n+++ /dev/null");
    expect(diff).toContain("diff --git a/moved.txt b/moved.txt\nnew file mode 100644");
    expect(diff).toContain("diff --git a/old.txt b/old.txt\ndeleted file mode 100644");
    expect(diff).not.toContain("same.txt");
  });
});
