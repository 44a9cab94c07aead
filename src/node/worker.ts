/**
 * The worker thread of {@link WorkerPool}: runs the tasks of
 * `parallel/tasks.ts` on plain data, answers on its port, then raises its
 * flag so the waiting thread wakes up. Built as `dist/worker.js` / `worker.cjs`.
 */

import type { MessagePort } from 'node:worker_threads';
import { workerData } from 'node:worker_threads';
import { ThemenfinderError } from '../errors';
import type { TaskName } from '../parallel/runner';
import { TASKS } from '../parallel/tasks';

const { port, flags, slot } = workerData as { port: MessagePort; flags: Int32Array; slot: number };

const signal = (value: number) => {
  Atomics.store(flags, slot, value);
  Atomics.notify(flags, slot);
};

process.on('exit', () => signal(-1));

port.on('message', (message: { seq: number; task: TaskName; input: never }) => {
  const { seq, task, input } = message;
  try {
    const ok = (TASKS[task] as (input: unknown) => unknown)(input);
    port.postMessage({ seq, ok }, transferables(ok));
  } catch (error) {
    const e = error as Error;
    port.postMessage({
      seq,
      error: {
        name: e?.name ?? 'Error',
        message: e?.message ?? String(error),
        stack: e?.stack,
        ...(error instanceof ThemenfinderError ? { code: error.code, details: error.details } : {}),
      },
    });
  }
  signal(seq);
});

/** The array buffers of the typed arrays in a result (two levels deep), each once: moved, not copied. */
function transferables(value: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const visit = (v: unknown, depth: number) => {
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) out.add(v.buffer);
    } else if (depth > 0 && v && typeof v === 'object') {
      for (const x of Array.isArray(v) ? v : Object.values(v)) visit(x, depth - 1);
    }
  };
  visit(value, 2);
  return [...out];
}
