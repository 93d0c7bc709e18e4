// Gives a Node child process the parentPort an Electron utility process has (messages arrive as
// `{ data }` events), carried over Node's IPC channel: the task loop's Electron branch runs for real.
import { EventEmitter } from 'node:events';

const port = new EventEmitter();
port.postMessage = (message) => process.send(message);
process.on('message', (message) => port.emit('message', { data: message }));
process.parentPort = port;
