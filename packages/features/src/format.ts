import { type FeatureStage, stageLabel } from "./stage.js";

/** The fields of a feature row that the table shows. */
export interface FeatureTableRow {
  name: string;
  stage: FeatureStage;
  enabled: boolean;
}

/**
 * Formats rows like `codex features list`: the name padded to the longest name plus two spaces, the stage
 * label padded to the longest label plus two spaces, then `true` or `false`. Rows are sorted by name; each
 * line ends with a newline. An empty list gives an empty string.
 */
export function formatFeatureTable(rows: readonly FeatureTableRow[]): string {
  const sorted = [...rows].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const nameWidth = Math.max(0, ...sorted.map((row) => row.name.length)) + 2;
  const labelWidth = Math.max(0, ...sorted.map((row) => stageLabel(row.stage).length)) + 2;
  return sorted
    .map(
      (row) =>
        `${row.name.padEnd(nameWidth)}${stageLabel(row.stage).padEnd(labelWidth)}${String(row.enabled)}\n`,
    )
    .join("");
}
