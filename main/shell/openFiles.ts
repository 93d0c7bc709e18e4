/** What the relay needs of Electron's `app` (the fake in test/support drives it). */
export interface SingleInstanceAppLike {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
  on(event: 'open-file', listener: (event: { preventDefault(): void }, path: string) => void): unknown;
  quit(): void;
}

/** The core's entry points for files from the desktop (Core.openLaunch / Core.openFiles). */
export interface OpenTarget {
  openLaunch(argv: readonly string[], options: { skip: number; cwd: string }): Promise<unknown>;
  openFiles(paths: readonly string[], cwd: string): Promise<unknown>;
}

type Pending = { kind: 'launch'; argv: string[]; cwd: string } | { kind: 'file'; path: string };

export interface OpenRelay {
  /** From now on files go straight to the core (what came earlier first); `show` brings the window up. */
  connect(target: OpenTarget, show: () => void): void;
}

/**
 * One Faxdesk per session: a second launch hands its command line to the first and quits. Must
 * run before `ready`: macOS sends `open-file` for the files it launched Faxdesk with before that.
 * Answers undefined (and quits) when another Faxdesk holds the lock. The paths are not looked at
 * here; the core checks them.
 */
export function claimSingleInstance(app: SingleInstanceAppLike, launch: { argv: readonly string[]; skip: number; cwd: string }): OpenRelay | undefined {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return undefined;
  }
  let pending: Pending[] = [{ kind: 'launch', argv: [...launch.argv], cwd: launch.cwd }];
  let deliver: ((item: Pending) => void) | undefined;
  const hand = (item: Pending) => (deliver ? deliver(item) : pending.push(item));
  app.on('second-instance', (_event, argv, workingDirectory) => hand({ kind: 'launch', argv: [...argv], cwd: workingDirectory }));
  app.on('open-file', (event, path) => {
    event.preventDefault(); // handled: macOS shows no "cannot open" alert
    hand({ kind: 'file', path });
  });
  return {
    connect(target, show) {
      deliver = (item) => {
        // A second launch or an opened file brings the window up, even with nothing to open.
        show();
        const done = item.kind === 'launch' ? target.openLaunch(item.argv, { skip: launch.skip, cwd: item.cwd }) : target.openFiles([item.path], launch.cwd);
        void done.catch(() => undefined); // the core says refusals itself
      };
      const [first, ...rest] = pending;
      pending = [];
      // The first launch's own arguments do not raise the window again.
      if (first?.kind === 'launch') void target.openLaunch(first.argv, { skip: launch.skip, cwd: first.cwd }).catch(() => undefined);
      rest.forEach(deliver);
    },
  };
}
