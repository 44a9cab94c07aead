/**
 * The stages that split by note, in parts: this thread does the first part,
 * a {@link Runner} the others, and the parts are merged so that the result is
 * identical to the sequential computation (same terms, same ids in the same
 * order, same floating-point operations per row). Without a runner, or when
 * the input is too small to pay for the messages, each function is exactly
 * its sequential counterpart.
 *
 * @module
 */
import { extractTerms, type NoteTerms, type TermOptions } from '../terms';
import { type ProjectionPlan, projectFeatures } from '../vectors/features';
import { ngramIds } from '../vectors/ngrams';
import type { TermIds } from '../vectors/vocabulary';
import {
  newClaim,
  type PackedTerms,
  type ProjectTaskInput,
  type ProjectTaskOutput,
  partsFor,
  type Runner,
  splitRange,
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
 * runner's, when a runner is given and the language is the built-in German (`spec.language === 'de'`).
 */
export function termsInParts(
  texts: readonly string[],
  options: TermOptions,
  spec: { language: unknown; stemmer: string; stopwords: { add: string[]; remove: string[] } },
  runner: Runner | undefined,
): NoteTerms[] {
  const parts = spec.language === 'de' ? partsFor(runner, texts.length, MIN_PER_PART) : 1;
  if (parts === 1) return texts.map((text) => extractTerms(text, options));
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
  return out;
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

/** {@link ngramIds} of the notes' words, in parts; ids in the same order of first occurrence. */
export function ngramIdsInParts(docs: ReadonlyArray<ReadonlyArray<string>>, min: number, max: number, runner: Runner | undefined): TermIds {
  const parts = partsFor(runner, docs.length, MIN_PER_PART);
  if (parts === 1) return ngramIds(docs, min, max);
  const ranges = splitRange(docs.length, parts);
  const wait = runner!.post(
    'ngrams',
    ranges.slice(1).map(([a, b]) => ({ docs: docs.slice(a, b) as string[][], min, max })),
  );
  const first = ngramIds(docs.slice(ranges[0]![0], ranges[0]![1]), min, max);
  return mergeTermIds([first, ...wait()]);
}

/**
 * Joins the term ids of consecutive parts of the notes into the ids one
 * pass over all notes gives: every part numbers its terms by first
 * occurrence, so walking the parts' tokens in order and numbering each
 * term at its first occurrence reproduces the global numbering.
 */
export function mergeTermIds(parts: readonly TermIds[]): TermIds {
  let total = 0;
  let rows = 0;
  for (const part of parts) {
    total += part.tokens.length;
    rows += part.offsets.length - 1;
  }
  const tokens = new Int32Array(total);
  const offsets = new Int32Array(rows + 1);
  const names: string[] = [];
  const index = new Map<string, number>();
  let used = 0;
  let row = 0;
  for (const part of parts) {
    const global = new Int32Array(part.names.length).fill(-1);
    for (let l = 0; l < part.names.length; l++) {
      const g = index.get(part.names[l]!);
      if (g !== undefined) global[l] = g;
    }
    const { tokens: local, offsets: localOffsets } = part;
    for (let i = 0; i < localOffsets.length - 1; i++) {
      for (let t = localOffsets[i]!; t < localOffsets[i + 1]!; t++) {
        const l = local[t]!;
        let g = global[l]!;
        if (g < 0) {
          g = names.length;
          global[l] = g;
          names.push(part.names[l]!);
          index.set(part.names[l]!, g);
        }
        tokens[used++] = g;
      }
      offsets[++row] = used;
    }
  }
  return { names, tokens, offsets };
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
    blocks: plan.blocks.map((b) => ({ tokens: b.ids.tokens, offsets: b.ids.offsets, columnOfId: b.columnOfId, idf: b.idf, offset: b.offset, weight: b.weight })),
    rows: Int32Array.from(rows),
    position,
    v,
    width,
  };
  const wait = runner!.post('project', new Array(parts - 1).fill(input));
  const out = new Float64Array(n * width);
  takeChunks(claimed, (c) => {
    const a = c * PROJECT_CHUNK;
    out.set(projectFeatures(plan, rows.slice(a, Math.min(n, a + PROJECT_CHUNK)), position, v, width), a * width);
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
  const plan = { blocks: input.blocks.map((b) => ({ ...b, ids: { tokens: b.tokens, offsets: b.offsets } })) };
  const taken: number[] = [];
  const pieces: Float64Array[] = [];
  const n = input.rows.length;
  takeChunks(input, (c) => {
    taken.push(c);
    const a = c * input.size;
    pieces.push(projectFeatures(plan, input.rows.subarray(a, Math.min(n, a + input.size)), input.position, input.v, input.width));
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
