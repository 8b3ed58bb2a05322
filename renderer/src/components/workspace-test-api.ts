// Component tests of the workspace panels: a window.api answering by call name, recording calls.
import { vi } from 'vitest';
import type { DeskApi } from '../../../shared/contract/index.js';

export type Reply = (input: unknown) => Awaited<ReturnType<DeskApi['call']>>;

export function fakeApi(replies: Record<string, Reply>) {
  const calls: { name: string; input: unknown }[] = [];
  window.api = {
    call: vi.fn(async (name: string, input: unknown) => {
      calls.push({ name, input });
      const reply = replies[name];
      return reply ? reply(input) : { ok: false, error: { code: 'not-found', message: `no fake for ${name}` } };
    }) as DeskApi['call'],
    on: () => () => {},
  };
  return calls;
}

export const ok = (value: unknown) => () => ({ ok: true as const, value });

export const ACME = { id: 'acme-01', name: 'Acme Ltd', vip: false, region: 'cn-hangzhou', contacts: [], createdAt: '2026-01-01T00:00:00Z' };
