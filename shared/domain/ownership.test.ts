// Which cases are still worked on: the queues' "my open cases", the level queues and the team
// desk's working set all ask isOpenCase.
import { expect, it } from 'vitest';
import { isOpenCase } from './ownership.js';

it('a case is finished by its own type’s end statuses, and by any type’s end a seeded or imported case carries', () => {
  expect(isOpenCase({ type: 'refund', status: 'approved' })).toBe(true); // approved, not yet paid out
  expect(isOpenCase({ type: 'refund', status: 'completed' })).toBe(false);
  expect(isOpenCase({ type: 'compensation', status: 'approved' })).toBe(false);
  expect(isOpenCase({ type: 'compensation', status: 'completed' })).toBe(false); // seeded: paid
  expect(isOpenCase({ type: 'billing', status: 'explained' })).toBe(false);
  expect(isOpenCase({ type: 'billing', status: 'closed' })).toBe(false); // seeded with the generic statuses
  expect(isOpenCase({ type: 'call', status: 'resolved' })).toBe(false);
  expect(isOpenCase({ type: 'complaint', status: 'responded' })).toBe(true); // answered, not yet closed
  expect(isOpenCase({ type: 'work-order', status: 'escalated' })).toBe(true);
  expect(isOpenCase({ type: 'access-recovery', status: 'submitted' })).toBe(true);
});
