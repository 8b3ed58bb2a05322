import type { DeskApi } from '../../shared/contract/index.js';

declare global {
  interface Window {
    /** The desk contract: from the preload in Electron, from the WebSocket client in the browser host. */
    api: DeskApi;
  }
}
