import { describe, expect, it } from "vitest";
import { FEATURE_STAGES, formatFeatureTable, resolveFeatures, stageLabel, wireStage } from "./index.js";

describe("formatFeatureTable", () => {
  it("pads names and labels to the longest plus two and sorts by name", () => {
    const text = formatFeatureTable([
      { name: "zeta", stage: "stable", enabled: true },
      { name: "alpha_feature", stage: "underDevelopment", enabled: false },
      { name: "beta", stage: "experimental", enabled: false },
      { name: "gone", stage: "removed", enabled: true },
    ]);
    expect(text).toBe(
      [
        "alpha_feature  under development  false",
        "beta           experimental       false",
        "gone           removed            true",
        "zeta           stable             true",
        "",
      ].join("\n"),
    );
  });

  it("sizes the label column from the labels present", () => {
    expect(
      formatFeatureTable([
        { name: "b", stage: "beta", enabled: true },
        { name: "a", stage: "deprecated", enabled: false },
      ]),
    ).toBe("a  deprecated  false\nb  beta        true\n");
  });

  it("prints nothing for no rows", () => {
    expect(formatFeatureTable([])).toBe("");
  });

  it("formats the resolved registry one line per feature", () => {
    const list = resolveFeatures({ disable: ["shell_tool"] }).list();
    const lines = formatFeatureTable(list).trimEnd().split("\n");
    expect(lines).toHaveLength(list.length);
    const width = Math.max(...list.map((row) => row.name.length)) + 2;
    const shellLine = lines.find((line) => line.startsWith("shell_tool "));
    expect(shellLine).toBe(`${"shell_tool".padEnd(width)}${"stable".padEnd(19)}false`);
  });
});

describe("stage names", () => {
  it("labels every stage and maps previews to the wire name beta", () => {
    expect(FEATURE_STAGES.map(stageLabel)).toEqual([
      "under development",
      "experimental",
      "beta",
      "stable",
      "deprecated",
      "removed",
    ]);
    expect(FEATURE_STAGES.map(wireStage)).toEqual([
      "underDevelopment",
      "beta",
      "beta",
      "stable",
      "deprecated",
      "removed",
    ]);
  });
});
