import { describe, expect, it } from "vitest";
import { plainInitializeParams } from "./initialize-params.js";
import { decodeClientRequest } from "./lookup.js";

function decoded(params: unknown): unknown {
  const result = decodeClientRequest({ id: 1, method: "initialize", params });
  return result.ok ? result.value.params : undefined;
}

describe("plainInitializeParams", () => {
  it.each([
    { clientInfo: { name: "ide", version: "1.0.0" } },
    { clientInfo: { name: "ide", title: "IDE", version: "1.0.0" }, capabilities: null },
    { clientInfo: { name: "ide", title: null, version: "1" }, capabilities: { experimentalApi: true } },
    { clientInfo: { name: "ide", version: "1" }, capabilities: { optOutNotificationMethods: ["fs/changed"], requestAttestation: false } },
  ])("returns params the validator accepts unchanged: %j", (params) => {
    expect(plainInitializeParams(params)).toBe(params);
    expect(decoded(params)).toEqual(params);
  });

  it.each([
    undefined,
    null,
    [],
    {},
    { clientInfo: { name: "ide" } },
    { clientInfo: { name: 1, version: "1" } },
    { clientInfo: { name: "ide", version: "1", extra: true } },
    { clientInfo: { name: "ide", version: "1" }, extra: true },
    { clientInfo: { name: "ide", version: "1" }, capabilities: { experimentalApi: "yes" } },
    { clientInfo: { name: "ide", version: "1" }, capabilities: { optOutNotificationMethods: [1] } },
    { clientInfo: { name: "ide", version: "1" }, capabilities: { extensions: {} } },
    { clientInfo: { name: "ide", version: "1" }, capabilities: [] },
  ])("leaves anything else to the validator: %j", (params) => {
    expect(plainInitializeParams(params)).toBeUndefined();
  });
});
