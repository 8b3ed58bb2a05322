// Keys that switch panels, each one a person can actually type: Alt+1…9, Alt+0 for the tenth,
// then Alt+Shift+1…9. Matched on the physical key (event.code), so Shift and the keyboard layout
// do not change which digit was pressed. The help overlay and the navigation list show the same.
const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The shortcut of the panel at `index` in the navigation list, or undefined past the 19th. */
export function panelShortcut(index: number): string | undefined {
  if (index < 9) return `Alt+${DIGITS[index]}`;
  if (index === 9) return 'Alt+0';
  if (index < 19) return `Alt+Shift+${DIGITS[index - 10]}`;
  return undefined;
}

/** The index of the panel a key press asks for, or -1. */
export function panelIndexOf(event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>): number {
  if (!event.altKey || event.ctrlKey || event.metaKey) return -1;
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(event.code)?.[1];
  if (digit === undefined) return -1;
  if (digit === '0') return event.shiftKey ? -1 : 9;
  return Number(digit) - 1 + (event.shiftKey ? 10 : 0);
}
