// Validators of the `command/exec*` methods and `command/exec/outputDelta`.
import { z } from "zod";
import type {
  CommandExecOutputDeltaNotification,
  CommandExecOutputStream,
  CommandExecParams,
  CommandExecResizeParams,
  CommandExecResizeResponse,
  CommandExecResponse,
  CommandExecTerminalSize,
  CommandExecTerminateParams,
  CommandExecTerminateResponse,
  CommandExecWriteParams,
  CommandExecWriteResponse,
} from "../wire/index.js";
import { exact, int32, int64, nullish, uint, uint16 } from "./exact.js";
import { sandboxPolicySchema } from "./sandbox.js";

export const commandExecTerminalSizeSchema = exact<CommandExecTerminalSize>()(z.object({ rows: uint16, cols: uint16 }));

export const commandExecParamsSchema = exact<CommandExecParams>()(
  z.object({
    command: z.array(z.string()),
    processId: nullish(z.string()),
    tty: z.boolean().optional(),
    streamStdin: z.boolean().optional(),
    streamStdoutStderr: z.boolean().optional(),
    outputBytesCap: nullish(uint),
    disableOutputCap: z.boolean().optional(),
    disableTimeout: z.boolean().optional(),
    timeoutMs: nullish(int64),
    cwd: nullish(z.string()),
    env: nullish(z.record(z.string(), z.string().nullable())),
    size: nullish(commandExecTerminalSizeSchema),
    sandboxPolicy: nullish(sandboxPolicySchema),
    permissionProfile: nullish(z.string()),
  }),
);

export const commandExecResponseSchema = exact<CommandExecResponse>()(
  z.object({ exitCode: int32, stdout: z.string(), stderr: z.string() }),
);

export const commandExecWriteParamsSchema = exact<CommandExecWriteParams>()(
  z.object({ processId: z.string(), deltaBase64: nullish(z.string()), closeStdin: z.boolean().optional() }),
);
export const commandExecWriteResponseSchema = exact<CommandExecWriteResponse>()(z.object({}));

export const commandExecTerminateParamsSchema = exact<CommandExecTerminateParams>()(z.object({ processId: z.string() }));
export const commandExecTerminateResponseSchema = exact<CommandExecTerminateResponse>()(z.object({}));

export const commandExecResizeParamsSchema = exact<CommandExecResizeParams>()(
  z.object({ processId: z.string(), size: commandExecTerminalSizeSchema }),
);
export const commandExecResizeResponseSchema = exact<CommandExecResizeResponse>()(z.object({}));

export const commandExecOutputStreamSchema = exact<CommandExecOutputStream>()(z.enum(["stdout", "stderr"]));

export const commandExecOutputDeltaNotificationSchema = exact<CommandExecOutputDeltaNotification>()(
  z.object({
    processId: z.string(),
    stream: commandExecOutputStreamSchema,
    deltaBase64: z.string(),
    capReached: z.boolean(),
  }),
);
