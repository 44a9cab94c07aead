/**
 * `themenfinder/node`: reading notes from files (CSV, TSV, JSON, JSONL,
 * XLSX, board text) in Node.js. The core entry stays free of Node built-ins.
 *
 * @packageDocumentation
 */

export { decodeBytes, type TextEncodingOption } from './encoding';
export { analyzeParallel, PARALLEL_MIN_NOTES, type ParallelOptions } from './parallel';
export { WorkerPool } from './pool';
export { DEFAULT_MAX_BYTES, type ReadNotesOptions, type ReadNotesResult, readNotesFile } from './read';
export { DEFAULT_STREAM_MAX_BYTES, type StreamNotesOptions, streamNotes } from './stream';
