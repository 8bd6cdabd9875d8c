// Child process for crash.test.ts: records items forever, printing "written <n>" after each record resolved.
import { RolloutRecorder } from "../dist/index.js";

const [codexHome] = process.argv.slice(2);
const recorder = await RolloutRecorder.create({
  codexHome,
  cwd: codexHome,
  originator: "crash_test",
  cliVersion: "0.0.0",
  source: "exec",
  git: null,
});
process.stdout.write(`path ${recorder.path}\n`);
const padding = "x".repeat(8192);
for (let n = 0; ; n++) {
  await recorder.record({ type: "event_msg", payload: { type: "agent_message", message: `${n} ${padding}` } });
  process.stdout.write(`written ${n}\n`);
}
