// Schemas of the method-tagged unions (`ClientRequest`, `ServerNotification`, ...), built from the registry.
import type { NotificationDefinition, RequestDefinition } from "../registry/definitions.js";
import { DEFINITIONS_PREFIX, type SchemaObject } from "./json-schema-types.js";

function ref(name: string): SchemaObject {
  return { $ref: `${DEFINITIONS_PREFIX}${name}` };
}

/** `fs/readFile` → `Fs/readFile`: the prefix of the titles of a method's union member. */
function titleBase(method: string): string {
  return method.charAt(0).toUpperCase() + method.slice(1);
}

function methodProperty(method: string, title: string): SchemaObject {
  return { type: "string", enum: [method], title: `${title}Method` };
}

function requestMember(definition: RequestDefinition): SchemaObject {
  const title = `${titleBase(definition.method)}Request`;
  const params = definition.typeNames.params;
  return {
    type: "object",
    title,
    properties: {
      id: ref("RequestId"),
      method: methodProperty(definition.method, title),
      params: params === null ? { type: "null" } : ref(params),
    },
    required: params === null ? ["id", "method"] : ["id", "method", "params"],
  };
}

function notificationMember(definition: NotificationDefinition): SchemaObject {
  const title = `${titleBase(definition.method)}Notification`;
  const params = definition.typeNames.params;
  const member: SchemaObject = {
    type: "object",
    title,
    properties: { method: methodProperty(definition.method, title) },
    required: ["method"],
  };
  if (params !== null && member.properties && member.required) {
    member.properties.params = ref(params);
    member.required.push("params");
  }
  return member;
}

/** A union of requests tagged by `method`, or undefined when there are none. */
export function requestUnion(
  title: string,
  description: string,
  definitions: readonly RequestDefinition[],
): SchemaObject | undefined {
  if (definitions.length === 0) return undefined;
  return { title, description, oneOf: definitions.map(requestMember) };
}

/** A union of notifications tagged by `method`, or undefined when there are none. */
export function notificationUnion(
  title: string,
  description: string,
  definitions: readonly NotificationDefinition[],
  extraProperties?: Record<string, SchemaObject>,
): SchemaObject | undefined {
  if (definitions.length === 0) return undefined;
  const union: SchemaObject = { title, description, oneOf: definitions.map(notificationMember) };
  if (extraProperties) union.properties = extraProperties;
  return union;
}
