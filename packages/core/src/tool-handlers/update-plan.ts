import type { TurnPlanStep, TurnPlanStepStatus } from "@codex-ts/protocol";
import { ToolArguments, describeValue } from "./arguments.js";

/** What update_plan returns to the model; the plan itself goes to clients as an event. */
export const UPDATE_PLAN_OUTPUT = "Plan updated";

const STATUS_FROM_WIRE: Record<string, TurnPlanStepStatus> = {
  pending: "pending",
  in_progress: "inProgress",
  completed: "completed",
};

export interface UpdatePlanArguments {
  explanation: string | null;
  plan: TurnPlanStep[];
}

/**
 * Parses update_plan's arguments: `plan` (required) is a list of `{ step, status }` with status `pending`,
 * `in_progress` or `completed`; `explanation` is optional. Statuses come back in the camelCase of the v2
 * protocol (`inProgress`). Malformed arguments are a `ToolCallError`.
 */
export function parseUpdatePlanArguments(argumentsJson: string): UpdatePlanArguments {
  const args = ToolArguments.parse(argumentsJson);
  const explanation = args.optionalString("explanation") ?? null;
  const rawPlan = args.raw("plan");
  if (rawPlan === undefined) throw args.error("missing field `plan`");
  if (!Array.isArray(rawPlan)) throw args.error(`invalid type: ${describeValue(rawPlan)}, expected a sequence`);
  const plan = rawPlan.map((item): TurnPlanStep => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      throw args.error(`invalid type: ${describeValue(item)}, expected a plan item with \`step\` and \`status\``);
    }
    const { step, status } = item as { step?: unknown; status?: unknown };
    if (step === undefined) throw args.error("missing field `step`");
    if (typeof step !== "string") throw args.error(`invalid type: ${describeValue(step)}, expected a string`);
    if (status === undefined) throw args.error("missing field `status`");
    const mapped = typeof status === "string" ? STATUS_FROM_WIRE[status] : undefined;
    if (mapped === undefined) {
      throw args.error(
        typeof status === "string"
          ? `unknown variant \`${status}\`, expected one of \`pending\`, \`in_progress\`, \`completed\``
          : `invalid type: ${describeValue(status)}, expected a string`,
      );
    }
    return { step, status: mapped };
  });
  return { explanation, plan };
}
