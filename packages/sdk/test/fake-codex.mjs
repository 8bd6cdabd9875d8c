#!/usr/bin/env node
// A stand-in for `codex exec --experimental-json`. It reads `scenario.json` next to itself, appends what
// it was given (argv, env, stdin, the output schema file) as one line to `records.jsonl` next to itself,
// prints the scripted stdout lines and stderr text, then exits with the scripted code or waits forever.
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = path.dirname(process.argv[1]);
const scenario = JSON.parse(readFileSync(path.join(dir, "scenario.json"), "utf8"));

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);

const argv = process.argv.slice(2);
const schemaIndex = argv.indexOf("--output-schema");
const schemaPath = schemaIndex >= 0 ? argv[schemaIndex + 1] : undefined;
const schema = schemaPath
  ? { path: schemaPath, exists: existsSync(schemaPath), content: existsSync(schemaPath) ? readFileSync(schemaPath, "utf8") : null }
  : null;

const record = { pid: process.pid, argv, env: process.env, stdin: Buffer.concat(chunks).toString("utf8"), schema };
appendFileSync(path.join(dir, "records.jsonl"), `${JSON.stringify(record)}\n`);

for (const line of scenario.lines ?? []) {
  process.stdout.write(`${typeof line === "string" ? line : JSON.stringify(line)}\n`);
}
if (scenario.stderr) process.stderr.write(scenario.stderr);

if (scenario.hang) {
  // Keep running until killed; the test aborts the turn.
  setInterval(() => {}, 60_000);
} else {
  process.exitCode = scenario.exitCode ?? 0;
}
