import { createSocket } from "node:dgram";
import { once } from "node:events";
import { connect, type Socket } from "node:net";
import { SocksClient } from "socks";
import { describe, expect, it } from "vitest";
import type { BlockedRequest } from "../src/index.js";
import { echoThrough, onCleanup, startEchoServer, startTestProxy, tableResolver, withDeadline } from "./helpers.js";

function socksConnect(port: number, host: string, destPort: number) {
  return withDeadline(
    SocksClient.createConnection({ proxy: { host: "127.0.0.1", port, type: 5 }, command: "connect", destination: { host, port: destPort }, timeout: 4_000 }),
    `SOCKS5 connect to ${host}`,
  );
}

/** A SOCKS5 CONNECT with a domain name written as raw UTF-8 bytes; resolves with the open socket. */
function rawSocksConnect(port: number, host: string, destPort: number): Promise<Socket> {
  const name = Buffer.from(host, "utf8");
  const request = Buffer.concat([Buffer.from([5, 1, 0, 3, name.length]), name, Buffer.from([destPort >> 8, destPort & 0xff])]);
  const promise = new Promise<Socket>((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port }, () => socket.write(Buffer.from([5, 1, 0])));
    let buffer = Buffer.alloc(0);
    let stage: "greeting" | "reply" = "greeting";
    const onData = (chunk: Buffer): void => {
      buffer = Buffer.concat([buffer, chunk]);
      if (stage === "greeting" && buffer.length >= 2) {
        buffer = buffer.subarray(2);
        stage = "reply";
        socket.write(request);
      }
      if (stage === "reply" && buffer.length >= 10) {
        socket.off("data", onData);
        if (buffer[1] === 0) resolve(socket);
        else reject(new Error(`SOCKS5 reply ${buffer[1]}`));
      }
    };
    socket.on("data", onData);
    socket.on("error", reject);
  });
  return withDeadline(promise, `raw SOCKS5 connect to ${host}`);
}

/** Opens a UDP association through the `socks` client; resolves with the control socket and relay. */
function associate(port: number): Promise<{ control: Socket; relay: { host: string; port: number } }> {
  const client = new SocksClient({ proxy: { host: "127.0.0.1", port, type: 5 }, command: "associate", destination: { host: "0.0.0.0", port: 0 }, timeout: 4_000 });
  const promise = new Promise<{ control: Socket; relay: { host: string; port: number } }>((resolve, reject) => {
    client.on("established", (info) => {
      if (info.remoteHost === undefined) reject(new Error("no relay address"));
      else resolve({ control: info.socket, relay: info.remoteHost });
    });
    client.on("error", reject);
  });
  client.connect();
  return withDeadline(promise, "UDP ASSOCIATE");
}

async function startUdpEcho(): Promise<number> {
  const server = createSocket("udp4");
  server.on("message", (msg, from) => server.send(Buffer.concat([Buffer.from("echo:"), msg]), from.port, from.address));
  server.bind(0, "127.0.0.1");
  await once(server, "listening");
  onCleanup(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return server.address().port;
}

describe("SOCKS5 listener", () => {
  it("is off by default", async () => {
    const proxy = await startTestProxy({ config: { allowed_domains: ["127.0.0.1"] } });
    expect(proxy.socksAddress).toBeUndefined();
  });

  it("tunnels TCP to allowed targets when enabled", async () => {
    const echoPort = await startEchoServer();
    const proxy = await startTestProxy({ config: { enable_socks5: true, allowed_domains: ["127.0.0.1"] } });
    expect(proxy.socksAddress?.url).toMatch(/^socks5h:\/\/127\.0\.0\.1:\d+$/);
    const { socket } = await socksConnect(proxy.socksAddress?.port ?? 0, "127.0.0.1", echoPort);
    expect((await echoThrough(socket, Buffer.from("over socks"))).toString()).toBe("over socks");
    socket.destroy();
  });

  it("normalises domain names sent by the client (case, trailing dot, UTF-8)", async () => {
    const echoPort = await startEchoServer();
    const proxy = await startTestProxy({
      config: { enable_socks5: true, allowed_domains: ["bücher.test"], allow_local_binding: true },
      resolveHost: tableResolver({ "xn--bcher-kva.test": ["127.0.0.1"] }),
    });
    // The `socks` client writes the name's character count as its length, so send UTF-8 by hand.
    const socket = await rawSocksConnect(proxy.socksAddress?.port ?? 0, "BÜCHER.test.", echoPort);
    expect((await echoThrough(socket, Buffer.from("unicode"))).toString()).toBe("unicode");
    socket.destroy();
  });

  it("refuses blocked targets and records them", async () => {
    const proxy = await startTestProxy({ config: { enable_socks5: true, allowed_domains: ["example.test"], denied_domains: ["evil.test"] } });
    await expect(socksConnect(proxy.socksAddress?.port ?? 0, "evil.test", 443)).rejects.toThrow();
    await expect(socksConnect(proxy.socksAddress?.port ?? 0, "10.0.0.1", 22)).rejects.toThrow();
    expect(proxy.drainBlocked()).toEqual([
      expect.objectContaining({ host: "evil.test", port: 443, protocol: "socks5", reason: "denied", method: null }),
      expect.objectContaining({ host: "10.0.0.1", port: 22, protocol: "socks5", reason: "not_allowed_local" }),
    ]);
  });

  it("is refused in limited mode", async () => {
    const echoPort = await startEchoServer();
    const proxy = await startTestProxy({ config: { enable_socks5: true, mode: "limited", allowed_domains: ["127.0.0.1"] } });
    await expect(socksConnect(proxy.socksAddress?.port ?? 0, "127.0.0.1", echoPort)).rejects.toThrow();
    expect(proxy.blocked()[0]).toMatchObject({ protocol: "socks5", reason: "method_not_allowed", mode: "limited", source: "mode_guard" });
    proxy.setMode("full");
    const { socket } = await socksConnect(proxy.socksAddress?.port ?? 0, "127.0.0.1", echoPort);
    socket.destroy();
  });

  it("rejects UDP ASSOCIATE unless enable_socks5_udp is set", async () => {
    const proxy = await startTestProxy({ config: { enable_socks5: true, allowed_domains: ["127.0.0.1"] } });
    await expect(associate(proxy.socksAddress?.port ?? 0)).rejects.toThrow();
  });

  it("relays UDP to allowed destinations and records blocked ones", async () => {
    const udpEcho = await startUdpEcho();
    const blocked: BlockedRequest[] = [];
    let blockedSeen: () => void = () => undefined;
    const firstBlock = new Promise<void>((resolve) => (blockedSeen = resolve));
    const proxy = await startTestProxy({
      config: { enable_socks5: true, enable_socks5_udp: true, allowed_domains: ["127.0.0.1"] },
      onBlocked: (entry) => {
        blocked.push(entry);
        blockedSeen();
      },
    });
    const { control, relay } = await associate(proxy.socksAddress?.port ?? 0);
    onCleanup(() => void control.destroy());
    expect(relay.host).toBe("127.0.0.1");
    const client = createSocket("udp4");
    client.bind(0, "127.0.0.1");
    await once(client, "listening");
    onCleanup(() => new Promise<void>((resolve) => client.close(() => resolve())));
    const reply = withDeadline(once(client, "message"), "UDP reply");
    client.send(SocksClient.createUDPFrame({ remoteHost: { host: "127.0.0.1", port: udpEcho }, data: Buffer.from("dgram") }), relay.port, "127.0.0.1");
    const [msg] = (await reply) as [Buffer];
    const frame = SocksClient.parseUDPFrame(msg);
    expect(frame.data.toString()).toBe("echo:dgram");
    expect(frame.remoteHost).toEqual({ host: "127.0.0.1", port: udpEcho });

    client.send(SocksClient.createUDPFrame({ remoteHost: { host: "blocked.test", port: 53 }, data: Buffer.from("q") }), relay.port, "127.0.0.1");
    await withDeadline(firstBlock, "UDP block record");
    expect(blocked[0]).toMatchObject({ host: "blocked.test", port: 53, protocol: "socks5-udp", reason: "not_allowed" });
  });
});
