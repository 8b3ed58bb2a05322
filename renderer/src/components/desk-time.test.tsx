// A new policy draft starts at the next midnight of the desk's zone, whatever the browser's zone.
import { expect, it } from 'vitest';
import { nextDeskMidnight } from './desk-time.js';

it('the next midnight is the desk zone’s, with its offset', () => {
  const at = Date.parse('2026-12-01T20:00:00Z');
  // 20:00 UTC is 04:00 on 2 December in Shanghai (UTC+8): the next midnight there starts 3 December.
  expect(nextDeskMidnight(at, 'Asia/Shanghai')).toBe('2026-12-03T00:00:00+08:00');
  // …and 15:00 on 1 December in New York (UTC-5 in winter): its next midnight starts 2 December.
  expect(nextDeskMidnight(at, 'America/New_York')).toBe('2026-12-02T00:00:00-05:00');
  // The night before summer time: New York is UTC-5 on 7 March 2026, UTC-4 from 8 March 02:00.
  expect(nextDeskMidnight(Date.parse('2026-03-07T17:00:00Z'), 'America/New_York')).toBe('2026-03-08T00:00:00-05:00');
});
