import { schema } from "./json-schema.js";
import { type FunctionToolSpec, functionTool } from "./tool-spec.js";

export const UPDATE_PLAN_TOOL_NAME = "update_plan";

/**
 * Allowed plan step statuses. Upstream's schema types `status` as a plain string and lists these values in
 * its description (no `enum` keyword); the same is done here to keep the JSON identical in shape.
 */
export const PLAN_STEP_STATUSES = ["pending", "in_progress", "completed"] as const;
export type PlanStepStatus = (typeof PLAN_STEP_STATUSES)[number];

export function createUpdatePlanTool(): FunctionToolSpec {
  const item = schema.object(
    {
      status: schema.string(`Step status, one of: ${PLAN_STEP_STATUSES.join(", ")}.`),
      step: schema.string(),
    },
    ["step", "status"],
  );
  return functionTool(
    UPDATE_PLAN_TOOL_NAME,
    "Replaces the task plan. Send the full list of steps with their statuses and, optionally, a short " +
      "explanation of the change. Keep at most one step in_progress.",
    schema.object({ explanation: schema.string(), plan: schema.array(item, "The plan's steps, in order.") }, [
      "plan",
    ]),
  );
}
