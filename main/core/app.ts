import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../common/ipc/result';
import type { AppSettings } from '../../common/ipc/contract';
import { Accounts, type ProviderFactory } from './accounts/accounts';
import { AuditLog } from './audit/auditLog';
import { ConnectionCheck } from './accounts/connectionCheck';
import { ConnectionStatus } from './accounts/connectionStatus';
import { Contacts } from './contacts/contacts';
import type { DemoEnvironment } from './accounts/demoPort';
import type { SecretStore } from './accounts/secretStore';
import { scheduleDocumentSweep } from './documents/documentSweep';
import { CoverPages } from './cover/coverPages';
import { CoverTemplatesRepo } from './cover/coverTemplatesRepo';
import { DocumentStore } from './documents/documentStore';
import type { DocumentContent } from './crypto/sealedFiles';
import { metaMark, STORED_FOLDERS } from './crypto/plainMigration';
import { Vault } from './crypto/vault';
import { Desktop } from './desktop/desktop';
import type { HotFolderTiming } from './desktop/hotFolder';
import { Updates, type UpdaterPort } from './desktop/updates';
import { Drafts } from './drafts/drafts';
import { Patients } from './patients/patients';
import { DraftsRepo } from './store/draftsRepo';
import { findLibreOffice } from './documents/normalize/findLibreOffice';
import { resolvePaper, systemRegion } from './documents/paper';
import { CoreEvents } from './events';
import { createDispatcher, type Dispatch, type Handlers } from './ipc/dispatcher';
import { Inbox, type InboxOptions } from './inbox/inbox';
import { DragOutFiles } from './inbox/dragOut';
import { createHandlers } from './ipc/handlers';
import type { BackoffPolicy } from './jobs/backoff';
import { JobRunner } from './jobs/jobRunner';
import { JobStore } from './jobs/jobStore';
import { AppLock } from './lock/appLock';
import { guardWhileLocked, windowEvents } from './lock/lockGuard';
import type { ScryptCost } from './lock/pinHash';
import { createLogger, type Logger } from './log';
import { FaxPrices } from './outbox/faxPrices';
import { FaxRecords } from './outbox/faxRecords';
import { Outbox } from './outbox/outbox';
import { defaultProviderFactory } from './providers/providerFactory';
import { Retention, retentionKey, scheduleRetention } from './retention/retention';
import { AppSettingsStore } from './settings/appSettings';
import { AccountsRepo } from './store/accountsRepo';
import { openDatabase, type Database } from './store/database';
import { DocumentsRepo } from './store/documentsRepo';
import { FaxJobsRepo } from './store/faxJobsRepo';
import { MetaRepo } from './store/metaRepo';
import { createCorePool } from './workers/corePool';
import type { TaskProcessLauncher } from './workers/processTransport';
import type { CoreTasks } from './workers/coreTasks';
import type { TaskRunner } from './workers/taskProtocol';

export interface CoreOptions {
  dataDir: string;
  secretStore: SecretStore;
  host: 'electron' | 'web-bridge';
  version: string;
  logger?: Logger;
  providerFactory?: ProviderFactory;
  /** The Demo accounts' emulators (main/demo). Without it there are no demo accounts. */
  demo?: DemoEnvironment;
  /** Base interval between status polls of a fax on its way (ms). */
  followIntervalMs?: number;
  /** Scales the waits between automatic checks of a failing account (tests). */
  recheckScale?: number;
  /** Scales how long a fax should take before it counts as stuck (tests). */
  faxDurationScale?: number;
  /** Faxes of one account submitted at once; each account has its own queue. */
  sendConcurrency?: number;
  /** Test every account's connection at start-up (the app does; most tests do not). */
  checkAccountsOnStart?: boolean;
  /** Job runner timing (tests shorten it). */
  jobs?: { leaseMs?: number; pollMs?: number; backoff?: BackoffPolicy };
  /**
   * soffice, for Word files to become real pages. Default: looked up once where LibreOffice is
   * usually installed; `false`: none (the file is sent as it is and the provider converts it).
   */
  libreOffice?: string | false;
  /** Runs the CPU-heavy steps; default: the core's worker pool (benches pass the main thread to compare). */
  tasks?: TaskRunner<CoreTasks>;
  /** Starts the worker pool's processes; default: Node's fork (the Electron shell passes utilityProcess). */
  taskProcesses?: TaskProcessLauncher;
  /** Inbox sync timing (tests shorten it); `intervalMs` overrides the poll interval setting. */
  inbox?: InboxOptions & { intervalMs?: number };
  /** Print-to-fax folder timing (tests shorten it). */
  hotFolder?: Partial<HotFolderTiming>;
  /** The OS account the audit log names (tests); default `os.userInfo().username`. */
  osUser?: string;
  /** The lock's clock (tests move it to pass idle time and back-off waits) and scrypt cost. */
  lock?: { now?: () => number; scrypt?: ScryptCost };
  /** Loads electron-updater's autoUpdater (the shell); without it the app does not update itself. */
  updater?: () => Promise<UpdaterPort | undefined>;
}

/** What the shell and the dev bridge may use: the handler table and a few named entry points. */
export interface Core {
  handlers: Handlers;
  /** The window's dispatch: while locked, only the lock's channels and a few without PHI answer. */
  dispatch: Dispatch;
  /** For the shell's own readers (badge, tray counts, the notification sound), never for the window: not refused while locked. */
  dispatchInternal: Dispatch;
  /** Every event, for the core's and the shell's own listeners (notifications, tray). */
  events: CoreEvents;
  /** The events the window may hear: while locked, only `lock.changed`. */
  windowEvents: { subscribe: CoreEvents['subscribe'] };
  isLocked(): boolean;
  /** The OS locked its screen: Faxdesk locks too (when auto-lock is on). */
  onScreenLocked(): void;
  /** Faxdesk's settings now, and each time they change (the shell follows "start at sign-in"). */
  followSettings(listener: (settings: AppSettings) => void): () => void;
  log: Logger;
  /** The computer woke up: look at due work and accounts now rather than at the next timer. */
  onSystemResume(): void;
  /** The computer is going to sleep: polls pause (and catch up on resume). */
  onSystemSuspend(): void;
  /** The network went away or came back. */
  onOnlineChanged(online: boolean): void;
  /**
   * A document's content (what is sent, or a received fax), decrypted as it streams, with its size
   * and any byte range: for the shell's and the bridge's document routes. Undefined: no such document.
   */
  documentContent(id: string): Promise<DocumentContent | undefined>;
  /** A received fax as a file with a clean name, for dragging it out of the window (the shell's startDrag). */
  dragOutFile(faxId: string): Promise<string>;
  /**
   * A launch's command line (the first, or a second instance's): files and `--to` open compose.
   * `skip`: leading arguments that are Electron's own (the executable; in development the app folder).
   */
  openLaunch(argv: readonly string[], options: { skip: number; cwd: string }): Promise<unknown>;
  /** Files the OS handed over one by one (macOS open-file). */
  openFiles(paths: readonly string[], cwd: string): Promise<unknown>;
  close(): Promise<void>;
}

/** The parts behind the Core, for tests and benchmarks that look inside. */
export interface CoreServices {
  db: Database;
  accounts: Accounts;
  status: ConnectionStatus;
  connection: ConnectionCheck;
  documents: DocumentStore;
  outbox: Outbox;
  inbox: Inbox;
  runner: JobRunner;
  jobs: JobStore;
  contacts: Contacts;
  drafts: Drafts;
  desktop: Desktop;
  audit: AuditLog;
  retention: Retention;
  lock: AppLock;
}

/** Composes the core. Both the Electron shell and the dev/test bridge start exactly this. */
export function createCore(options: CoreOptions): Core {
  return composeCore(options).core;
}

export function composeCore(options: CoreOptions): { core: Core; services: CoreServices } {
  const log = options.logger ?? createLogger();
  const db = openDatabase(join(options.dataDir, 'faxdesk.sqlite'));
  const events = new CoreEvents();
  const meta = new MetaRepo(db);
  const status = new ConnectionStatus();
  const accountsRepo = new AccountsRepo(db);
  const accounts = new Accounts({
    repo: accountsRepo, meta, secrets: options.secretStore, factory: options.providerFactory ?? defaultProviderFactory,
    status, events, log, demo: options.demo,
  });
  accounts.seedDemoAccounts(new Date().toISOString());
  const pool = options.tasks ? undefined : createCorePool(options.taskProcesses ? { processes: options.taskProcesses } : {}); // closed with the core; a runner handed in is the caller's
  const tasks = options.tasks ?? pool!;
  const settings = new AppSettingsStore(meta);
  let soffice: Promise<string | undefined> | undefined;
  // Every stored document is sealed under the keychain's master key; plain ones from an older version are sealed first.
  const vault = new Vault(options.dataDir, options.secretStore);
  const vaultReady = vault.migrate(STORED_FOLDERS.map((folder) => join(options.dataDir, folder)), metaMark(meta), log);
  const documents = new DocumentStore(options.dataDir, new DocumentsRepo(db), tasks, {
    vault, log,
    paper: () => resolvePaper(settings.get().paperSize),
    libreOffice: () => (soffice ??= options.libreOffice === false ? Promise.resolve(undefined)
      : options.libreOffice !== undefined ? Promise.resolve(options.libreOffice) : findLibreOffice()),
  });
  const repo = new FaxJobsRepo(db);
  const records = new FaxRecords(repo, documents, events, (id) => accounts.isDemo(id), options.faxDurationScale);

  const jobs = new JobStore(db);
  const installation = meta.getOrCreate('installationId', randomUUID);
  const sendConcurrency = options.sendConcurrency ?? 4;
  const runner = new JobRunner(jobs, {
    owner: `${installation}/${randomUUID()}`, log, ...options.jobs,
    concurrency: (queue) => (queue.startsWith('send:') ? sendConcurrency : 4),
  });
  const connection = new ConnectionCheck(accounts, status, runner, options.recheckScale);
  const contacts = new Contacts({ db, tasks, events, region: systemRegion });
  const covers = new CoverPages({
    repo: new CoverTemplatesRepo(db), documents, tasks, accounts, paper: () => resolvePaper(settings.get().paperSize),
    contactOf: (e164) => contacts.repo.byNumber(e164),
  });
  const prices = new FaxPrices(db);
  // Server drafts' files arrive plain: in the private temp folder (emptied at start-up), until they are sealed.
  const incomingFolder = join(vault.temp.root, 'drafts-incoming');
  mkdirSync(incomingFolder, { recursive: true });
  const drafts = new Drafts({ db, repo: new DraftsRepo(db), documents, accounts, runner, events, log, incomingFolder, reservedServerDrafts: () => repo.reservedRemoteDrafts() });
  const outbox = new Outbox({ db, repo, records, documents, accounts, status, runner, tasks, settings, log, covers, prices, drafts }, {
    followIntervalMs: options.followIntervalMs ?? 2_000,
  });
  // Jobs this installation held when it last stopped (crash, kill) are due now, not when their leases run out.
  const recovered = jobs.recoverLeasesOf(installation, runner.owner);
  if (recovered > 0) log.warn('resuming jobs interrupted by the last shutdown', { jobs: recovered });
  outbox.resume();
  const inbox = new Inbox({
    db, dataDir: options.dataDir, accounts, status, runner, jobs, tasks, documents, events, log, demo: options.demo,
    intervalMs: () => options.inbox?.intervalMs ?? settings.get().inboxPollSeconds * 1_000,
    hiddenAccounts: () => (settings.get().hideDemoAccounts ? accountsRepo.list().filter((row) => row.demo).map((row) => row.id) : []),
  }, options.inbox);
  const dragOut = new DragOutFiles(join(options.dataDir, 'tmp', 'drag-out'), (id) => inbox.files.export(id, false), log);
  void dragOut.sweep();
  const inboxReady = inbox.resume().catch((error: unknown) => log.error('inbox could not resume', { error }));
  // New accounts get their loops; an account whose settings were fixed polls at once.
  events.subscribe((event, payload) => {
    if (event === 'contacts.changed') inbox.refreshContactNames();
    if (event !== 'accounts.changed') return;
    const ids = (payload as Array<{ id: string }>).map((account) => account.id);
    inbox.loop.ensure(ids);
    inbox.loop.syncNow(ids.filter((id) => inbox.loop.state(id)?.state === 'signed_out'));
  });
  scheduleDocumentSweep(runner, documents, log);
  runner.start();
  if (options.checkAccountsOnStart) void connection.testAll();

  const desktop = new Desktop({ documents, events, log, settings, region: systemRegion, hotFolderTiming: options.hotFolder });
  const desktopReady = desktop.start().catch((error: unknown) => log.error('the print-to-fax folder could not start', { error }));

  // Updates follow their setting: off (nothing loaded, nothing asked) until a feed is set.
  const updates = new Updates({ load: options.updater, emit: (status) => events.emit('updates.changed', status), log });
  const followUpdates = (feedUrl: string) => updates.configure(feedUrl).catch((error: unknown) => log.error('updates could not be configured', { error }));
  void followUpdates(settings.get().updateFeedUrl);
  settings.onChange((changed) => void followUpdates(changed.updateFeedUrl));

  // The lock screen (issue 13, item 3) records unlock / unlock_failed through this same log.
  const audit = new AuditLog({ db, meta, osUser: options.osUser });
  const retention = new Retention({ db, documents, inboxFolder: inbox.folder, audit, events, log, periods: () => settings.get() });
  scheduleRetention(runner, retention, (run) => {
    let last = retentionKey(settings.get());
    settings.onChange((now) => {
      if (retentionKey(now) !== last) run();
      last = retentionKey(now);
    });
  });
  const lock = new AppLock({ meta, audit, events, log, idleMinutes: () => settings.get().lockAfterMinutes, ...options.lock });
  lock.schedule();
  settings.onChange(() => lock.schedule()); // a shorter idle time counts at once
  const handlers = createHandlers({
    version: options.version, host: options.host, accounts, connection, documents, outbox, inbox, settings, covers, prices, contacts, drafts,
    patients: new Patients(accounts), desktop, audit, lock, log, updates,
  });
  const dispatchInternal = createDispatcher(handlers, log);
  const isLocked = () => lock.isLocked();
  let offline = false;
  let asleep = false;
  const pauseRunner = () => runner.setPaused(offline || asleep);
  let closing: Promise<void> | undefined;
  const core: Core = {
    handlers,
    dispatch: guardWhileLocked(dispatchInternal, isLocked),
    dispatchInternal,
    events,
    windowEvents: windowEvents((listener) => events.subscribe(listener), isLocked),
    isLocked,
    followSettings(listener) {
      listener(settings.get());
      return settings.onChange(listener);
    },
    onScreenLocked: () => void lock.lockAutomatically('os_lock'),
    log,
    onSystemResume() {
      // Asleep longer than the idle time: locked before anything else is shown.
      lock.checkIdle();
      lock.schedule();
      asleep = false;
      inbox.loop.setPaused('asleep', false);
      pauseRunner();
      // Catch up: every inbox polls now rather than at its next timer.
      inbox.syncNow();
      runner.wake();
      void connection.testAll();
    },
    onSystemSuspend() {
      lock.lockAutomatically('sleep');
      asleep = true;
      inbox.loop.setPaused('asleep', true);
      pauseRunner();
    },
    // Fax documents are PHI: none is served while locked.
    documentContent: async (id) => (lock.isLocked() ? undefined : (await documents.content(id)) ?? inbox.documentContent(id)),
    async dragOutFile(faxId) {
      if (isLocked()) throw AppError.of('locked', 'Faxdesk is locked.');
      const path = await dragOut.fileFor(faxId);
      // Dragged to a folder is saved: the same entry as Save as PDF.
      audit.record('saved', { type: 'fax', id: faxId }, { dragged: true });
      return path;
    },
    openLaunch: (argv, launch) => desktop.requests.openLaunch(argv, launch),
    openFiles: (paths, cwd) => desktop.requests.openFiles(paths, { cwd }),
    onOnlineChanged(online) {
      log.info(online ? 'network is back' : 'network is gone');
      offline = !online;
      inbox.loop.setPaused('offline', offline);
      pauseRunner();
      if (online) {
        inbox.syncNow();
        void connection.testAll();
      }
    },
    close() {
      closing ??= (async () => {
        lock.close();
        await inboxReady;
        await desktopReady;
        await vaultReady;
        updates.stop();
        await desktop.close();
        await runner.stop(1_000);
        await pool?.close();
        await options.demo?.close();
        db.close();
      })();
      return closing;
    },
  };
  return { core, services: { db, accounts, status, connection, documents, outbox, inbox, runner, jobs, contacts, drafts, desktop, audit, retention, lock } };
}
