import { describe, expect, it } from "vitest";
import {
  alreadyInitializedError,
  experimentalApiRequiredError,
  internalError,
  invalidClientNameError,
  invalidParamsError,
  invalidRequestError,
  methodNotFoundError,
  notInitializedError,
  parseError,
  RpcError,
  serverDrainingError,
  serverOverloadedError,
} from "./errors.js";

describe("error builders", () => {
  it("use the upstream codes and texts", () => {
    expect(notInitializedError()).toEqual({ code: -32600, message: "Not initialized" });
    expect(alreadyInitializedError()).toEqual({ code: -32600, message: "Already initialized" });
    expect(serverOverloadedError()).toEqual({ code: -32001, message: "Server overloaded; retry later." });
    expect(experimentalApiRequiredError("command/exec.permissionProfile")).toEqual({
      code: -32600,
      message: "command/exec.permissionProfile requires experimentalApi capability",
    });
    expect(invalidClientNameError("bad\nname")).toEqual({
      code: -32600,
      message: "Invalid clientInfo.name: 'bad\nname'. Must be a valid HTTP header value.",
    });
    expect(serverDrainingError()).toEqual({
      code: -32600,
      message: "Server is draining; retry after reconnecting",
      data: { reason: "serverShuttingDown" },
    });
  });

  it("prefix detail messages and keep data only when given", () => {
    expect(invalidRequestError("missing field `path`")).toEqual({
      code: -32600,
      message: "Invalid request: missing field `path`",
    });
    expect(parseError("Unexpected end")).toEqual({ code: -32700, message: "Parse error: Unexpected end" });
    expect(methodNotFoundError("x is not supported")).toEqual({ code: -32601, message: "x is not supported" });
    expect(invalidParamsError("bad", { field: "path" })).toEqual({ code: -32602, message: "bad", data: { field: "path" } });
    expect(internalError("oops")).toEqual({ code: -32603, message: "oops" });
  });

  it("RpcError carries the error object", () => {
    const error = new RpcError(invalidParamsError("path must be absolute"));
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe("path must be absolute");
    expect(error.toJSON()).toEqual({ code: -32602, message: "path must be absolute" });
  });
});
