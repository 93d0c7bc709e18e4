import type { UpdaterPort } from '../core/desktop/updates';

type ModuleImporter = (name: string) => Promise<unknown>;

/**
 * electron-updater's autoUpdater, loaded only once updates are turned on in Settings (it reads the
 * app's files as it loads, so it is never loaded while updates are off). A build whose package
 * lacks it answers undefined ("cannot update itself") instead of failing.
 */
const importElectronUpdater: ModuleImporter = () => import('electron-updater');

export async function loadElectronUpdater(importModule: ModuleImporter = importElectronUpdater): Promise<UpdaterPort | undefined> {
  let loaded: unknown;
  try {
    loaded = await importModule('electron-updater');
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' || (error as { code?: string }).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
  // electron-updater is CommonJS: from ESM its exports arrive as named exports and as `default`.
  const exports = loaded as { autoUpdater?: unknown; default?: { autoUpdater?: unknown } };
  const candidate = exports.autoUpdater ?? exports.default?.autoUpdater;
  return isUpdater(candidate) ? candidate : undefined;
}

function isUpdater(value: unknown): value is UpdaterPort {
  const updater = value as Partial<Record<keyof UpdaterPort, unknown>> | undefined;
  return typeof updater?.setFeedURL === 'function' && typeof updater.checkForUpdates === 'function' && typeof updater.on === 'function';
}
