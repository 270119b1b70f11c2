import { describe, expect, it } from 'vitest';
import { isHostname, isIpv4Address, isIpv6Address, normalizeIpAddress, normalizeMacAddress } from './network.ts';
import { parseImportBoolean, parseImportDate, parseImportStatus, parseMoney, parseOwnership } from './values.ts';

const value = <T>(parse: { ok: true; value: T } | { ok: false; message: string }) => (parse.ok ? parse.value : null);

describe('parseImportDate', () => {
  it.each([
    ['2023-02-28', '2023-02-28'],
    ['2024-02-29', '2024-02-29'],
    ['2023-2-3', '2023-02-03'],
    ['2023-02-03T00:00:00Z', '2023-02-03'],
    ['2023-02-03 00:00:00', '2023-02-03'],
    ['3/14/2019', '2019-03-14'],
    ['12/31/1999', '1999-12-31'],
    [' 01/05/2020 ', '2020-01-05'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseImportDate(text)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['2023-02-30', 'not a real calendar date'],
    ['2023-02-29', 'not a real calendar date'],
    ['2/30/2023', 'not a real calendar date'],
    ['13/01/2023', 'not a real calendar date'],
    ['3/14/19', 'two-digit year'],
    ['14.03.2019', 'use yyyy-mm-dd or m/d/yyyy'],
    ['March 3 2020', 'use yyyy-mm-dd or m/d/yyyy'],
    ['0001-01-01', 'implausible year'],
  ])('refuses %s (%s)', (text, reason) => {
    const result = parseImportDate(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(reason);
  });
});

describe('parseMoney', () => {
  it.each([
    ['$1,234.50', '1234.50'],
    ['1234.5', '1234.50'],
    ['1234', '1234.00'],
    ['$ 12,345,678', '12345678.00'],
    ['USD 900', '900.00'],
    ['0.99', '0.99'],
    ['007', '7.00'],
  ])('reads %s as %s', (text, amount) => {
    expect(parseMoney(text)).toEqual({ ok: true, value: amount });
  });

  it.each([['-5'], ['$-5.00'], ['(1,234.00)'], ['1.234,50'], ['12.345'], ['1,23'], ['abc'], ['€100']])('refuses %s', (text) => {
    expect(parseMoney(text).ok).toBe(false);
  });

  it('says why a negative amount is refused', () => {
    expect(parseMoney('(1,234.00)')).toEqual({ ok: false, message: '"(1,234.00)" is negative; a cost cannot be negative' });
  });
});

describe('parseImportBoolean', () => {
  it('reads the common spellings', () => {
    expect(['Y', 'yes', 'TRUE', '1', 'x'].map((t) => value(parseImportBoolean(t)))).toEqual([true, true, true, true, true]);
    expect(['N', 'No', 'false', '0', 'f'].map((t) => value(parseImportBoolean(t)))).toEqual([false, false, false, false, false]);
    expect(parseImportBoolean('maybe').ok).toBe(false);
  });
});

describe('parseOwnership', () => {
  it('reads keys, labels and synonyms', () => {
    expect(value(parseOwnership('Owned'))).toBe('owned');
    expect(value(parseOwnership('LEASE'))).toBe('leased');
    expect(value(parseOwnership('Rental'))).toBe('rented');
    expect(value(parseOwnership('Vendor-Maintained'))).toBe('vendor_maintained');
    expect(value(parseOwnership('physician_owned'))).toBe('physician_owned');
    expect(value(parseOwnership('Demo'))).toBe('loaner');
  });

  it('lists the choices when it cannot read the value', () => {
    const result = parseOwnership('borrowed');
    expect(result.ok ? '' : result.message).toBe(
      '"borrowed" is not an ownership; use one of Owned, Leased, Rented, Vendor-maintained, Physician-owned, Loaner / demo',
    );
  });
});

describe('parseImportStatus', () => {
  it.each([
    ['Active', 'in_service', null],
    ['In Service', 'in_service', null],
    ['Out of service', 'out_of_service', null],
    ['OOS - awaiting parts', 'out_of_service', 'awaiting_parts'],
    ['In Repair', 'out_of_service', 'repair'],
    ['Recalled', 'out_of_service', 'recalled'],
    ['Quarantined', 'out_of_service', 'quarantined'],
    ['Decommissioned', 'retired', null],
    ['Scrapped', 'disposed', null],
    ['pending acceptance', 'received', null],
  ])('reads %s', (text, status, outOfServiceReason) => {
    expect(parseImportStatus(text)).toEqual({ ok: true, value: { status, outOfServiceReason } });
  });

  it('refuses an unknown status', () => {
    expect(parseImportStatus('Inactive').ok).toBe(false);
  });
});

describe('network formats', () => {
  it('checks IPv4', () => {
    expect(['10.0.0.1', '192.168.100.255', '0.0.0.0'].every(isIpv4Address)).toBe(true);
    expect(['256.1.1.1', '10.0.0', '10.0.0.1.5', '010.0.0.1', '1.2.3.a', ''].some(isIpv4Address)).toBe(false);
  });

  it('checks IPv6', () => {
    const valid = ['::', '::1', 'fe80::1', '2001:db8::8a2e:370:7334', '2001:0db8:0000:0000:0000:ff00:0042:8329', '::ffff:192.168.1.1', '1:2:3:4:5:6:7::'];
    const invalid = ['2001:db8::1::1', '1:2:3:4:5:6:7:8:9', '12345::1', ':1:2:3:4:5:6:7', '1.2.3.4::', '::ffff:300.1.1.1', 'fe80::1%eth0', 'g::1', '1:2:3:4:5:6:7'];
    expect(valid.filter((a) => !isIpv6Address(a))).toEqual([]);
    expect(invalid.filter(isIpv6Address)).toEqual([]);
  });

  it('normalizes IP addresses', () => {
    expect(normalizeIpAddress(' 10.1.2.3 ')).toBe('10.1.2.3');
    expect(normalizeIpAddress('FE80::ABCD')).toBe('fe80::abcd');
    expect(normalizeIpAddress('10.1.2')).toBeNull();
  });

  it('normalizes MAC addresses in the common spellings', () => {
    for (const mac of ['00:1A:2B:3C:4D:5E', '00-1a-2b-3c-4d-5e', '001A.2B3C.4D5E', '001a2b3c4d5e']) {
      expect(normalizeMacAddress(mac)).toBe('00:1a:2b:3c:4d:5e');
    }
    for (const mac of ['00:1A:2B:3C:4D', '00:1A-2B:3C:4D:5E', 'GG:1A:2B:3C:4D:5E', '00:1A:2B:3C:4D:5E:6F']) {
      expect(normalizeMacAddress(mac)).toBeNull();
    }
  });

  it('checks host names', () => {
    expect(['pump-0042', 'mon42.icu.example.org', 'a', 'host.'].every(isHostname)).toBe(true);
    expect(['-pump', 'pump_42', 'pump..icu', '', 'a'.repeat(64), `${'a.'.repeat(127)}ab`].some(isHostname)).toBe(false);
  });
});
