// The countdowns share one clock and redraw only when their text changes: a case hours overdue
// once a minute, one minutes from its deadline every second; the words follow the language.
import { act, cleanup, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/index.js';
import { Countdown } from './format.js';

const DUE = Date.parse('2026-12-02T08:00:00Z');

beforeEach(async () => {
  vi.useFakeTimers();
  await i18n.changeLanguage('en');
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const tick = (ms: number) => act(() => void vi.advanceTimersByTime(ms));

it('counts down every second near the deadline and turns to a warning five minutes before it', () => {
  // 5 min 02 s before the due instant.
  vi.setSystemTime(DUE - (5 * 60 + 2) * 1000);
  render(<Countdown due={new Date(DUE).toISOString()} />);
  const shown = screen.getByTestId('countdown');
  expect(shown.textContent).toBe('5 min 02 s left');
  expect(shown.dataset.tone).toBe('ahead');
  tick(1000);
  expect(shown.textContent).toBe('5 min 01 s left');
  tick(2000); // 4 min 59 s left: under five minutes
  expect(shown.textContent).toBe('4 min 59 s left');
  expect(shown.dataset.tone).toBe('soon');
});

it('redraws a case hours overdue only when its minute changes, and in the new language at once', async () => {
  // 3 h 05 min 10 s overdue: 11,110 s past due.
  vi.setSystemTime(DUE + (3 * 3600 + 5 * 60 + 10) * 1000);
  let commits = 0;
  render(
    <Profiler id="countdown" onRender={() => commits++}>
      <Countdown due={new Date(DUE).toISOString()} />
    </Profiler>,
  );
  const shown = screen.getByTestId('countdown');
  expect(shown.textContent).toBe('overdue by 3 h 05 min');
  expect(shown.dataset.tone).toBe('overdue');
  const mounted = commits;
  tick(49_000); // 11,159 s: still 3 h 05 min, 49 ticks of the clock
  expect(shown.textContent).toBe('overdue by 3 h 05 min');
  expect(commits).toBe(mounted);
  tick(1000); // 11,160 s = 3 h 06 min
  expect(shown.textContent).toBe('overdue by 3 h 06 min');
  expect(commits).toBe(mounted + 1);
  await act(() => i18n.changeLanguage('zh-CN'));
  expect(shown.textContent).toBe('已超时 3小时 06分');
});
