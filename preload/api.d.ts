import type { FaxdeskApi } from '../common/ipc/bridge';

declare global {
  interface Window {
    /** Installed by the preload (Electron) or the dev/test bridge (browser). */
    readonly faxdesk: FaxdeskApi;
  }
}
export {};
