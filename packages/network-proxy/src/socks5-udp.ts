import { createSocket, type RemoteInfo, type Socket as UdpSocket } from "node:dgram";
import { isIPv4, isIPv6, type Socket } from "node:net";
import { normalizeHost, type NormalizedHost } from "./host.js";
import { ipv6Groups } from "./ip-range.js";
import type { ProxyContext } from "./proxy-context.js";

interface Destination {
  host: NormalizedHost;
  port: number;
}

/** Parses a SOCKS5 UDP request header; undefined for fragments and malformed datagrams. */
export function parseUdpDatagram(msg: Buffer): { dest: Destination; data: Buffer } | undefined {
  if (msg.length < 4 || msg[2] !== 0) return undefined; // FRAG != 0 is not supported
  const atyp = msg[3];
  let offset = 4;
  let hostText: string;
  if (atyp === 1) {
    if (msg.length < offset + 6) return undefined;
    hostText = [...msg.subarray(offset, offset + 4)].join(".");
    offset += 4;
  } else if (atyp === 3) {
    const len = msg[offset] ?? 0;
    if (msg.length < offset + 1 + len + 2) return undefined;
    hostText = msg.subarray(offset + 1, offset + 1 + len).toString("latin1");
    offset += 1 + len;
  } else if (atyp === 4) {
    if (msg.length < offset + 18) return undefined;
    const groups: string[] = [];
    for (let i = 0; i < 16; i += 2) groups.push(msg.readUInt16BE(offset + i).toString(16));
    hostText = groups.join(":");
    offset += 16;
  } else return undefined;
  const port = msg.readUInt16BE(offset);
  const host = normalizeHost(hostText);
  if (host === undefined || port === 0) return undefined;
  return { dest: { host, port }, data: msg.subarray(offset + 2) };
}

/** Builds the SOCKS5 UDP header for a reply from `address:port`. */
export function udpHeader(address: string, port: number): Buffer {
  const portBytes = Buffer.from([port >> 8, port & 0xff]);
  if (isIPv4(address)) return Buffer.concat([Buffer.from([0, 0, 0, 1]), Buffer.from(address.split(".").map(Number)), portBytes]);
  const groups = ipv6Groups(address);
  const addr = Buffer.alloc(16);
  for (const [i, group] of groups.entries()) addr.writeUInt16BE(group, i * 2);
  return Buffer.concat([Buffer.from([0, 0, 0, 4]), addr, portBytes]);
}

/**
 * Serves one UDP ASSOCIATE: a relay socket on the listener's host for the client, an outbound
 * socket per address family, and a policy check per destination. Lives as long as `control`.
 */
export async function startUdpAssociation(ctx: ProxyContext, control: Socket, client: string | null): Promise<void> {
  const relayHost = control.localAddress ?? "127.0.0.1";
  const relay = createSocket(isIPv6(relayHost) ? "udp6" : "udp4");
  await new Promise<void>((resolve, reject) => {
    relay.once("error", reject);
    relay.bind(0, relayHost, () => {
      relay.off("error", reject);
      resolve();
    });
  });
  const outbound = new Map<"udp4" | "udp6", UdpSocket>();
  const sentTo = new Set<string>();
  const decisions = new Map<string, Promise<string | undefined>>();
  const limitedRecorded = new Set<string>();
  const clientIp = control.remoteAddress;
  let clientPort: number | undefined;

  const closeAll = (): void => {
    relay.close();
    for (const socket of outbound.values()) socket.close();
    outbound.clear();
  };
  control.on("close", closeAll);
  relay.on("error", () => control.destroy());

  const outboundFor = (address: string): UdpSocket => {
    const family = isIPv6(address) ? "udp6" : "udp4";
    let socket = outbound.get(family);
    if (socket === undefined) {
      socket = createSocket(family);
      socket.on("error", () => undefined);
      socket.on("message", (msg: Buffer, from: RemoteInfo) => {
        if (clientPort === undefined || clientIp === undefined || !sentTo.has(`${from.address}|${from.port}`)) return;
        relay.send(Buffer.concat([udpHeader(from.address, from.port), msg]), clientPort, clientIp);
      });
      outbound.set(family, socket);
    }
    return socket;
  };

  // One policy decision (and at most one blocked-log entry) per destination and association.
  const addressFor = (dest: Destination): Promise<string | undefined> => {
    const key = `${dest.host.name}|${dest.port}`;
    let pending = decisions.get(key);
    if (pending === undefined) {
      pending = (async () => {
                const decision = await ctx.policy.evaluate(dest.host, { protocol: "socks5_udp", port: dest.port, client: client ?? undefined });
        if (!decision.allowed) {
          const { reason, source } = decision;
          ctx.recordBlocked({ host: dest.host.name, port: dest.port, reason, client, method: null, mode: null, protocol: "socks5-udp", decision: decision.decision, source });
          return undefined;
        }
        const addresses = decision.addresses ?? (dest.host.kind === "domain" ? await ctx.resolve(dest.host.name).catch(() => []) : [dest.host.name]);
        return addresses[0];
      })();
      decisions.set(key, pending);
    }
    return pending;
  };

  relay.on("message", (msg: Buffer, from: RemoteInfo) => {
    if (from.address !== clientIp) return;
    clientPort ??= from.port;
    if (from.port !== clientPort) return;
    const parsed = parseUdpDatagram(msg);
    if (parsed === undefined || !ctx.policy.enabled) return;
    if (ctx.policy.mode === "limited") {
      const key = `${parsed.dest.host.name}|${parsed.dest.port}`;
      if (!limitedRecorded.has(key)) {
        limitedRecorded.add(key);
        ctx.recordBlocked({ host: parsed.dest.host.name, port: parsed.dest.port, reason: "method_not_allowed", client, method: null, mode: "limited", protocol: "socks5-udp", decision: "deny", source: "mode_guard" });
      }
      return;
    }
    void addressFor(parsed.dest).then((address) => {
      if (address === undefined || control.destroyed) return;
      sentTo.add(`${address}|${parsed.dest.port}`);
      outboundFor(address).send(parsed.data, parsed.dest.port, address);
    });
  });

  const bound = relay.address();
  const reply = Buffer.concat([Buffer.from([5, 0]), udpHeader(bound.address, bound.port).subarray(2)]);
  control.write(reply);
}
