#!/usr/bin/env node
// Runs inside the sandbox when the network goes through a proxy: listens on the sandbox's own loopback, relays
// to the proxy's unix socket, and runs the command with the proxy variables pointing at it.
//   forwarder.js --socket PATH [--setenv NAME=VALUE]... -- COMMAND [ARG...]
import { spawn } from "node:child_process";
import { exitLike, waitForChild } from "./child-exit.js";
import { type ProxyForwarder, proxyEnvironment, startProxyForwarder } from "./proxy-forwarder.js";

const SETUP_FAILED = 125;

function parse(argv: string[]): { socket: string; setenv: Record<string, string>; command: string[] } {
  let socket: string | undefined;
  const setenv: Record<string, string> = {};
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === "--") {
      const command = argv.slice(index + 1);
      if (socket === undefined || command.length === 0) break;
      return { socket, setenv, command };
    }
    const value = argv[index + 1];
    index += 1;
    if (arg === "--socket" && value !== undefined) socket = value;
    else if (arg === "--setenv" && value !== undefined && value.indexOf("=") > 0) {
      setenv[value.slice(0, value.indexOf("="))] = value.slice(value.indexOf("=") + 1);
    } else break;
  }
  process.stderr.write("usage: forwarder.js --socket PATH [--setenv NAME=VALUE]... -- COMMAND [ARG...]\n");
  process.exit(SETUP_FAILED);
}

const { socket, setenv, command } = parse(process.argv.slice(2));
let forwarder: ProxyForwarder;
try {
  forwarder = await startProxyForwarder(socket);
} catch (error) {
  process.stderr.write(`codex-linux-sandbox: cannot start the proxy forwarder: ${(error as Error).message}\n`);
  process.exit(SETUP_FAILED);
}
const child = spawn(command[0] as string, command.slice(1), {
  stdio: "inherit",
  env: { ...process.env, ...setenv, ...proxyEnvironment(forwarder.port) },
});
try {
  exitLike(await waitForChild(child));
} catch (error) {
  process.stderr.write(`codex-linux-sandbox: cannot run ${command[0]}: ${(error as Error).message}\n`);
  process.exit(127);
}
