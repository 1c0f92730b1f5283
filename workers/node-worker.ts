// Node worker_threads entry: the worker API over a comlink endpoint.
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import { createWorkerApi } from './api.js';

if (!parentPort) throw new Error('node-worker must run inside a worker thread');
expose(createWorkerApi(), nodeEndpoint(parentPort));
