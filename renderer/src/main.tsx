import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { ensureApi } from './api/client.js';
import { App } from './App.js';
import { i18n } from './i18n/index.js';
import { DeskTheme } from './DeskTheme.js';

ensureApi();
// The browser host's token came in the address; its cookie carries it from here on, so it
// leaves the address bar (and the history, bookmarks and screen shares with it).
const address = new URL(location.href);
if (address.searchParams.has('token')) {
  address.searchParams.delete('token');
  history.replaceState(history.state, '', address);
}
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <DeskTheme>
        <App />
      </DeskTheme>
    </I18nextProvider>
  </StrictMode>,
);
