import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

/** One call of a compiled module's export on a built input: `input` is JavaScript that evaluates to the arguments. */
export interface HostileCall {
  /** Under `out/src`, without `.js`, e.g. `api/errorBody`. */
  readonly module: string;
  readonly exported: string;
  /** An expression giving the argument list, e.g. `['<html>' + '<title'.repeat(174752), 'text/html']`. */
  readonly args: string;
}

const OUT_SRC = path.join(__dirname, '..', '..', '..', 'src');
const SETUP = path.join(__dirname, '..', 'setup.js');

/**
 * Runs the calls one after another in a worker thread and resolves when all
 * returned, or rejects naming the call still running after `limitMs`. The
 * limit bounds the work (a backtracking pattern needs minutes on these
 * inputs, linear code milliseconds), so a slow machine cannot make it flaky,
 * and a hang cannot stall the test process: the worker is terminated.
 */
export function runBounded(calls: readonly HostileCall[], limitMs: number): Promise<void> {
  const code = `
    const { parentPort } = require('node:worker_threads');
    require(${JSON.stringify(SETUP)});
    const calls = ${JSON.stringify(calls)};
    for (const [index, call] of calls.entries()) {
      parentPort.postMessage({ started: index });
      const fn = require(require('node:path').join(${JSON.stringify(OUT_SRC)}, call.module + '.js'))[call.exported];
      fn(...eval(call.args));
    }
    parentPort.postMessage({ done: true });
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    let current = -1;
    const timer = setTimeout(() => {
      void worker.terminate();
      const call = calls[current];
      reject(new Error(`${call ? `${call.module}.${call.exported}` : 'the worker'} did not finish within ${limitMs} ms`));
    }, limitMs);
    worker.on('message', (message: { started?: number; done?: boolean }) => {
      if (message.started !== undefined) {
        current = message.started;
      } else if (message.done) {
        clearTimeout(timer);
        void worker.terminate();
        resolve();
      }
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
