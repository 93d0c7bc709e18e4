import { join } from 'node:path';
import type { Dispatch } from './ipc/dispatcher';
import { createDispatcher, type Handlers } from './ipc/dispatcher';
import { createHandlers } from './ipc/handlers';
import { AccountRegistry, type ProviderFactory } from './accounts/accountRegistry';
import { createDemoEnvironment, type ClosableDemoEnvironment, type DemoOptions } from './accounts/demoEnvironment';
import type { SecretStore } from './accounts/secretStore';
import { DocumentStore } from './documents/documentStore';
import { CoreEvents } from './events';
import { createLogger, type Logger } from './log';
import { Outbox } from './outbox/outbox';
import { defaultProviderFactory } from './providers/providerFactory';
import { AccountsRepo } from './store/accountsRepo';
import { openDatabase } from './store/database';
import { DocumentsRepo } from './store/documentsRepo';
import { JobsRepo } from './store/jobsRepo';
import { createCorePool } from './workers/corePool';
import type { CoreTasks } from './workers/coreTasks';
import type { TaskRunner } from './workers/taskProtocol';

export interface CoreOptions {
  dataDir: string;
  secretStore: SecretStore;
  host: 'electron' | 'web-bridge';
  version: string;
  logger?: Logger;
  providerFactory?: ProviderFactory;
  /** Demo accounts on the built-in emulators; `false` turns them off (tests of real accounts). */
  demo?: DemoOptions | false;
  pollIntervalMs?: number;
  /** Test every account's connection at start-up (the app does; most tests do not). */
  checkAccountsOnStart?: boolean;
  /** Runs the CPU-heavy steps; default: the core's worker pool (benches pass the main thread to compare). */
  tasks?: TaskRunner<CoreTasks>;
}

export interface Core {
  handlers: Handlers;
  dispatch: Dispatch;
  events: CoreEvents;
  log: Logger;
  accounts: AccountRegistry;
  outbox: Outbox;
  demo?: ClosableDemoEnvironment;
  close(): Promise<void>;
}

/** Composes the core. Both the Electron shell and the dev/test bridge start exactly this. */
export function createCore(options: CoreOptions): Core {
  const log = options.logger ?? createLogger();
  const db = openDatabase(join(options.dataDir, 'faxdesk.sqlite'));
  const events = new CoreEvents();
  const demo = options.demo === false ? undefined : createDemoEnvironment(options.demo ?? {});
  const accounts = new AccountRegistry(
    new AccountsRepo(db), options.secretStore, options.providerFactory ?? defaultProviderFactory, events, log, demo,
  );
  accounts.seedDemoAccounts(new Date().toISOString());
  const pool = options.tasks ? undefined : createCorePool(); // closed with the core; a runner handed in is the caller's
  const documents = new DocumentStore(options.dataDir, new DocumentsRepo(db), options.tasks ?? pool!);
  const outbox = new Outbox(db, new JobsRepo(db), documents, accounts, events, log, {
    pollIntervalMs: options.pollIntervalMs ?? 1000,
    concurrency: 2,
  });
  outbox.start();
  if (options.checkAccountsOnStart) void accounts.testAll();
  const handlers = createHandlers({ version: options.version, host: options.host, accounts, documents, outbox });
  return {
    handlers,
    dispatch: createDispatcher(handlers, log),
    events,
    log,
    accounts,
    outbox,
    demo,
    async close() {
      await outbox.stop();
      await pool?.close();
      await demo?.close();
      db.close();
    },
  };
}
