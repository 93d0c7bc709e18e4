/** Entry of the core's worker threads: built next to the main bundle (taskWorker.js). */
import { coreTasks } from './coreTasks';
import { serveTasks } from './serveTasks';

serveTasks(coreTasks);
