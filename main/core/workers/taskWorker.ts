/** Entry of the core's workers (processes; threads in the pool's tests): built next to the main bundle (taskWorker.js). */
import { coreTasks } from './coreTasks';
import { serveTasks } from './serveTasks';

serveTasks(coreTasks);
