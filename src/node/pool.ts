/**
 * A pool of worker threads behind the core's synchronous {@link Runner}:
 * tasks are posted to the workers over message ports, this thread does its
 * own part, then blocks in `Atomics.wait` until each worker has answered and
 * takes the answer with `receiveMessageOnPort` (no event loop needed, so the
 * pipeline stays synchronous code).
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { type ErrorCode, ThemenfinderError } from '../errors';
import type { Runner, TaskName, Tasks } from '../parallel/runner';

/** A worker's answer. */
interface Answer {
  seq: number;
  ok?: unknown;
  error?: { name: string; message: string; code?: ErrorCode; details?: object; stack?: string };
}

/** THEMENFINDER_POOL_TRACE=1: each task's posting, own-part and waiting times on stderr (for measuring). */
const TRACE = Boolean(process.env.THEMENFINDER_POOL_TRACE);

/** State of a worker slot in the shared flags: the last answered task, or this when the thread ended. */
export const WORKER_ENDED = -1;

/**
 * Worker threads for {@link analyzeParallel}: `parts` = the workers + this thread.
 * Start one before reading the input (the workers load the library meanwhile)
 * and pass it as `pool`; `close()` it when done. `post` is the pipeline's side.
 *
 * @example
 * ```ts
 * const pool = new WorkerPool(2);
 * try {
 *   const { notes } = await readNotesFile('notes.jsonl');
 *   const report = await analyzeParallel(notes, { pool });
 * } finally {
 *   await pool.close();
 * }
 * ```
 */
export class WorkerPool implements Runner {
  readonly parts: number;
  private readonly helpers: Array<{ worker: Worker; port: MessagePort }>;
  private readonly flags: Int32Array;
  private seq = 0;
  private answered = 0;

  /**
   * @param threads - Threads in all, this one included (at least 2; default: the available parallelism).
   * @param url - The worker script (default: the built `worker.js` / `worker.cjs` beside this module).
   */
  constructor(threads = availableParallelism(), url = workerUrl()) {
    const count = Math.max(1, Math.floor(threads) - 1);
    this.flags = new Int32Array(new SharedArrayBuffer(4 * count));
    this.helpers = Array.from({ length: count }, (_, slot) => {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(url, { workerData: { port: port2, flags: this.flags, slot }, transferList: [port2] });
      worker.unref();
      return { worker, port: port1 };
    });
    this.parts = count + 1;
  }

  /** Whether every worker has answered a task (so it has loaded and compiled the code): a pool kept for several runs. */
  get warm(): boolean {
    return this.answered >= this.helpers.length;
  }

  post<K extends TaskName>(task: K, inputs: Array<Tasks[K]['input']>): () => Array<Tasks[K]['output']> {
    if (inputs.length > this.helpers.length) throw new Error(`WorkerPool: ${inputs.length} parts for ${this.helpers.length} workers`);
    const t0 = TRACE ? performance.now() : 0;
    const seqs = inputs.map((input, i) => {
      const seq = ++this.seq;
      this.helpers[i]!.port.postMessage({ seq, task, input });
      return seq;
    });
    const t1 = TRACE ? performance.now() : 0;
    return () => {
      const t2 = TRACE ? performance.now() : 0;
      const out = seqs.map((seq, i) => this.receive(i, seq) as Tasks[K]['output']);
      if (TRACE) {
        const t3 = performance.now();
        process.stderr.write(
          `themenfinder pool: ${task} post ${(t1 - t0).toFixed(0)} ms, own part ${(t2 - t1).toFixed(0)} ms, waited ${(t3 - t2).toFixed(0)} ms\n`,
        );
      }
      return out;
    };
  }

  /** Waits for worker `i`'s answer to task `seq` (older answers, of tasks abandoned after an error, are skipped). */
  private receive(i: number, seq: number): unknown {
    const { port } = this.helpers[i]!;
    for (;;) {
      const state = Atomics.load(this.flags, i);
      if (state !== WORKER_ENDED && state < seq) {
        Atomics.wait(this.flags, i, state, 1000);
        continue;
      }
      let answer: Answer | undefined;
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        answer = m.message as Answer;
        if (answer.seq === seq) break;
      }
      if (!answer || answer.seq !== seq) throw new Error('themenfinder: a worker thread ended without an answer');
      if (answer.error) throw revive(answer.error);
      this.answered++;
      return answer.ok;
    }
  }

  /** Ends the worker threads. */
  async close(): Promise<void> {
    await Promise.all(
      this.helpers.map(async ({ worker, port }) => {
        port.close();
        await worker.terminate();
      }),
    );
  }
}

/** The error a task threw in a worker, rebuilt here: a {@link ThemenfinderError} with the same code and details. */
function revive(error: NonNullable<Answer['error']>): Error {
  const Builtin = BUILTIN_ERRORS[error.name] ?? Error;
  const out = error.code ? new ThemenfinderError(error.code, error.message, error.details) : new Builtin(error.message);
  if (!error.code && out.name !== error.name) out.name = error.name;
  if (error.stack) out.stack = error.stack;
  return out;
}

const BUILTIN_ERRORS: Record<string, ErrorConstructor> = { TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError };

/** The built worker next to this module: `worker.js` (ESM) or `worker.cjs` (CommonJS). */
function workerUrl(): URL {
  const here = import.meta.url;
  return new URL(here.endsWith('.cjs') ? './worker.cjs' : './worker.js', here);
}
