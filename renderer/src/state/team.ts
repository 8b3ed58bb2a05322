import { create } from 'zustand';
import type { TeamStatusView } from '../../../shared/contract/index.js';
import { call } from '../api/client.js';

interface TeamState {
  status: TeamStatusView | null;
  /** Reads the status once and follows the desk's 'team.status' notices; returns the unsubscribe. */
  follow(): () => void;
}

export const useTeam = create<TeamState>((set) => ({
  status: null,
  follow() {
    call('team.status', {}).then((status) => set({ status }), () => undefined);
    return window.api.on('team.status', (status) => set({ status }));
  },
}));
