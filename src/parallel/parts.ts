/**
 * The stages that split by note, in chunks taken by this thread and a
 * {@link Runner}'s threads, merged so that the result is identical to the
 * sequential computation (the same terms, the same floating-point operations
 * per row). Character n-gram ids are not split: renumbering the parts' ids
 * (a string map over ~200k n-grams) cost as much as the half it saved
 * (docs/scaling.md, "Worker threads"). Without a runner, or when
 * the input is too small to pay for the messages, each function is exactly
 * its sequential counterpart.
 *
 * @module
 */
import { extractAllTerms, extractTerms, type NoteTerms, type SurfaceIds, type TermOptions } from '../terms';
import { type ProjectionPlan, prepareProjection, projectFeatures, projectPrepared } from '../vectors/features';
import type { TermIds } from '../vectors/vocabulary';
import {
  newClaim,
  type PackedTerms,
  type ProjectTaskInput,
  type ProjectTaskOutput,
  partsFor,
  type Runner,
  type TermsTaskInput,
  type TermsTaskOutput,
  takeChunks,
} from './runner';

/** Fewest notes (or rows) per part: below, the messages cost more than the part. */
export const MIN_PER_PART = 2000;

/** Notes per chunk of the terms stage, rows per chunk of the projection (see {@link Claimed}). */
export const TERMS_CHUNK = 2000;
export const PROJECT_CHUNK = 4000;

/**
 * The terms of every note ({@link extractTerms}), in chunks taken by this thread and the
 * runner's, when a runner with warm workers is given and the language is the built-in German
 * (`spec.language === 'de'`). Read here alone, with the German tokenizer, also the stems as
 * ids (`ids`, see {@link extractAllTerms}).
 */
export function termsInParts(
  texts: readonly string[],
  options: TermOptions,
  spec: { language: unknown; stemmer: string; stopwords: { add: string[]; remove: string[] } },
  runner: Runner | undefined,
): { terms: NoteTerms[]; ids?: TermIds; surfaceIds?: SurfaceIds } {
  // Only with warm workers (a pool that has run tasks before): a fresh worker is still loading and
  // compiling the library during the terms, and splitting them then cost CPU without saving time.
  const parts = spec.language === 'de' && runner?.warm ? partsFor(runner, texts.length, MIN_PER_PART) : 1;
  if (parts === 1) return extractAllTerms(texts, options);
  const n = texts.length;
  const claimed = { claim: newClaim(), chunks: Math.ceil(n / TERMS_CHUNK), size: TERMS_CHUNK };
  const input: TermsTaskInput = { ...claimed, texts: texts as string[], language: 'de', stemmer: spec.stemmer, stopwords: spec.stopwords };
  const wait = runner!.post('terms', new Array(parts - 1).fill(input));
  const out: NoteTerms[] = new Array(n);
  takeChunks(claimed, (c) => {
    for (let i = c * TERMS_CHUNK; i < Math.min(n, (c + 1) * TERMS_CHUNK); i++) out[i] = extractTerms(texts[i]!, options);
  });
  for (const part of wait()) {
    const targets: number[] = [];
    for (const c of part.taken) for (let i = c * TERMS_CHUNK; i < Math.min(n, (c + 1) * TERMS_CHUNK); i++) targets.push(i);
    decodeTerms(part, out, targets);
  }
  return { terms: out };
}

/** Packs the terms of notes into one string and lengths ({@link PackedTerms}). */
export function encodeTerms(terms: readonly NoteTerms[]): PackedTerms {
  const pieces: string[] = [];
  let tokens = 0;
  for (const t of terms) tokens += t.stems.length;
  const lengths = new Int32Array(2 * tokens);
  const counts = new Int32Array(terms.length);
  let at = 0;
  terms.forEach((t, i) => {
    counts[i] = t.stems.length;
    for (let j = 0; j < t.stems.length; j++) {
      pieces.push(t.stems[j]!, t.surfaces[j]!);
      lengths[at++] = t.stems[j]!.length;
      lengths[at++] = t.surfaces[j]!.length;
    }
  });
  return { text: pieces.join(''), lengths, counts };
}

/** Unpacks {@link encodeTerms}: its `i`-th note goes to `out[targets[i]]`. */
export function decodeTerms(part: PackedTerms, out: NoteTerms[], targets: readonly number[]): void {
  const { text, lengths, counts } = part;
  let at = 0;
  let t = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    const stems: string[] = new Array(c);
    const surfaces: string[] = new Array(c);
    for (let j = 0; j < c; j++) {
      let end = at + lengths[t++]!;
      stems[j] = text.slice(at, end);
      at = end;
      end = at + lengths[t++]!;
      surfaces[j] = text.slice(at, end);
      at = end;
    }
    out[targets[i]!] = { stems, surfaces };
  }
}

/** {@link projectFeatures} of the given rows, in chunks taken by this thread and the runner's; row after row, the same values. */
export function projectInParts(
  plan: ProjectionPlan,
  rows: readonly number[],
  position: Int32Array,
  v: Float64Array,
  width: number,
  runner: Runner | undefined,
): Float64Array {
  const parts = partsFor(runner, rows.length, MIN_PER_PART);
  if (parts === 1) return projectFeatures(plan, rows, position, v, width);
  const n = rows.length;
  const claimed = { claim: newClaim(), chunks: Math.ceil(n / PROJECT_CHUNK), size: PROJECT_CHUNK };
  const input: ProjectTaskInput = {
    ...claimed,
    blocks: plan.blocks.map((b) => ({
      // A block with words is projected by word: its tokens are not sent (nor made).
      tokens: b.ids.words ? new Int32Array(0) : b.ids.tokens,
      offsets: b.ids.offsets,
      ...(b.ids.words ? { words: b.ids.words } : {}),
      columnOfId: b.columnOfId,
      idf: b.idf,
      offset: b.offset,
      weight: b.weight,
    })),
    rows: Int32Array.from(rows),
    position,
    v,
    width,
  };
  const wait = runner!.post('project', new Array(parts - 1).fill(input));
  const out = new Float64Array(n * width);
  const prepared = prepareProjection(plan, position, v, width);
  takeChunks(claimed, (c) => {
    const a = c * PROJECT_CHUNK;
    out.set(projectPrepared(prepared, rows.slice(a, Math.min(n, a + PROJECT_CHUNK))), a * width);
  });
  for (const { taken, values } of wait()) {
    let at = 0;
    for (const c of taken) {
      const a = c * PROJECT_CHUNK;
      const length = (Math.min(n, a + PROJECT_CHUNK) - a) * width;
      out.set(values.subarray(at, at + length), a * width);
      at += length;
    }
  }
  return out;
}

/** The projection task (a worker's side of {@link projectInParts}). */
export function projectTask(input: ProjectTaskInput): ProjectTaskOutput {
  const plan = { blocks: input.blocks.map((b) => ({ ...b, ids: { tokens: b.tokens, offsets: b.offsets, ...(b.words ? { words: b.words } : {}) } })) };
  const taken: number[] = [];
  const pieces: Float64Array[] = [];
  const n = input.rows.length;
  // The lookup tables (and the n-gram sums per word type) once per task, not per chunk.
  let prepared: ReturnType<typeof prepareProjection> | undefined;
  takeChunks(input, (c) => {
    taken.push(c);
    const a = c * input.size;
    prepared ??= prepareProjection(plan, input.position, input.v, input.width);
    pieces.push(projectPrepared(prepared, input.rows.subarray(a, Math.min(n, a + input.size))));
  });
  const values = new Float64Array(pieces.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    values.set(p, at);
    at += p.length;
  }
  return { taken, values };
}

/** The terms task (a worker's side of {@link termsInParts}). */
export function termsTask(input: TermsTaskInput, options: TermOptions): TermsTaskOutput {
  const taken: number[] = [];
  const terms: NoteTerms[] = [];
  const n = input.texts.length;
  takeChunks(input, (c) => {
    taken.push(c);
    for (let i = c * input.size; i < Math.min(n, (c + 1) * input.size); i++) terms.push(extractTerms(input.texts[i]!, options));
  });
  return { ...encodeTerms(terms), taken };
}
