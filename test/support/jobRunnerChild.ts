/**
 * A job runner in its own process, on a database file shared with the test (two runners on one
 * database; a runner killed mid-job). Run with `node --import tsx`:
 *   jobRunnerChild.ts <db file> <owner> <count|hang> <leaseMs> [<total>]
 * count: each job inserts one row into `runs`; the child exits once `total` runs are recorded (by
 *        either runner) and it has nothing running.
 * hang:  each job records that it started, then never finishes (the test kills the process).
 */
import { DatabaseSync } from 'node:sqlite';
import { JobRunner } from '../../main/core/jobs/jobRunner';
import { JobStore } from '../../main/core/jobs/jobStore';
import { createLogger } from '../../main/core/log';

const [file, owner, mode, leaseMs, total = '0'] = process.argv.slice(2) as [string, string, 'count' | 'hang', string, string?];
const db = new DatabaseSync(file);
db.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000;');
const runner = new JobRunner(new JobStore(db), {
  owner, log: createLogger(() => {}), leaseMs: Number(leaseMs), pollMs: 20, concurrency: () => 3,
});
const record = db.prepare('INSERT INTO runs (job_id, owner, attempt, recovered) VALUES (?, ?, ?, ?)');
const othersRuns = db.prepare('SELECT COUNT(*) AS n FROM runs WHERE owner <> ?');
runner.register<{ n: number }>('test.job', async (context) => {
  record.run(context.id, owner, context.attempt, context.recovered ? 1 : 0);
  if (mode === 'hang') await new Promise(() => {});
  // On a busy machine one process can be starved long enough for the other to take every job; the
  // jobs this runner holds wait (up to 20 s) until the other runner has started one, so both take part.
  for (const until = Date.now() + 20_000; (othersRuns.get(owner) as { n: number }).n === 0 && Date.now() < until;) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  // A little real async work, so the two processes interleave.
  await new Promise((resolve) => setTimeout(resolve, 2 + (context.payload.n % 5)));
});
runner.start();
process.send?.('started');
if (mode === 'count') {
  const recorded = db.prepare('SELECT COUNT(*) AS n FROM runs');
  const timer = setInterval(() => {
    if ((recorded.get() as { n: number }).n >= Number(total) && runner.runningCount() === 0) {
      clearInterval(timer);
      void runner.stop().then(() => { db.close(); process.exit(0); });
    }
  }, 20);
}
