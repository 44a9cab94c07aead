/**
 * A progress bar on stderr for the stages of a run (read, analyse, render,
 * write). Drawn only when stderr is a terminal and --quiet is not given;
 * the line is cleared before the summary line.
 */

/** Where the bar is drawn. */
export interface ProgressSink {
  stderr: (text: string) => void;
  isTTY: boolean;
}

/** A progress bar over a fixed number of steps. */
export interface Progress {
  /** Marks the start of step `index` (0-based) with a label. */
  step(index: number, label: string): void;
  /** Clears the bar's line. */
  done(): void;
}

const WIDTH = 24;

/**
 * Creates a progress bar; a no-op unless `enabled` and the sink is a TTY.
 *
 * @example
 * ```ts
 * const bar = progressBar(io, 4, !quiet);
 * bar.step(0, 'reading notes.csv');
 * bar.done();
 * ```
 */
export function progressBar(sink: ProgressSink, steps: number, enabled: boolean): Progress {
  if (!enabled || !sink.isTTY) return { step() {}, done() {} };
  let drawn = false;
  return {
    step(index, label) {
      const filled = Math.round((WIDTH * Math.min(index, steps)) / steps);
      sink.stderr(`\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${index + 1}/${steps} ${label}`);
      drawn = true;
    },
    done() {
      if (drawn) sink.stderr('\r\x1b[K');
      drawn = false;
    },
  };
}
