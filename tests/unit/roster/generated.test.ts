import { describe, expect, it } from 'vitest';
import { ROSTER_CLASSES, type RosterClass } from '../../../src/domain/roster/classify.ts';
import { previewRoster } from '../../../src/domain/roster/preview.ts';
import type { FileDelimiter, FileEncoding } from '../../fixtures/nir/encode.ts';
import { generateNir, writeList } from '../../fixtures/nir/generate.ts';

// The whole import against the generator's known answer, in every encoding and delimiter.
describe('generated NIR lists', () => {
  const encodings: FileEncoding[] = ['utf-8', 'utf-8-bom', 'windows-1252'];
  const delimiters: FileDelimiter[] = [';', ',', '\t'];
  const cases = encodings.flatMap((encoding, e) =>
    delimiters.map((delimiter, d) => ({ encoding, delimiter, seed: 10 * e + d + 1 })),
  );

  it.each(cases)(
    'classifies everyone as expected: $encoding, $delimiter (seed $seed)',
    ({ encoding, delimiter, seed }) => {
      const generated = generateNir({ people: 1200, seed });
      // List B in the other line ending and, where it differs, another encoding, as two exports may be.
      const styleA = { encoding, delimiter, lineEnding: '\r\n' } as const;
      const styleB = {
        encoding: encoding === 'utf-8' ? 'windows-1252' : encoding,
        delimiter,
        lineEnding: '\n',
      } as const;
      const result = previewRoster(
        { name: 'a.csv', bytes: writeList(generated.listA, 'A', styleA) },
        { name: 'b.csv', bytes: writeList(generated.listB, 'B', styleB) },
        { asOf: generated.asOf },
      );
      if (!result.ok) throw new Error(JSON.stringify(result.refused));
      expect(result.a.list).toMatchObject({ encoding, delimiter });
      const c = result.classification;
      const counts = Object.fromEntries([
        ...ROSTER_CLASSES.map((cls) => [cls, c[cls].length]),
        ['invalidRows', c.invalidRows.length],
      ]);
      expect(counts).toEqual(generated.expected);

      // Person by person, for everyone with a DUF.
      const classOfDuf = new Map<string, RosterClass>();
      for (const cls of ROSTER_CLASSES) for (const p of c[cls]) if (p.duf) classOfDuf.set(p.duf, cls);
      const wrong = generated.people.filter((p) => p.duf && classOfDuf.get(p.duf) !== p.expected);
      expect(
        wrong.map((p) => `${p.note || 'ordinary'}: expected ${p.expected}, got ${classOfDuf.get(p.duf ?? '')}`),
      ).toEqual([]);
    },
  );

  it('generates the same lists from the same seed, and different ones from another', () => {
    const once = writeList(generateNir({ people: 300, seed: 7 }).listA, 'A');
    expect(writeList(generateNir({ people: 300, seed: 7 }).listA, 'A')).toEqual(once);
    expect(writeList(generateNir({ people: 300, seed: 8 }).listA, 'A')).not.toEqual(once);
  });

  // Measured, not asserted (machines differ); the figure goes in the report.
  it('parses and matches two ~10,000-row lists (timing printed)', () => {
    const generated = generateNir({ people: 11_000, seed: 1 });
    const a = { name: 'a.csv', bytes: writeList(generated.listA, 'A') };
    const b = { name: 'b.csv', bytes: writeList(generated.listB, 'B') };
    const runs: number[] = [];
    let result = previewRoster(a, b, { asOf: generated.asOf });
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      result = previewRoster(a, b, { asOf: generated.asOf });
      runs.push(performance.now() - started);
    }
    if (!result.ok) throw new Error('refused');
    expect(result.classification.targetGroup).toHaveLength(generated.expected.targetGroup);
    runs.sort((x, y) => x - y);
    console.log(
      `roster preview, ${generated.listA.length} + ${generated.listB.length} rows ` +
        `(${a.bytes.length + b.bytes.length} bytes): min ${runs[0]?.toFixed(0)} ms, median ${runs[2]?.toFixed(0)} ms`,
    );
  });
});
