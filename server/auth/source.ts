import { isIPv4, isIPv6 } from 'node:net';

/**
 * The "where from" half of a sign-in limiter key: an IPv4 address as it is,
 * an IPv6 address cut to its /64. One home connection or one host gets a
 * whole /64, so counting per address would let one attacker rotate through
 * 2^64 fresh sources; counting per /64 treats that network as one source.
 * An IPv4 address seen through a dual-stack socket (`::ffff:1.2.3.4`) is the
 * IPv4 address. Anything else (a unix socket, an unknown address) is kept as
 * given, so it is still one source and never merges with a real address.
 */
export function sourceOf(address: string): string {
  const bare = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return address;
  const groups = expandIPv6(bare);
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** Eight hextets without leading zeros, as `1:db8:0:0` reads; an embedded IPv4 tail becomes two. */
function expandIPv6(address: string): string[] {
  let text = address.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::') as [string, string | undefined];
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((g) => parseInt(g, 16).toString(16));
}
