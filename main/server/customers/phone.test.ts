// Phone numbers as callers say them, from several regions, normalised to E.164 (desk default CN).
import { describe, expect, it } from 'vitest';
import { looksLikePhone, normalizePhone } from './phone.js';

describe('normalizePhone (default country CN)', () => {
  it.each([
    // mainland mobile
    ['13812345678', '+8613812345678'],
    ['138 1234 5678', '+8613812345678'],
    ['138-1234-5678', '+8613812345678'],
    ['+86 138 1234 5678', '+8613812345678'],
    ['+86-138-1234-5678', '+8613812345678'],
    ['0086 138 1234 5678', '+8613812345678'],
    ['(+86) 13812345678', '+8613812345678'],
    ['86 13812345678', '+8613812345678'],
    // mainland landline with the trunk 0, +86, slashes, parentheses, extensions
    ['010-62345678', '+861062345678'],
    ['(010) 6234 5678', '+861062345678'],
    ['010/62345678', '+861062345678'],
    ['+86 10 6234 5678', '+861062345678'],
    ['+86 (0)10 6234 5678', '+861062345678'],
    ['0571-8765 4321', '+8657187654321'],
    ['0571-87654321 ext. 802', '+8657187654321'],
    ['0571-87654321转802', '+8657187654321'],
    ['0571-87654321-802', '+8657187654321'],
    ['0571 87654321 x802', '+8657187654321'],
    ['0571-87654321#802', '+8657187654321'],
    // Hong Kong
    ['+852 2123 4567', '+85221234567'],
    ['+852-9123-4567', '+85291234567'],
    ['00852 9123 4567', '+85291234567'],
    // United States
    ['+1 (415) 555-2671', '+14155552671'],
    ['+1 415.555.2671 ext 12', '+14155552671'],
    ['001 415 555 2671', '+14155552671'],
    // United Kingdom
    ['+44 20 7946 0958', '+442079460958'],
    ['+44 (0)20 7946 0958', '+442079460958'],
    ['+44 20 7946 0958 x123', '+442079460958'],
    ['0044 7700 900123', '+447700900123'],
  ])('%s → %s', (raw, e164) => {
    expect(normalizePhone(raw)).toBe(e164);
  });

  it.each([['hello'], ['12'], [''], ['+86 123']])('%s is not a number', (raw) => {
    expect(normalizePhone(raw)).toBeUndefined();
  });

  it('another desk default country reads national numbers as that country', () => {
    expect(normalizePhone('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(normalizePhone('(415) 555-2671', 'US')).toBe('+14155552671');
    expect(normalizePhone('2123 4567', 'HK')).toBe('+85221234567');
  });

  it('recognises typed numbers as phone queries', () => {
    expect(looksLikePhone('010/62345678')).toBe(true);
    expect(looksLikePhone('+86 (0)10 6234 5678')).toBe(true);
    expect(looksLikePhone('0571-87654321 ext. 802')).toBe(true);
    expect(looksLikePhone('acme')).toBe(false);
  });
});
