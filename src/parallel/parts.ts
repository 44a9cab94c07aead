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
import { partsFor, type Runner, splitRange, type TermsTaskInput, type TermsTaskOutput } from './runner';

/** Fewest notes (or rows) per part: below, the messages cost more than the part. */
export const MIN_PER_PART = 2000;

/**
 * The terms of every note ({@link extractTerms}), in parts when a runner is given
 * and the language is the built-in German (`spec.language === 'de'`).
 */
export function termsInParts(
  texts: readonly string[],
  options: TermOptions,
  spec: { language: unknown; stemmer: string; stopwords: { add: string[]; remove: string[] } },
  runner: Runner | undefined,
): NoteTerms[] {
  const parts = spec.language === 'de' ? partsFor(runner, texts.length, MIN_PER_PART) : 1;
  if (parts === 1) return texts.map((text) => extractTerms(text, options));
  const ranges = splitRange(texts.length, parts);
  const wait = runner!.post(
    'terms',
    ranges.slice(1).map(([a, b]): TermsTaskInput => ({
      texts: texts.slice(a, b),
      language: 'de',
      stemmer: spec.stemmer,
      stopwords: spec.stopwords,
    })),
  );
  const out: NoteTerms[] = new Array(texts.length);
  for (let i = ranges[0]![0]; i < ranges[0]![1]; i++) out[i] = extractTerms(texts[i]!, options);
  wait().forEach((part, p) => {
    decodeTerms(part, out, ranges[p + 1]![0]);
  });
  return out;
}

/** Packs the terms of notes into one string and lengths ({@link TermsTaskOutput}). */
export function encodeTerms(terms: readonly NoteTerms[]): TermsTaskOutput {
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

/** Unpacks {@link encodeTerms} into `out` from index `first` on. */
export function decodeTerms(part: TermsTaskOutput, out: NoteTerms[], first: number): void {
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
    out[first + i] = { stems, surfaces };
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

/** {@link projectFeatures} of the given rows (ascending), in parts; row after row, the same values. */
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
  const ranges = splitRange(rows.length, parts);
  const wait = runner!.post(
    'project',
    ranges.slice(1).map(([a, b]) => {
      const first = rows[a]!;
      const last = rows[b - 1]!;
      const blocks = plan.blocks.map((block) => {
        const { tokens, offsets } = block.ids;
        const t0 = offsets[first]!;
        return {
          tokens: tokens.slice(t0, offsets[last + 1]!),
          offsets: Int32Array.from(offsets.subarray(first, last + 2), (o) => o - t0),
          columnOfId: block.columnOfId,
          idf: block.idf,
          offset: block.offset,
          weight: block.weight,
        };
      });
      return { blocks, rows: Int32Array.from(rows.slice(a, b), (r) => r - first), position, v, width };
    }),
  );
  const out = new Float64Array(rows.length * width);
  out.set(projectFeatures(plan, rows.slice(ranges[0]![0], ranges[0]![1]), position, v, width));
  wait().forEach((part, p) => {
    out.set(part, ranges[p + 1]![0] * width);
  });
  return out;
}
