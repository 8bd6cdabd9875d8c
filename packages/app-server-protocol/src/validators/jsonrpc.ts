// Validators of the envelope types.
import { z } from "zod";
import type {
  JSONRPCError,
  JSONRPCErrorError,
  JSONRPCNotification,
  JSONRPCRequest,
  JSONRPCResponse,
  RequestId,
  W3cTraceContext,
} from "../wire/index.js";
import { exact, int64, jsonValue, nullish, optionalJsonValue } from "./exact.js";

export const requestIdSchema = exact<RequestId>()(z.union([z.string(), int64]));

export const w3cTraceContextSchema = exact<W3cTraceContext>()(
  z.object({ traceparent: nullish(z.string()), tracestate: nullish(z.string()) }),
);

export const jsonrpcRequestSchema = exact<JSONRPCRequest>()(
  z.object({
    id: requestIdSchema,
    method: z.string(),
    params: optionalJsonValue,
    trace: nullish(w3cTraceContextSchema),
  }),
);

export const jsonrpcNotificationSchema = exact<JSONRPCNotification>()(
  z.object({ method: z.string(), params: optionalJsonValue }),
);

export const jsonrpcResponseSchema = exact<JSONRPCResponse>()(z.object({ id: requestIdSchema, result: jsonValue }));

export const jsonrpcErrorErrorSchema = exact<JSONRPCErrorError>()(
  z.object({ code: int64, message: z.string(), data: optionalJsonValue }),
);

export const jsonrpcErrorSchema = exact<JSONRPCError>()(z.object({ id: requestIdSchema, error: jsonrpcErrorErrorSchema }));
