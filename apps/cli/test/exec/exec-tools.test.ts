// Tool calls through `codex exec`: commands, parallel calls, apply_patch and update_plan, checked in the
// JSONL events, on disk and in what the model receives on the next request.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { customToolCall, functionCall, message, turn, webSearchCall } from "@codex-ts/test-support";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupHarnesses, execHarness, inputOf, jsonEvents, readText, toolOutput, expectCode, turnFrom } from "./exec-harness.js";

afterAll(cleanupHarnesses);

const patch = (...lines: string[]) => ["*** Begin Patch", ...lines, "*** End Patch"].join("\n");

describe.concurrent("commands", { timeout: 40_000 }, () => {
  it("runs exec_command and sends its output back before the final answer", async () => {
    const h = await execHarness();
    h.server.enqueue(
      turn([functionCall("exec_command", { cmd: "echo tool-output-marker", workdir: h.workspace }, "call_echo")]),
      turn([message("The command printed the marker.")]),
    );

    const run = await h.run(["exec", "--json", "run echo"]);

    expectCode(run, 0);
    const events = jsonEvents(run.stdout);
    expect(events.map((event) => event.type)).toEqual([
      "thread.started",
      "turn.started",
      "item.started",
      "item.completed",
      "item.completed",
      "turn.completed",
    ]);
    expect(events[2]?.["item"]).toMatchObject({ id: "item_0", type: "command_execution", status: "in_progress", aggregated_output: "" });
    expect(events[3]?.["item"]).toMatchObject({
      id: "item_0",
      type: "command_execution",
      aggregated_output: "tool-output-marker\n",
      exit_code: 0,
      status: "completed",
    });
    expect(String((events[3]?.["item"] as { command?: string } | undefined)?.command)).toContain("echo tool-output-marker");
    expect(events[4]?.["item"]).toEqual({ id: "item_1", type: "agent_message", text: "The command printed the marker." });

    expect(h.server.responsesRequests).toHaveLength(2);
    const output = toolOutput(h.server.responsesRequests[1], "call_echo");
    expect(output).toContain("tool-output-marker");
    expect(output).toMatch(/exited with code 0/);
    expect(h.server.pending).toBe(0);
  });

  it("human mode shows the command, its output and the patch on stderr, the answer alone on stdout", async () => {
    const h = await execHarness();
    h.server.enqueue(
      turn([
        functionCall("exec_command", { cmd: "echo visible-progress" }, "call_human"),
        customToolCall("apply_patch", patch("*** Add File: shown.txt", "+x"), "call_human_patch"),
      ]),
      turn([message("Finished.")]),
    );
    const run = await h.run(["exec", "--full-auto", "go"]);
    expectCode(run, 0);
    expect(run.stdout).toBe("Finished.\n");
    expect(run.stderr).toContain("echo visible-progress");
    expect(run.stderr).toMatch(/\nvisible-progress\n/);
    expect(run.stderr).toMatch(/A .*shown\.txt/);
  });

  it("keeps a command running as a session and feeds it with write_stdin", async () => {
    const h = await execHarness();
    h.server.enqueue(
      turn([functionCall("exec_command", { cmd: "read line; echo got:$line", tty: true, yield_time_ms: 300 }, "call_start")]),
      turnFrom(h.server, (request) => {
        const session = /session ID (\d+)/.exec(toolOutput(request, "call_start"))?.[1];
        return [functionCall("write_stdin", { session_id: Number(session), chars: "hello-stdin\n", yield_time_ms: 5000 }, "call_write")];
      }),
      turn([message("Fed it.")]),
    );

    const run = await h.run(["exec", "--json", "interact"]);

    expectCode(run, 0);
    expect(toolOutput(h.server.responsesRequests[1], "call_start")).toMatch(/Process running with session ID \d+/);
    const fed = toolOutput(h.server.responsesRequests[2], "call_write");
    expect(fed).toContain("got:hello-stdin");
    expect(fed).toMatch(/exited with code 0/);
    expect(h.server.pending).toBe(0);
  });

  it("answers an unknown tool and malformed arguments with an error the model sees, and goes on", async () => {
    const h = await execHarness();
    h.server.enqueue(
      turn([
        functionCall("no_such_tool", { a: 1 }, "call_unknown"),
        { ...functionCall("exec_command", {}, "call_malformed"), arguments: "{not json" },
      ]),
      turn([message("Recovered.")]),
    );
    const run = await h.run(["exec", "--json", "x"]);
    expectCode(run, 0);
    const next = h.server.responsesRequests[1];
    expect(toolOutput(next, "call_unknown")).toMatch(/no_such_tool/);
    expect(toolOutput(next, "call_malformed")).toMatch(/pars/i);
    expect(jsonEvents(run.stdout).at(-1)?.type).toBe("turn.completed");
  });

  it("reports a failing command's exit code and output to the model", async () => {
    const h = await execHarness();
    h.server.enqueue(
      turn([functionCall("exec_command", { cmd: "echo broken >&2; exit 3" }, "call_fail")]),
      turn([message("It failed.")]),
    );
    const run = await h.run(["exec", "--json", "fail"]);
    expectCode(run, 0);
    const completed = jsonEvents(run.stdout).find((event) => event.type === "item.completed")?.["item"];
    expect(completed).toMatchObject({ type: "command_execution", exit_code: 3, status: "failed" });
    const output = toolOutput(h.server.responsesRequests[1], "call_fail");
    expect(output).toContain("broken");
    expect(output).toMatch(/exited with code 3/);
  });

  it("runs two exec_command calls from one response at the same time and sends both outputs back", async () => {
    const h = await execHarness();
    // Each command marks that it started and waits (bounded) for the other: both see each other only
    // when they run concurrently.
    const rendezvous = (self: string, other: string) =>
      `touch ${self}.started; for i in $(seq 200); do [ -e ${other}.started ] && break; sleep 0.02; done; ` +
      `[ -e ${other}.started ] && echo ${self}-saw-${other}`;
    h.server.enqueue(
      turn([
        functionCall("exec_command", { cmd: rendezvous("first", "second") }, "call_a"),
        functionCall("exec_command", { cmd: rendezvous("second", "first") }, "call_b"),
      ]),
      turn([message("Both ran.")]),
    );

    const run = await h.run(["exec", "--json", "--full-auto", "run two"]);

    expectCode(run, 0);
    const completed = jsonEvents(run.stdout)
      .filter((event) => event.type === "item.completed")
      .map((event) => event["item"] as { type: string; aggregated_output?: string });
    expect(completed.filter((item) => item.type === "command_execution").map((item) => item.aggregated_output).sort()).toEqual([
      "first-saw-second\n",
      "second-saw-first\n",
    ]);
    const next = h.server.responsesRequests[1];
    expect(toolOutput(next, "call_a")).toContain("first-saw-second");
    expect(toolOutput(next, "call_b")).toContain("second-saw-first");
    // Each call precedes its output in the history the model sees.
    const types = inputOf(next)
      .filter((item) => item.call_id)
      .map((item) => `${item.type}:${item.call_id}`);
    expect(types.indexOf("function_call:call_a")).toBeLessThan(types.indexOf("function_call_output:call_a"));
    expect(types.indexOf("function_call:call_b")).toBeLessThan(types.indexOf("function_call_output:call_b"));
  });
});

describe.concurrent("apply_patch", { timeout: 40_000 }, () => {
  it("adds, updates, deletes and moves files on disk", async () => {
    const h = await execHarness();
    await writeFile(path.join(h.workspace, "update.txt"), "alpha\nbeta\ngamma\n");
    await writeFile(path.join(h.workspace, "delete.txt"), "bye\n");
    await writeFile(path.join(h.workspace, "move.txt"), "one\ntwo\n");
    const text = patch(
      "*** Add File: added/new.txt",
      "+brand new",
      "+second line",
      "*** Update File: update.txt",
      "@@",
      " alpha",
      "-beta",
      "+BETA",
      " gamma",
      "*** Delete File: delete.txt",
      "*** Update File: move.txt",
      "*** Move to: moved/renamed.txt",
      "@@",
      " one",
      "-two",
      "+TWO",
    );
    h.server.enqueue(turn([customToolCall("apply_patch", text, "call_patch")]), turn([message("Patched.")]));

    const run = await h.run(["exec", "--json", "--full-auto", "patch it"]);

    expectCode(run, 0);
    expect(await readText(path.join(h.workspace, "added/new.txt"))).toBe("brand new\nsecond line\n");
    expect(await readText(path.join(h.workspace, "update.txt"))).toBe("alpha\nBETA\ngamma\n");
    expect(await readText(path.join(h.workspace, "delete.txt"))).toBeUndefined();
    expect(await readText(path.join(h.workspace, "move.txt"))).toBeUndefined();
    expect(await readText(path.join(h.workspace, "moved/renamed.txt"))).toBe("one\nTWO\n");

    const change = jsonEvents(run.stdout).find(
      (event) => event.type === "item.completed" && (event["item"] as { type: string }).type === "file_change",
    )?.["item"] as { status: string; changes: Array<{ path: string; kind: string }> };
    expect(change.status).toBe("completed");
    const kinds = Object.fromEntries(change.changes.map((entry) => [path.basename(entry.path), entry.kind]));
    expect(kinds).toMatchObject({ "new.txt": "add", "update.txt": "update", "delete.txt": "delete" });
    expect(kinds["move.txt"] ?? kinds["renamed.txt"]).toBe("update");

    const output = toolOutput(h.server.responsesRequests[1], "call_patch");
    expect(output).toMatch(/A added\/new\.txt/);
    expect(output).toMatch(/D delete\.txt/);
  });

  it("reports a hunk that does not apply to the model and leaves the file alone", async () => {
    const h = await execHarness();
    await writeFile(path.join(h.workspace, "keep.txt"), "real line\n");
    const text = patch("*** Update File: keep.txt", "@@", "-a line that is not there", "+replacement");
    h.server.enqueue(turn([customToolCall("apply_patch", text, "call_bad")]), turn([message("The patch failed.")]));

    const run = await h.run(["exec", "--json", "--full-auto", "patch it"]);

    expectCode(run, 0);
    expect(await readFile(path.join(h.workspace, "keep.txt"), "utf8")).toBe("real line\n");
    const output = toolOutput(h.server.responsesRequests[1], "call_bad");
    expect(output).toContain("a line that is not there");
    expect(output).toMatch(/keep\.txt/);
  });

  it("is refused in the default read-only sandbox and nothing is written", async () => {
    const h = await execHarness();
    const text = patch("*** Add File: blocked.txt", "+nope");
    h.server.enqueue(turn([customToolCall("apply_patch", text, "call_ro")]), turn([message("Could not write.")]));

    const run = await h.run(["exec", "--json", "patch it"]);

    expectCode(run, 0);
    expect(await readText(path.join(h.workspace, "blocked.txt"))).toBeUndefined();
    expect(toolOutput(h.server.responsesRequests[1], "call_ro")).toMatch(/patch rejected/);
    const change = jsonEvents(run.stdout).find((event) => (event["item"] as { type?: string } | undefined)?.type === "file_change");
    expect(change).toMatchObject({ type: "item.completed", item: { status: "failed", changes: [{ kind: "add" }] } });
  });

  it("writes into a subdirectory of the workspace given as the working directory", async () => {
    const h = await execHarness();
    await mkdir(path.join(h.workspace, "pkg"));
    const text = patch("*** Add File: inner.txt", "+inside pkg");
    h.server.enqueue(turn([customToolCall("apply_patch", text, "call_sub")]), turn([message("ok")]));
    const run = await h.run(["exec", "--full-auto", "-C", "pkg", "patch"]);
    expectCode(run, 0);
    expect(await readText(path.join(h.workspace, "pkg", "inner.txt"))).toBe("inside pkg\n");
  });
});

describe.concurrent("update_plan", { timeout: 40_000 }, () => {
  it("becomes a todo_list item: started, updated, completed at the end of the turn", async () => {
    const h = await execHarness();
    h.server.enqueue(
      turn([
        functionCall(
          "update_plan",
          { plan: [{ step: "Read code", status: "in_progress" }, { step: "Fix bug", status: "pending" }] },
          "call_plan_1",
        ),
      ]),
      turn([
        functionCall(
          "update_plan",
          { plan: [{ step: "Read code", status: "completed" }, { step: "Fix bug", status: "in_progress" }] },
          "call_plan_2",
        ),
      ]),
      turn([message("Planned.")]),
    );

    const run = await h.run(["exec", "--json", "plan"]);

    expectCode(run, 0);
    const todo = jsonEvents(run.stdout).filter((event) => (event["item"] as { type?: string } | undefined)?.type === "todo_list");
    expect(todo.map((event) => event.type)).toEqual(["item.started", "item.updated", "item.completed"]);
    const ids = new Set(todo.map((event) => (event["item"] as { id: string }).id));
    expect(ids.size).toBe(1);
    expect((todo[0]?.["item"] as { items?: unknown } | undefined)?.items).toEqual([
      { text: "Read code", completed: false },
      { text: "Fix bug", completed: false },
    ]);
    expect((todo[2]?.["item"] as { items?: unknown } | undefined)?.items).toEqual([
      { text: "Read code", completed: true },
      { text: "Fix bug", completed: false },
    ]);
    expect(toolOutput(h.server.responsesRequests[1], "call_plan_1")).toBe("Plan updated");
    // The turn ends after the message, so the todo list closes before turn.completed.
    const types = jsonEvents(run.stdout).map((event) => event.type);
    expect(types.at(-1)).toBe("turn.completed");
  });
});

describe.concurrent("other tools", { timeout: 40_000 }, () => {
  it("view_image puts the image into the next request", async () => {
    const h = await execHarness();
    await writeFile(
      path.join(h.workspace, "shot.png"),
      Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"),
    );
    h.server.enqueue(turn([functionCall("view_image", { path: "shot.png" }, "call_view")]), turn([message("I see a dot.")]));
    const run = await h.run(["exec", "--json", "look"]);
    expectCode(run, 0);
    const next = JSON.stringify(inputOf(h.server.responsesRequests[1]));
    expect(next).toContain("data:image/png;base64,");
    expect(toolOutput(h.server.responsesRequests[1], "call_view").length).toBeGreaterThan(0);
  });

  it("a web search call becomes a web_search item", async () => {
    const h = await execHarness();
    h.server.enqueue(turn([webSearchCall("codex exec flags"), message("Found it.")]));
    const run = await h.run(["exec", "--json", "search"]);
    expectCode(run, 0);
    const search = jsonEvents(run.stdout).find(
      (event) => event.type === "item.completed" && (event["item"] as { type: string }).type === "web_search",
    );
    expect(search?.["item"]).toMatchObject({ type: "web_search", query: "codex exec flags" });
  });
});
