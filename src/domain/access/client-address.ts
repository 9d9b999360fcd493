/**
 * The address a request came from, as the login limits count it. Behind a reverse proxy the
 * socket's address is the proxy's own; with a trusted proxy the last X-Forwarded-For entry (the
 * one that proxy added) is the client. IPv6 clients often hold a whole /64, so a limit per
 * address counts the /64.
 * @example clientAddress('10.0.0.1', '203.0.113.9, 198.51.100.7', true) // '198.51.100.7'
 * @example limitKeyOf('2001:db8:1:2:3:4:5:6') // '2001:db8:1:2::/64'
 */
export function clientAddress(
  socket: string | null,
  forwardedFor: string | null,
  trustProxy: boolean,
): string {
  if (trustProxy && forwardedFor) {
    const last = forwardedFor.split(',').pop()?.trim();
    if (last) return last;
  }
  return socket ?? 'unknown';
}

export function limitKeyOf(address: string): string {
  const plain = address.replace(/^::ffff:/i, '');
  if (!plain.includes(':')) return plain;
  const groups = expandIpv6(plain);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : plain;
}

function expandIpv6(address: string): string[] | null {
  const [head, tail, extra] = address.split('::');
  if (extra !== undefined) return null;
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  return groups.map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}
