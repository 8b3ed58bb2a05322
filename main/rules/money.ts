// Exact money: decimal.js with enough precision that no intermediate result is rounded;
// the final amount is rounded half-up to 0.01 once, by formatMoney.
import Decimal from 'decimal.js';

export const Money = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_UP });
export type Money = InstanceType<typeof Money>;

/** Parses a validated money string ("12", "12.5", "12.50"). */
export function money(value: string): Money {
  return new Money(value);
}

export const ZERO = new Money(0);

/** The one rounding: half-up to 2 decimals, never below zero, always 2 decimals. */
export function formatMoney(value: Money): string {
  const clamped = value.isNegative() ? ZERO : value;
  return clamped.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** For reasons: shows a figure as given, 2 decimals when it has none or fewer. */
export function showMoney(value: Money): string {
  return value.decimalPlaces() <= 2 ? value.toFixed(2) : value.toString();
}

export function sum(values: Money[]): Money {
  return values.reduce((acc, v) => acc.plus(v), ZERO);
}
