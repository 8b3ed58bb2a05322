import type { Handlers } from '../context.js';

export const settingsHandlers: Pick<Handlers, 'settings.get' | 'settings.update' | 'settings.updateDesk'> = {
  'settings.get': (_input, { settings }) => settings.get(),
  'settings.update': (input, { settings }) => settings.update(input.language ? { ...input, languageChosen: true } : input),
  'settings.updateDesk': (input, { settings }) => settings.update(input),
};
