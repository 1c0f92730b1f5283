// Web Worker entry (bundled by Vite): the worker API over comlink.
import { expose } from 'comlink';
import { createWorkerApi } from './api.js';

expose(createWorkerApi());
