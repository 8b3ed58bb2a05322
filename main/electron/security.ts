// Electron hardening that applies to every window: no navigation, no new windows,
// no remote content, no permissions. The page's CSP is set where it is served (index.ts).
import { app, session, type IpcMainInvokeEvent, type WebContents } from 'electron';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://desk`;

export function hardenSessions() {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // Only the desk's own files load: nothing remote, ever.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith(`${APP_ORIGIN}/`) || details.url.startsWith('devtools://');
    callback({ cancel: !allowed });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-frame-navigate', (event) => event.preventDefault()); // subframes too
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** IPC is answered only for our own window showing our own page. */
export function isTrustedSender(event: IpcMainInvokeEvent, window: WebContents | undefined): boolean {
  const url = event.senderFrame?.url ?? '';
  return window !== undefined && event.sender === window && url.startsWith(`${APP_ORIGIN}/`);
}
