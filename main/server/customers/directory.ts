import type { CustomerMatch } from '../../../shared/contract/index.js';
import type { Customer } from '../../../shared/domain/case.js';
import type { CaseStore } from '../../store/types.js';
import { looksLikePhone, normalizePhone, phoneDigits } from './phone.js';
import { CUSTOMERS } from '../../../shared/domain/entities.js';

/**
 * Looks up callers by account id, phone number or name. The phone index is rebuilt lazily
 * after any customer changes, so a lookup during a call never scans the journal.
 */
export class CustomerDirectory {
  private byPhone: Map<string, { account: string; contact: string }[]> | undefined;

  constructor(private readonly store: CaseStore) {
    store.subscribe((event) => {
      if (event.changes.some((change) => change.entity === CUSTOMERS)) this.byPhone = undefined;
    });
  }

  lookup(query: string, limit: number): CustomerMatch[] {
    const matches = new Map<string, CustomerMatch>();
    const add = (customer: Customer | undefined, matchedOn: CustomerMatch['matchedOn'], contacts: string[] = []) => {
      if (customer && !matches.has(customer.id) && matches.size < limit) matches.set(customer.id, { customer, matchedOn, contacts });
    };
    const text = query.trim().toLowerCase();
    add(this.store.get<Customer & { [k: string]: unknown }>(CUSTOMERS, text), 'account');
    if (looksLikePhone(text)) this.matchPhone(text, add);
    if (matches.size < limit) {
      for (const customer of this.store.all<Customer & { [k: string]: unknown }>(CUSTOMERS)) {
        if (matches.size >= limit) break;
        if (customer.id.startsWith(text)) add(customer, 'account');
        else if (customer.name.toLowerCase().includes(text)) add(customer, 'name');
        else if (customer.contacts.some((c) => c.name.toLowerCase().includes(text))) add(customer, 'name');
      }
    }
    return [...matches.values()];
  }

  /** The accounts with a contact on exactly this number, in whatever format it was typed (as the call log matches). */
  accountsWithPhone(text: string): string[] {
    const phone = looksLikePhone(text) ? normalizePhone(text) : undefined;
    const hits = phone ? this.phoneIndex().get(phone) : undefined;
    return [...new Set((hits ?? []).map((h) => h.account))];
  }

  private matchPhone(text: string, add: (c: Customer | undefined, on: 'phone', contacts: string[]) => void) {
    const index = this.phoneIndex();
    const exact = normalizePhone(text);
    const hits = exact ? index.get(exact) : undefined;
    const found = hits ?? [...index].filter(([phone]) => phone.includes(phoneDigits(text))).flatMap(([, entries]) => entries);
    const contactsByAccount = new Map<string, string[]>();
    for (const { account, contact } of found) contactsByAccount.set(account, [...(contactsByAccount.get(account) ?? []), contact]);
    for (const [account, contacts] of contactsByAccount) add(this.store.get(CUSTOMERS, account) as Customer | undefined, 'phone', contacts);
  }

  private phoneIndex() {
    if (!this.byPhone) {
      this.byPhone = new Map();
      for (const customer of this.store.all<Customer & { [k: string]: unknown }>(CUSTOMERS)) {
        for (const contact of customer.contacts) {
          if (!contact.phone) continue;
          const list = this.byPhone.get(contact.phone) ?? [];
          list.push({ account: customer.id, contact: contact.name });
          this.byPhone.set(contact.phone, list);
        }
      }
    }
    return this.byPhone;
  }
}

const directories = new WeakMap<CaseStore, CustomerDirectory>();
/** The one directory of a store, shared by the caller lookup and the queue search. */
export function customerDirectory(store: CaseStore): CustomerDirectory {
  let directory = directories.get(store);
  if (!directory) directories.set(store, (directory = new CustomerDirectory(store)));
  return directory;
}
