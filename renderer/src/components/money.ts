// Display-only formatting of the desk's decimal money strings; never used for arithmetic.
/** Formats a decimal string such as "940.00" in the interface language, with the currency. */
export function formatMoney(amount: string, currency: string, language: string): string {
  const format = new Intl.NumberFormat(language, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
  // Intl formats a numeric string exactly (no binary float) in current engines.
  return (format.format as (value: string) => string)(amount);
}
