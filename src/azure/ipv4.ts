/** IPv4 arithmetic: addresses as unsigned 32-bit numbers, so ranges compare with plain `<=`. Pure. */

/**
 * A strict dotted quad: four decimal parts of 0–255. Leading zeros are refused because some parsers read them as octal
 * ("010" = 8), so the same text could mean two addresses.
 */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff].join('.');
}

export interface Ipv4Range {
  start: number;
  end: number;
}

/** First and last address of an IPv4 CIDR prefix ("10.20.0.0/24"), exactly as written; host bits are masked off. */
export function cidrRange(prefix: string): (Ipv4Range & { length: number }) | undefined {
  const match = /^([^/]+)\/(\d{1,2})$/.exec(prefix);
  if (!match) return undefined;
  const address = parseIPv4(match[1]);
  const length = Number(match[2]);
  if (address === undefined || length > 32) return undefined;
  // Plain arithmetic rather than bit shifts: `1 << 32` and `~0` are signed 32-bit in JavaScript.
  const size = 2 ** (32 - length);
  const start = address - (address % size);
  return { start, end: start + size - 1, length };
}

export const inRange = (ip: number, range: Ipv4Range) => range.start <= ip && ip <= range.end;
