// Turn methods: `turn/start`, `turn/steer`, `turn/interrupt`.
import type { ReasoningEffort, ReasoningSummary } from "./reasoning.js";
import type { ApprovalsReviewer, AskForApproval, SandboxPolicy } from "./sandbox.js";
import type { JsonValue } from "./scalars.js";
import type { FunctionCallOutputBody } from "./thread-item-parts.js";
import type { Personality } from "./thread-requests.js";
import type { Turn } from "./turn.js";
import type { UserInput } from "./user-input.js";

/** Output of a tool call that a turn hands back to the model. */
export interface TurnToolOutput {
  name: string;
  namespace?: string | null;
  output: FunctionCallOutputBody;
  /** Keep the output in the history after the turn. */
  retain?: boolean;
}

/**
 * Add user input to a thread and start a turn. Overrides apply to this turn and the following ones;
 * `outputSchema` to this turn only.
 */
export interface TurnStartParams {
  threadId: string;
  input: UserInput[];
  /** Id the client gives the user message; echoed as the item's `clientId`. */
  clientUserMessageId?: string | null;
  cwd?: string | null;
  approvalPolicy?: AskForApproval | null;
  approvalsReviewer?: ApprovalsReviewer | null;
  sandboxPolicy?: SandboxPolicy | null;
  model?: string | null;
  serviceTier?: string | null;
  /** Service tier of this turn only. */
  serviceTierForTurn?: string | null;
  effort?: ReasoningEffort | null;
  summary?: ReasoningSummary | null;
  personality?: Personality | null;
  /** JSON Schema the final message must follow. */
  outputSchema?: JsonValue;
  disabledPluginIds?: string[] | null;
  parentTurnId?: string | null;
  rootTurnId?: string | null;
  toolOutput?: TurnToolOutput | null;
  /** What caused the turn, for clients that start turns on their own. */
  turnTrigger?: string | null;
}

/** The new turn, `inProgress` with no items yet. */
export interface TurnStartResponse {
  turn: Turn;
}

/** Add input to the active turn. */
export interface TurnSteerParams {
  threadId: string;
  input: UserInput[];
  /** The turn the client believes is active; the request fails when another one is. */
  expectedTurnId: string;
  clientUserMessageId?: string | null;
}

export interface TurnSteerResponse {
  turnId: string;
}

/** Cancel a running turn; it ends with `turn/completed` status `interrupted`. */
export interface TurnInterruptParams {
  threadId: string;
  turnId: string;
}

export type TurnInterruptResponse = Record<string, never>;
