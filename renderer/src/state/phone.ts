import { create } from 'zustand';
import type { PhoneCall } from '../../../shared/contract/channels.js';

interface PhoneState {
  /** A call ringing at this desk: the caller pop-up shows it. */
  ringing: PhoneCall | null;
  /** The call this agent is on (answered), until the next one; the call log times it. */
  current: PhoneCall | null;
  /** Takes one of the phone system's reports; only calls ringing at this operator's desk count. */
  report(call: PhoneCall, username: string): void;
  dismiss(): void;
  /** The current call was logged as this case: the next log entry is not for it. */
  logged(caseId: string): void;
}

const ringsAt = (call: PhoneCall, username: string) => call.agents.length === 0 || call.agents.includes(username) || call.answeredBy === username;

export const usePhone = create<PhoneState>((set, get) => ({
  ringing: null,
  current: null,
  report(call, username) {
    if (!ringsAt(call, username)) return;
    const { ringing, current } = get();
    if (call.state === 'ringing') return set({ ringing: call });
    const stillRinging = ringing?.id === call.id ? null : ringing;
    if (call.state === 'answered' && (!call.answeredBy || call.answeredBy === username)) return set({ ringing: stillRinging, current: call });
    set({ ringing: stillRinging, current: current?.id === call.id ? call : current });
  },
  dismiss: () => set({ ringing: null }),
  logged: (caseId) => set((s) => ({ current: s.current && { ...s.current, caseId } })),
}));
