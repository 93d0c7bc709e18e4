/**
 * A job runner in its own process, on a database file shared with the test (two runners on one
 * database; a runner killed mid-job). Run with `node --import tsx`:
 *   jobRunnerChild.ts <db file> <owner> <count|hang> <leaseMs>
 * count: each job inserts one row into `runs` and the child exits once no job is left.
 * hang:  each job records that it started, then never finishes (the test kills the process).
 */
import { DatabaseSync } from 'node:sqlite';
import { JobRunner } from '../../main/core/jobs/jobRunner';
import { JobStore } from '../../main/core/jobs/jobStore';
import { createLogger } from '../../main/core/log';

const [file, owner, mode, leaseMs] = process.argv.slice(2) as [string, string, 'count' | 'hang', string];
const db = new DatabaseSync(file);
db.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000;');
const runner = new JobRunner(new JobStore(db), {
  owner, log: createLogger(() => {}), leaseMs: Number(leaseMs), pollMs: 20, concurrency: () => 3,
});
const record = db.prepare('INSERT INTO runs (job_id, owner, attempt, recovered) VALUES (?, ?, ?, ?)');
runner.register<{ n: number }>('test.job', async (context) => {
  record.run(context.id, owner, context.attempt, context.recovered ? 1 : 0);
  if (mode === 'hang') await new Promise(() => {});
  // A little real async work, so the two processes interleave.
  await new Promise((resolve) => setTimeout(resolve, context.payload.n % 3));
});
runner.start();
process.send?.('started');
if (mode === 'count') {
  const left = db.prepare('SELECT COUNT(*) AS n FROM jobs');
  const timer = setInterval(() => {
    if ((left.get() as { n: number }).n === 0 && runner.runningCount() === 0) {
      clearInterval(timer);
      void runner.stop().then(() => { db.close(); process.exit(0); });
    }
  }, 20);
}
