import { describe, expect, it } from 'vitest';
import { correctionFigures, disputeFigures, inquiryTotal } from './billing.js';

describe('billing figures (exact money)', () => {
  it.each([
    [[{ service: 'ecs', amount: '0.1' }, { service: 'oss', amount: '0.2' }], '0.30', 'ecs 0.10 + oss 0.20 = 0.30'],
    [[{ service: 'cdn', amount: '1234.56' }], '1234.56', 'cdn 1234.56 = 1234.56'],
  ])('total of %j is %s', (items, total, reason) => {
    expect(inquiryTotal(items)).toMatchObject({ total, rules: [{ id: 'BILL-TOTAL', reason }] });
  });

  it.each([
    ['100', '130.10', '30.10', 'passed'],
    ['0.1', '0.3', '0.20', 'passed'],
    ['200.00', '150.5', '-49.50', 'passed'],
    ['99.99', '99.99', '0.00', 'failed'],
  ] as const)('expected %s, billed %s → %s in dispute', (expected, billed, difference, result) => {
    expect(disputeFigures(expected, billed)).toMatchObject({ difference, rules: [{ id: 'BILL-DISPUTE', result }] });
  });

  it.each([
    ['130.10', '100', '30.10', 'passed'],
    ['0.3', '0.1', '0.20', 'passed'],
    ['100', '100', '0.00', 'failed'],
    ['100', '120', '0.00', 'failed'],
  ] as const)('billed %s corrected to %s credits %s', (billed, corrected, credit, result) => {
    expect(correctionFigures(billed, corrected)).toMatchObject({ credit, rules: [{ id: 'BILL-CORRECTION', result }] });
  });
});
