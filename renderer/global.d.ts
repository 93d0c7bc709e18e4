import type { FaxdeskApi } from '../common/ipc/bridge';

declare global {
  interface Window {
    /** Installed by preload (Electron) or by the dev/test bridge. The page's only way to the core. */
    readonly faxdesk: FaxdeskApi;
  }
}

export {};
