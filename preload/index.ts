import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from '../common/ipc/bridge';

// The whole preload: the contract-derived API over ipcRenderer, and nothing else of ipcRenderer.
contextBridge.exposeInMainWorld('faxdesk', createBridge({
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  subscribe: (event, listener) => {
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
}));
