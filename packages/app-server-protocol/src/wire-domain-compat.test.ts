// The items and events core produces (`@codex-ts/protocol`) must be sendable as they are: each domain type
// is checked here, at compile time, to be assignable to the wire type of the same name.
import type * as Domain from "@codex-ts/protocol";
import { describe, expect, it } from "vitest";
import type * as Wire from "./wire/index.js";

/** Compiles only when `From` is assignable to `To`. */
type Assignable<From extends To, To> = From extends To ? true : never;

type Checks = [
  Assignable<Domain.UserInput, Wire.UserInput>,
  Assignable<Domain.TextElement, Wire.TextElement>,
  Assignable<Domain.CommandAction, Wire.CommandAction>,
  Assignable<Domain.FileUpdateChange, Wire.FileUpdateChange>,
  Assignable<Domain.PatchChangeKind, Wire.PatchChangeKind>,
  Assignable<Domain.WebSearchItemAction, Wire.WebSearchAction>,
  Assignable<Domain.McpToolCallResult, Wire.McpToolCallResult>,
  Assignable<Domain.CommandExecutionStatus, Wire.CommandExecutionStatus>,
  Assignable<Domain.CommandExecutionSource, Wire.CommandExecutionSource>,
  Assignable<Domain.PatchApplyStatus, Wire.PatchApplyStatus>,
  Assignable<Domain.McpToolCallStatus, Wire.McpToolCallStatus>,
  Assignable<Domain.ThreadItem, Wire.ThreadItem>,
  Assignable<Domain.TurnStatus, Wire.TurnStatus>,
  Assignable<Domain.CodexErrorInfo, Wire.CodexErrorInfo>,
  Assignable<Domain.TurnError, Wire.TurnError>,
  Assignable<Domain.TurnPlanStep, Wire.TurnPlanStep>,
  Assignable<Domain.TokenUsageBreakdown, Wire.TokenUsageBreakdown>,
  Assignable<Domain.ThreadTokenUsage, Wire.ThreadTokenUsage>,
  Assignable<Domain.ThreadActiveFlag, Wire.ThreadActiveFlag>,
  Assignable<Domain.ThreadStatus, Wire.ThreadStatus>,
  Assignable<Domain.ReviewDecision, Wire.FileChangeApprovalDecision>,
  Assignable<Domain.ReviewDecision, Wire.CommandExecutionApprovalDecision>,
];

describe("domain types fit the wire types", () => {
  it("compiles", () => {
    const checked: Checks["length"] = 22;
    expect(checked).toBe(22);
  });
});
