import { describe, expect, test } from 'vitest';
import { clientAddress, limitKeyOf } from './client-address.js';

describe('client address', () => {
  test('the socket, unless a trusted proxy says otherwise (its own last entry)', () => {
    expect(clientAddress('10.0.0.1', '203.0.113.9', false)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', 'evil-spoof, 203.0.113.9', true)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.1', null, true)).toBe('10.0.0.1');
    expect(clientAddress(null, null, false)).toBe('unknown');
  });

  test('IPv6 addresses count per /64; IPv4 and mapped IPv4 as themselves', () => {
    expect(limitKeyOf('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(limitKeyOf('2001:db8:1:2::ff')).toBe('2001:db8:1:2::/64');
    expect(limitKeyOf('2001:DB8:0001:0002::')).toBe('2001:db8:1:2::/64');
    expect(limitKeyOf('::1')).toBe('0:0:0:0::/64');
    expect(limitKeyOf('::ffff:192.0.2.4')).toBe('192.0.2.4');
    expect(limitKeyOf('192.0.2.4')).toBe('192.0.2.4');
    expect(limitKeyOf('not::an::address')).toBe('not::an::address');
  });
});
