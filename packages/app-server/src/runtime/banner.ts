// What the server prints on stderr once a listener is bound, in the upstream layout, so people and tests
// can find the address (port 0 included).
import { formatHostPort, isLoopbackHost } from "../transports/listen-url.js";

export function websocketBanner(host: string, port: number, authenticated: boolean): string {
  const address = formatHostPort(host, port);
  const lines = [
    "codex app-server (WebSockets)",
    `  listening on: ws://${address}`,
    `  readyz: http://${address}/readyz`,
    `  healthz: http://${address}/healthz`,
  ];
  if (isLoopbackHost(host)) {
    lines.push("  note: binds localhost only (use SSH port-forwarding for remote access)");
  } else if (authenticated) {
    lines.push("  note: websocket auth is required for non-localhost listeners");
  } else {
    lines.push(
      "",
      "WARNING: this websocket listener is reachable from other machines and has NO AUTHENTICATION.",
      "WARNING: anyone who can connect can read files and run commands as this user.",
      "WARNING: configure `--ws-auth capability-token` or `--ws-auth signed-bearer-token`, or listen on 127.0.0.1.",
    );
  }
  return `${lines.join("\n")}\n`;
}

export function unixSocketBanner(socketPath: string): string {
  return `codex app-server (unix socket)\n  listening on: unix://${socketPath}\n`;
}
