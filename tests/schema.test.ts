import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze';
import { withCrosstabs } from '../src/crosstab';
import { ThemenfinderError } from '../src/errors';
import { repoPath } from './helpers/corpus';

const schema = JSON.parse(readFileSync(repoPath('schema/report.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

describe('the shipped JSON Schema', () => {
  it('accepts reports of arbitrary notes and rejects a broken one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.record({ text: fc.string(), group: fc.constantFrom('A', 'B') })), {
          minLength: 1,
          maxLength: 15,
        }),
        fc.integer({ min: 1, max: 6 }),
        (notes, k) => {
          let report: ReturnType<typeof analyze>;
          try {
            report = analyze(notes, { k });
          } catch (error) {
            expect(error).toBeInstanceOf(ThemenfinderError);
            return;
          }
          const ok = validate(JSON.parse(JSON.stringify(report)));
          expect(validate.errors ?? []).toEqual([]);
          expect(ok).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
    const report = JSON.parse(JSON.stringify(analyze(['Schule digital', 'Schule vernetzt'])));
    report.notes[0].themeId = 5;
    expect(validate(report)).toBe(false);
  });

  it('accepts a report with cross-tabulations', () => {
    const report = withCrosstabs(
      analyze([
        { text: 'Digitalisierung Schule', group: 'A' },
        { text: 'Digitalisierung Unterricht', group: 'B' },
        { text: 'Netzwerk Kooperation', group: 'A' },
      ]),
      ['group'],
    );
    expect(validate(JSON.parse(JSON.stringify(report)))).toBe(true);
    expect(report.crosstabs?.group?.totals).toEqual([2, 1]);
  });
});
