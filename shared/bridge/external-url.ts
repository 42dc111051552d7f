/**
 * Which links the host may hand to the OS to open. Only web pages on other
 * computers: a loopback address would reach the embedded hub or another local
 * service with the worker's browser and cookies, credentials in a link are a
 * phishing disguise (`https://bank.example@evil.example/`), and any other
 * scheme (file:, smb:, custom handlers) runs whatever the OS maps it to.
 */

/** shared/ is type-checked without DOM or Node types; WHATWG URL exists in every runtime that loads it. */
declare const URL: new (input: string) => {
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly username: string;
  readonly password: string;
};

/**
 * The normalised form of `url` when it may be opened, else null. Callers open
 * this form, not their input, so what was checked is exactly what the OS gets.
 */
export function externalWebUrl(url: string): string | null {
  let parsed: InstanceType<typeof URL>;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (isLocalHost(parsed.hostname)) return null;
  return parsed.href;
}

export function isExternalWebUrl(url: string): boolean {
  return externalWebUrl(url) !== null;
}

/**
 * `hostname` as the WHATWG parser leaves it: lower-case, IPv4 in dotted decimal
 * (so `0x7f.1` and `2130706433` arrive as 127.0.0.1), IPv6 in brackets.
 */
function isLocalHost(hostname: string): boolean {
  const name = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  if (name === '' || name === 'localhost' || name.endsWith('.localhost')) return true;
  const v4 = ipv4Octets(name);
  if (v4) return isLocalIpv4(v4);
  if (name.startsWith('[') && name.endsWith(']')) return isLocalIpv6(name.slice(1, -1));
  return false;
}

function ipv4Octets(name: string): number[] | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  return match ? match.slice(1).map(Number) : null;
}

/** 127.0.0.0/8 is loopback; 0.0.0.0/8 ("this host") reaches local services on most systems. */
function isLocalIpv4([first]: number[]): boolean {
  return first === 127 || first === 0;
}

function isLocalIpv6(address: string): boolean {
  const groups = ipv6Groups(address);
  // Not an address the parser would have let through; refuse rather than guess.
  if (!groups) return true;
  const zerosBefore = (n: number) => groups.slice(0, n).every((g) => g === 0);
  // :: (unspecified) and ::1 (loopback).
  if (zerosBefore(7) && (groups[7] === 0 || groups[7] === 1)) return true;
  // An IPv4 address inside IPv6, mapped (::ffff:a.b.c.d) or the old compatible form (::a.b.c.d).
  if (zerosBefore(5) && (groups[5] === 0xffff || groups[5] === 0)) {
    const high = groups[6] ?? 0;
    return isLocalIpv4([high >> 8]);
  }
  return false;
}

/** The eight 16-bit groups of an IPv6 address in the parser's hex form (`a:b::c`), or null. */
function ipv6Groups(address: string): number[] | null {
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string | undefined) => (part ? part.split(':') : []);
  const head = parse(halves[0]);
  const tail = parse(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const hex = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!hex.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return hex.map((g) => parseInt(g, 16));
}
