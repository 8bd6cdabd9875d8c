// The comparer must fail on real mismatches: each case below takes a copy of an upstream definition,
// breaks it in one way, and checks that exactly that break is reported.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Definitions, SchemaObject } from "../schema-export/json-schema-types.js";
import { compareSchemas, pointerResolver } from "./compare-schemas.js";

const contract = JSON.parse(
  readFileSync(new URL("../../test/fixtures/upstream-app-server-v2.contract.json", import.meta.url), "utf8"),
) as { definitions: Definitions };

/** Compares upstream `name` with a copy of the upstream definitions where `name` has been edited. */
function compareWithBroken(name: string, edit: (copy: SchemaObject, all: Definitions) => void) {
  const copy = structuredClone(contract);
  edit(copy.definitions[name] as SchemaObject, copy.definitions);
  return compareSchemas(
    { node: contract.definitions[name] as SchemaObject, resolve: pointerResolver(contract) },
    { node: copy.definitions[name] as SchemaObject, resolve: pointerResolver(copy) },
    name,
  );
}

function properties(node: SchemaObject): Record<string, SchemaObject> {
  return node.properties as Record<string, SchemaObject>;
}

describe("compareSchemas", () => {
  it("finds nothing when the schemas are the same", () => {
    for (const name of Object.keys(contract.definitions)) {
      expect(compareWithBroken(name, () => {})).toEqual([]);
    }
  });

  it("reports a missing property", () => {
    const found = compareWithBroken("FsCopyParams", (node) => {
      delete properties(node).recursive;
    });
    expect(found).toEqual([{ path: "FsCopyParams.recursive", message: "property missing from ours" }]);
  });

  it("reports an extra property", () => {
    const found = compareWithBroken("FsReadFileParams", (node) => {
      properties(node).encoding = { type: "string" };
    });
    expect(found).toEqual([{ path: "FsReadFileParams.encoding", message: "property not in upstream" }]);
  });

  it("reports a changed required list in both directions", () => {
    const dropped = compareWithBroken("FsWriteFileParams", (node) => {
      node.required = ["path"];
    });
    expect(dropped).toEqual([
      { path: "FsWriteFileParams.dataBase64", message: "required upstream, optional in ours" },
    ]);
    const added = compareWithBroken("FsRemoveParams", (node) => {
      node.required = ["path", "force"];
    });
    expect(added).toEqual([{ path: "FsRemoveParams.force", message: "required in ours, optional upstream" }]);
  });

  it("reports changed nullability", () => {
    const found = compareWithBroken("CommandExecWriteParams", (node) => {
      properties(node).deltaBase64 = { type: "string" };
    });
    expect(found).toEqual([{ path: "CommandExecWriteParams.deltaBase64", message: "upstream accepts null; ours does not" }]);
  });

  it("reports a changed enum value in a referenced definition", () => {
    const found = compareWithBroken("CommandExecOutputDeltaNotification", (_node, all) => {
      all.CommandExecOutputStream = { type: "string", enum: ["stdout", "stdErr"] };
    });
    expect(found).toEqual([
      { path: "CommandExecOutputDeltaNotification.stream", message: "enum values missing from ours: stderr" },
      { path: "CommandExecOutputDeltaNotification.stream", message: "enum values not in upstream: stdErr" },
    ]);
  });

  it("follows references and arrays into nested objects", () => {
    const found = compareWithBroken("FsReadDirectoryResponse", (_node, all) => {
      const entry = all.FsReadDirectoryEntry as SchemaObject;
      delete properties(entry).isFile;
      entry.required = ["fileName", "isDirectory"];
    });
    expect(found).toEqual([
      { path: "FsReadDirectoryResponse.entries[].isFile", message: "property missing from ours" },
      { path: "FsReadDirectoryResponse.entries[].isFile", message: "required upstream, optional in ours" },
    ]);
  });

  it("matches union variants by tag and reports a missing variant or a broken variant", () => {
    const missing = compareWithBroken("SandboxPolicy", (node) => {
      node.oneOf = (node.oneOf ?? []).slice(1);
    });
    expect(missing).toEqual([{ path: "SandboxPolicy", message: "union variant type=dangerFullAccess missing from ours" }]);
    const broken = compareWithBroken("SandboxPolicy", (node) => {
      const workspaceWrite = (node.oneOf ?? [])[3] as SchemaObject;
      delete properties(workspaceWrite).excludeSlashTmp;
    });
    expect(broken).toEqual([
      { path: "SandboxPolicy<type=workspaceWrite>.excludeSlashTmp", message: "property missing from ours" },
    ]);
  });

  it("reports a string enum widened to any string, and the reverse", () => {
    const widened = compareWithBroken("SandboxMode", (node) => {
      delete node.enum;
    });
    expect(widened).toHaveLength(1);
    expect(widened[0]?.message).toMatch(/^upstream allows only read-only, workspace-write, danger-full-access/);
    const narrowed = compareWithBroken("ReasoningEffort", (node) => {
      node.enum = ["low", "high"];
    });
    expect(narrowed).toHaveLength(1);
    expect(narrowed[0]?.message).toMatch(/^upstream accepts any string/);
  });

  it("reports a value type that changed kind", () => {
    const found = compareWithBroken("FsGetMetadataResponse", (node) => {
      properties(node).createdAtMs = { type: "string" };
    });
    expect(found).toEqual([
      { path: "FsGetMetadataResponse.createdAtMs", message: "upstream accepts number; ours does not" },
      { path: "FsGetMetadataResponse.createdAtMs", message: "ours accepts strings; upstream does not" },
    ]);
  });

  it("reads a union beside shared properties as the shared object plus each member", () => {
    const shared = {
      type: "object",
      properties: { type: { type: "string", enum: ["image"] }, detail: { type: ["string", "null"] } },
      required: ["type"],
      anyOf: [
        { type: "object", properties: { url: { type: "string" } }, required: ["url"] },
        { type: "object", properties: { fileId: { type: "string" } }, required: ["fileId"] },
      ],
    };
    const spelledOut = {
      anyOf: [
        { type: "object", properties: { type: { type: "string", enum: ["image"] }, detail: { type: ["string", "null"] }, url: { type: "string" } }, required: ["type", "url"] },
        { type: "object", properties: { type: { type: "string", enum: ["image"] }, detail: { type: ["string", "null"] }, fileId: { type: "string" } }, required: ["type", "fileId"] },
      ],
    };
    const side = (node: unknown) => ({ node: node as SchemaObject, resolve: pointerResolver({}) });
    expect(compareSchemas(side(shared), side(spelledOut))).toEqual([]);
    const missing = structuredClone(spelledOut);
    missing.anyOf.pop();
    expect(compareSchemas(side(shared), side(missing))).toEqual([
      { path: "$", message: "union variant type=image{type,url} missing from ours" },
      { path: "$", message: "union variant type=image{fileId,type} missing from ours" },
      { path: "$", message: "union variant type=image not in upstream" },
    ]);
  });

  it("terminates on recursive schemas", () => {
    const tree = { definitions: { Node: { type: "object", properties: { children: { type: "array", items: { $ref: "#/definitions/Node" } } } } } };
    const side = { node: tree.definitions.Node as SchemaObject, resolve: pointerResolver(tree) };
    expect(compareSchemas(side, side)).toEqual([]);
  });
});
