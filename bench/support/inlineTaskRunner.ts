import type { RunOptions, TaskHandlers, TaskInput, TaskKind, TaskOutput, TaskRunner } from '../../main/core/workers/taskProtocol';

/**
 * Runs tasks on the calling thread, as the core did before the worker pool: the "old path" benches
 * compare the pool against, in the same run. No time limit can stop a task here; never use it in the app.
 */
export class InlineTaskRunner<H extends TaskHandlers> implements TaskRunner<H> {
  constructor(private readonly handlers: H) {}

  async run<K extends TaskKind<H>>(kind: K, input: TaskInput<H, K>, options: RunOptions = {}): Promise<TaskOutput<H, K>> {
    options.signal?.throwIfAborted();
    const handler = this.handlers[kind] as (input: TaskInput<H, K>, context: { transfer(): void }) => TaskOutput<H, K>;
    return handler(input, { transfer: () => {} });
  }
}
