// The thin Electron shell: the only module (with its siblings here) that imports electron
// or electron-store. Everything it hosts runs unchanged under the browser host and tests.
import { createReadStream } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, net, protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../server/content-security-policy.js';
import { openDesk, type OpenedDesk } from '../server/open-desk.js';
import { limitHeapGrowth } from '../server/heap-growth.js';
import { startCtiListener } from '../server/cti/listener.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels.js';
import { APP_ORIGIN, APP_SCHEME, hardenSessions, isTrustedSender } from './security.js';
import { electronSettings } from './settings.js';
import { safeStorageKeyProvider } from './store-keys.js';
import { electronSecretStore } from './secrets.js';
import { FILES_PATH } from '../../shared/contract/uploads.js';
import { EXPIRED_LINK } from '../server/uploads/downloads.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '..', 'renderer');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

limitHeapGrowth();
if (!app.requestSingleInstanceLock()) app.quit(); // one process per data directory
else void start();

async function start() {
  await app.whenReady();
  hardenSessions();
  protocol.handle(APP_SCHEME, async (request) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url).pathname);
    } catch {
      return new Response('bad request', { status: 400 });
    }
    // A file kept on a case or a finished export, by the link the desk gave: Chromium saves it (Content-Disposition: attachment).
    const served = path.startsWith(FILES_PATH) && opened ? opened.desk.services.downloads.served(path, opened.desk.services.now().getTime()) : null;
    if (served) return new Response(Readable.toWeb(createReadStream(served.file)) as ReadableStream, { headers: served.headers });
    if (path.startsWith(FILES_PATH)) return new Response(EXPIRED_LINK, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    const file = normalize(join(rendererDir, path === '/' ? 'index.html' : path));
    // With the separator: a sibling folder such as renderer-evil/ must not pass as inside.
    if (!file.startsWith(normalize(rendererDir + sep))) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });

  const config = electronSettings();
  let opened: OpenedDesk | undefined;
  try {
    // A team desk when the team URL setting is set; otherwise the desk works on its own local store.
    const userData = app.getPath('userData');
    opened = await openDesk({
      dataDir: join(userData, 'data'),
      settings: config.settings,
      teamUrl: config.settings.get().teamUrl,
      secrets: electronSecretStore(userData),
      keys: safeStorageKeyProvider(join(userData, 'keys')),
    });
  } catch (error) {
    dialog.showErrorBox('Assurance Desk cannot open its data', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }

  const window = new BrowserWindow({
    ...config.windowBounds(),
    minWidth: 1024,
    minHeight: 640,
    title: 'Assurance Desk',
    show: false,
    webPreferences: {
      preload: join(here, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: !app.isPackaged, // no DevTools in what users run
    },
  });
  window.once('ready-to-show', () => window.show());
  window.on('close', () => config.saveWindowBounds(window.getBounds()));

  const connection = opened.desk.connect();
  ipcMain.handle(CALL_CHANNEL, (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event, window.webContents)) {
      return { ok: false, error: { code: 'forbidden', message: 'not the desk window' } };
    }
    return opened.desk.dispatch(connection, name, input);
  });
  opened.desk.onEvent((event, payload) => {
    if (connection.operator && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event, payload);
  });
  const notices = [...config.notices, ...opened.notices];
  if (notices.length > 0) {
    void dialog.showMessageBox(window, { type: 'warning', title: 'Assurance Desk', message: notices.join('\n\n') });
  }

  // The phone system's posts (generic CTI) reach the shell on loopback; the token guards them.
  const cti = await startCtiListener(opened.desk.services, { port: Number(process.env.ASSURANCE_DESK_CTI_PORT ?? 4590) }).catch((error: unknown) => {
    console.error(`[cti] no listener: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  });

  await window.loadURL(`${APP_ORIGIN}/index.html`);
  app.on('window-all-closed', () => app.quit());
  // Quit only once the store (journal flushed, lock released) and the CTI listener are closed: hold the quit, close, then exit.
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    Promise.all([cti?.close(), opened.close()]).then(
      () => app.exit(0),
      (error: unknown) => {
        console.error('[desk] closing the store failed:', error);
        app.exit(1);
      },
    );
  });
}
