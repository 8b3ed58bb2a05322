// The preload: exposes exactly the desk contract as `window.api`; nothing else of Node or Electron.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DeskApi } from '../../shared/contract/index.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels.js';

const api: DeskApi = {
  call: (name, input) => ipcRenderer.invoke(CALL_CHANNEL, name, input),
  on(event, listener) {
    const forward = (_sender: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload as never);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => ipcRenderer.off(EVENT_CHANNEL, forward);
  },
};

contextBridge.exposeInMainWorld('api', api);
