import type { Channel } from '../../../shared/domain/case.js';
import { create } from 'zustand';

/** What one panel hands another when an agent converts a call: no retyping. */
export interface Prefill {
  fromCase?: string;
  channel?: Channel;
  customerAccount?: string;
  summary?: string;
  notes?: string;
}

interface NavigationState {
  active: string;
  prefill: Prefill | null;
  /** Shows a panel, optionally with data carried over; the panel takes it with takePrefill(). */
  open(panel: string, prefill?: Prefill): void;
  takePrefill(): Prefill | null;
}

export const useNavigation = create<NavigationState>((set, get) => ({
  active: 'calls',
  prefill: null,
  open: (active, prefill) => set({ active, prefill: prefill ?? null }),
  takePrefill() {
    const { prefill } = get();
    if (prefill) set({ prefill: null });
    return prefill;
  },
}));
