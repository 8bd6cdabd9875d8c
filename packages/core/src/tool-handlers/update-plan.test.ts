import { describe, expect, it } from "vitest";
import { UPDATE_PLAN_OUTPUT, parseUpdatePlanArguments } from "./update-plan.js";

describe("update_plan", () => {
  it("converts statuses to the v2 casing", () => {
    const args = {
      explanation: "narrowed scope",
      plan: [
        { step: "read code", status: "completed" },
        { step: "write fix", status: "in_progress" },
        { step: "run tests", status: "pending" },
      ],
    };
    expect(parseUpdatePlanArguments(JSON.stringify(args))).toEqual({
      explanation: "narrowed scope",
      plan: [
        { step: "read code", status: "completed" },
        { step: "write fix", status: "inProgress" },
        { step: "run tests", status: "pending" },
      ],
    });
    expect(parseUpdatePlanArguments('{"plan":[]}')).toEqual({ explanation: null, plan: [] });
    expect(UPDATE_PLAN_OUTPUT).toBe("Plan updated");
  });

  it("rejects malformed plans with the argument-error prefix", () => {
    const parse = (value: unknown) => () => parseUpdatePlanArguments(JSON.stringify(value));
    expect(parse({})).toThrow("failed to parse function arguments: missing field `plan`");
    expect(parse({ plan: "x" })).toThrow('invalid type: string "x", expected a sequence');
    expect(parse({ plan: [{ step: "a", status: "done" }] })).toThrow("unknown variant `done`");
    expect(parse({ plan: [{ step: "a", status: "inProgress" }] })).toThrow("unknown variant `inProgress`");
    expect(parse({ plan: [{ status: "pending" }] })).toThrow("missing field `step`");
    expect(parse({ plan: [{ step: 3, status: "pending" }] })).toThrow("invalid type: integer `3`, expected a string");
    expect(parse({ plan: [], explanation: 5 })).toThrow("invalid type: integer `5`, expected a string");
  });
});
