import { readOnlySandboxPolicy, workspaceWriteSandboxPolicy } from "@codex-ts/protocol";
import { describe, expect, it } from "vitest";
import { environmentContextText, permissionsInstructionsText } from "./environment-context.js";

describe("environment context", () => {
  it("states cwd, policies, network, roots, shell, date and time zone", () => {
    const text = environmentContextText({
      cwd: "/work/<repo>",
      approvalPolicy: "on-request",
      sandboxPolicy: workspaceWriteSandboxPolicy({ writableRoots: ["/extra"] as never, networkAccess: true }),
      shell: "bash",
      now: new Date("2026-03-04T23:30:00Z"),
      timeZone: "Asia/Tokyo",
    });
    expect(text).toBe(
      [
        "<environment_context>",
        "  <cwd>/work/&lt;repo&gt;</cwd>",
        "  <approval_policy>on-request</approval_policy>",
        "  <sandbox_mode>workspace-write</sandbox_mode>",
        "  <network_access>enabled</network_access>",
        "  <writable_roots>",
        "    <root>/extra</root>",
        "  </writable_roots>",
        "  <shell>bash</shell>",
        "  <current_date>2026-03-05</current_date>",
        "  <timezone>Asia/Tokyo</timezone>",
        "</environment_context>",
      ].join("\n"),
    );
  });

  it("describes the sandbox and approval policy for the model", () => {
    const text = permissionsInstructionsText(readOnlySandboxPolicy(), "never");
    expect(text).toContain("`read-only`");
    expect(text).toContain("Network access is restricted.");
    expect(text).toContain("Approval policy: `never`");
  });
});
