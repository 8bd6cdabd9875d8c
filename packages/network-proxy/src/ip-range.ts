import { isIPv4, isIPv6 } from "node:net";

/** An IPv4 CIDR block as [base address, prefix length]. */
type Ipv4Block = readonly [string, number];

// Everything that is not reachable on the public internet: loopback, RFC 1918, link-local, CGNAT,
// "this network", protocol assignments, documentation and benchmarking ranges, multicast, reserved
// and broadcast.
const NON_PUBLIC_IPV4: readonly Ipv4Block[] = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
];

function ipv4ToNumber(ip: string): number {
  return ip.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
}

function inIpv4Block(ip: number, [base, prefix]: Ipv4Block): boolean {
  const size = 2 ** (32 - prefix);
  const start = ipv4ToNumber(base);
  return ip >= start && ip < start + size;
}

/** Expands an IPv6 literal (no brackets, no zone) into eight 16-bit groups. */
export function ipv6Groups(literal: string): number[] {
  let text = literal.toLowerCase();
  // A trailing dotted quad (::ffff:1.2.3.4) becomes two hex groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/u.exec(text);
  if (dotted?.[1] !== undefined) {
    const n = ipv4ToNumber(dotted[1]);
    text = `${text.slice(0, dotted.index)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const parse = (part: string): number[] => (part.length === 0 ? [] : part.split(":").map((g) => parseInt(g, 16)));
  const headGroups = parse(head);
  if (tail === undefined) return headGroups;
  const tailGroups = parse(tail);
  const zeros = new Array<number>(8 - headGroups.length - tailGroups.length).fill(0);
  return [...headGroups, ...zeros, ...tailGroups];
}

function embeddedIpv4(groups: number[]): string {
  const hi = groups[6] ?? 0;
  const lo = groups[7] ?? 0;
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join(".");
}

function isNonPublicIpv6(literal: string): boolean {
  const g = ipv6Groups(literal);
  const first = g[0] ?? 0;
  const zeroPrefix = (count: number): boolean => g.slice(0, count).every((x) => x === 0);
  // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible (::a.b.c.d) forms carry an
  // IPv4 address that the kernel may route as such; classify the embedded address.
  if (zeroPrefix(5) && g[5] === 0xffff) return isNonPublicIp(embeddedIpv4(g));
  if (zeroPrefix(6)) {
    if (g[6] === 0 && (g[7] === 0 || g[7] === 1)) return true; // :: and ::1
    return isNonPublicIp(embeddedIpv4(g));
  }
  // NAT64 well-known prefix 64:ff9b::/96 reaches the embedded IPv4 address.
  if (first === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) {
    return isNonPublicIp(embeddedIpv4(g));
  }
  if ((first & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((first & 0xffc0) === 0xfec0) return true; // fec0::/10 site-local (deprecated)
  if ((first & 0xff00) === 0xff00) return true; // ff00::/8 multicast
  if (first === 0x2001 && g[1] === 0x0db8) return true; // 2001:db8::/32 documentation
  return false;
}

/** True for loopback, private, link-local and other addresses that are not on the public internet. */
export function isNonPublicIp(ip: string): boolean {
  if (isIPv4(ip)) {
    const n = ipv4ToNumber(ip);
    return NON_PUBLIC_IPV4.some((block) => inIpv4Block(n, block));
  }
  if (isIPv6(ip)) return isNonPublicIpv6(ip);
  return true; // not an IP at all: never treat it as public
}

/** True for 127.0.0.0/8, ::1 and IPv4-mapped loopback. */
export function isLoopbackIp(ip: string): boolean {
  if (isIPv4(ip)) return ip.startsWith("127.");
  if (!isIPv6(ip)) return false;
  const g = ipv6Groups(ip);
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return true;
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return embeddedIpv4(g).startsWith("127.");
  return false;
}
