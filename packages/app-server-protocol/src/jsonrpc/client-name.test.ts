import { describe, expect, it } from "vitest";
import { isValidClientName } from "./client-name.js";

describe("isValidClientName", () => {
  it("accepts visible ASCII, spaces and tabs", () => {
    expect(isValidClientName("codex_vscode")).toBe(true);
    expect(isValidClientName("My Client\t1.0 (beta)")).toBe(true);
  });

  it("rejects control characters, DEL and non-ASCII", () => {
    expect(isValidClientName("bad\nname")).toBe(false);
    expect(isValidClientName("del\u007f")).toBe(false);
    expect(isValidClientName("café")).toBe(false);
  });
});
