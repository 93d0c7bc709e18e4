import { describe, expect, it } from 'vitest';
import { followLoginItem } from '../../main/shell/loginItem';

/** The settings as the core hands them to the shell: now, then on each change. */
function settingsSource(initial: boolean) {
  let listener: ((s: { openAtLogin: boolean }) => void) | undefined;
  let stopped = false;
  const follow = (l: (s: { openAtLogin: boolean }) => void) => {
    listener = l;
    l({ openAtLogin: initial });
    return () => { stopped = true; };
  };
  return { follow, change: (openAtLogin: boolean) => listener?.({ openAtLogin }), stopped: () => stopped };
}

describe('start at sign-in (the shell, with a fake Electron app)', () => {
  it('follows the setting on Windows and macOS: off by default, on and off again, once per change', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      const calls: unknown[] = [];
      const source = settingsSource(false);
      const stop = followLoginItem({ setLoginItemSettings: (s) => calls.push(s) }, platform, source.follow);
      source.change(true);
      source.change(true); // another setting changed: nothing to do
      source.change(false);
      expect(calls).toEqual([{ openAtLogin: false }, { openAtLogin: true }, { openAtLogin: false }]);
      stop();
      expect(source.stopped()).toBe(true);
    }
  });

  it('does nothing on Linux (no login items in Electron there)', () => {
    const calls: unknown[] = [];
    const source = settingsSource(true);
    followLoginItem({ setLoginItemSettings: (s) => calls.push(s) }, 'linux', source.follow);
    source.change(false);
    expect(calls).toEqual([]);
  });
});
