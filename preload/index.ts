import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge } from '../common/ipc/bridge';
import { DRAG_OUT_CHANNEL, PRINT_CHANNEL } from '../common/ipc/shellChannels';

// The whole preload: the contract-derived API over ipcRenderer, and nothing else of ipcRenderer.
contextBridge.exposeInMainWorld('faxdesk', createBridge({
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  subscribe: (event, listener) => {
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
  // A file from disk goes by path, so the page never holds it; one made in the page (no path) as bytes.
  addFile: async (file) => {
    const path = webUtils.getPathForFile(file as File);
    if (path) return ipcRenderer.invoke('documents.addFile', { path, name: file.name });
    return ipcRenderer.invoke('documents.add', { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  },
  documentUrl: (id) => `app://faxdesk/documents/${encodeURIComponent(id)}`,
  // The shell prints this window with the system dialog (main/shell/printing.ts).
  print: (jobName) => ipcRenderer.invoke(PRINT_CHANNEL, { jobName }),
  // The shell writes a copy with a clean name and starts the OS drag (main/shell/dragOut.ts).
  dragOut: (faxId) => {
    ipcRenderer.send(DRAG_OUT_CHANNEL, { faxId });
    return true;
  },
}));
