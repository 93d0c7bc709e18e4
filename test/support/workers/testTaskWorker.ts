/** Worker entry for the pool's tests: the core's tasks plus misbehaving ones. */
import { serveTasks } from '../../../main/core/workers/serveTasks';
import { testWorkerTasks } from './testTasks';

serveTasks(testWorkerTasks);
