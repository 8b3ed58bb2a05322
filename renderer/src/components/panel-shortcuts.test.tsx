// Every panel shortcut shown can be typed: Alt+1…9, Alt+0, Alt+Shift+1…9, matched on the key's code.
import { expect, it } from 'vitest';
import { panelIndexOf, panelShortcut } from './panel-shortcuts.js';

const press = (code: string, shiftKey = false) => panelIndexOf({ altKey: true, shiftKey, ctrlKey: false, metaKey: false, code });

it('names and reads back the same key for each of 19 panels, and none past them', () => {
  expect([0, 8, 9, 10, 13, 18, 19].map(panelShortcut)).toEqual(['Alt+1', 'Alt+9', 'Alt+0', 'Alt+Shift+1', 'Alt+Shift+4', 'Alt+Shift+9', undefined]);
  expect(press('Digit1')).toBe(0);
  expect(press('Digit0')).toBe(9);
  expect(press('Digit1', true)).toBe(10); // Shift+1 types "!" on a US layout: the code is still Digit1
  expect(press('Numpad4', true)).toBe(13);
  expect(press('Digit0', true)).toBe(-1);
  expect(press('KeyC')).toBe(-1);
  expect(panelIndexOf({ altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, code: 'Digit1' })).toBe(-1);
});
