// sortStrings must give exactly the built-in sort's order (UTF-16 code units) for any strings.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedOrder } from '../src/sort-strings';

const builtIn = (a: readonly string[]) => [...a].sort();
/** The strings in sortedOrder's order. */
const sortStrings = (a: readonly string[]) => Array.from(sortedOrder(a), (i) => a[i]!);

describe('sortStrings', () => {
  it('orders like the built-in sort: random strings of any code units, with duplicates and prefixes', () => {
    const piece = fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('', 'a', 'ab', 'abc', 'abcd', 'Ä', '\u0000', '\uFFFF', '😀'));
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 3 }).map((p) => p.join('')), { maxLength: 400 }), (strings) => {
        expect(sortStrings(strings)).toEqual(builtIn(strings));
      }),
      { numRuns: 300 },
    );
  });

  it('orders like the built-in sort when the first code units are spread over the whole range (shallower keys)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', minLength: 0, maxLength: 4 }), { minLength: 64, maxLength: 3000 }), (strings) => {
        expect(sortStrings(strings)).toEqual(builtIn(strings));
      }),
      { numRuns: 40 },
    );
    const wide = Array.from({ length: 70_000 }, (_, i) => String.fromCharCode((i * 7919) % 65536, (i * 104729) % 65536, i % 3));
    expect(sortStrings(wide)).toEqual(builtIn(wide));
  });

  it('gives a stable order: equal strings keep their input order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'ab', 'b', '', 'abc', 'abd', 'Ä'), { maxLength: 300 }), (strings) => {
        const expected = strings.map((s, i) => [s, i] as const).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1]));
        expect([...sortedOrder(strings)]).toEqual(expected.map(([, i]) => i));
      }),
      { numRuns: 200 },
    );
  });

  it('orders the words of the bundled corpus like the built-in sort, and leaves its input alone', () => {
    const words = readFileSync(new URL('../corpus/zukunftscamp-2021.txt', import.meta.url), 'utf8').split(/\s+/);
    const copy = [...words];
    const sorted = sortStrings(words);
    expect(sorted).toEqual(builtIn(words));
    expect(words).toEqual(copy);
    expect(sorted.length).toBeGreaterThan(3000);
  });
});
