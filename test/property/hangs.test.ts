/**
 * "Nothing hangs" (SPEC §7): deeply nested input and alias bombs, in library and KRM mode, finish
 * (mocha's timeout catches a hang) without a crash, and either change exactly the marked scalars or refuse the input with
 * an error result and give it back unchanged.
 */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { updateImageRefs } from '../../src/index';
import { runResourceList } from '../../src/krm/resource-list';
import { Result } from '../../src/output/results';
import { MARKER, NEW } from '../support/samples';
import { asResourceList, bombDocument, bombSpecs, Generated, MARKED, nestedDocument, nestingSpecs } from './generators';
import { propertyRuns, propertyTimeout } from './helpers';

/** Either every marked scalar changed and nothing else, or an error and the input back; says which. */
function assertChangedOrRefused(input: string, output: string, results: readonly Result[], markers: number): 'changed' | 'refused' {
  const errors = results.filter((result) => result.severity === 'error');
  if (errors.length > 0) {
    assert.equal(output, input, `refused input comes back unchanged (${errors[0].message})`);
    assert.deepEqual(results.filter((result) => result.severity === 'info'), [], 'refused input changes nothing');
    return 'refused';
  }
  assert.equal(results.filter((result) => result.severity === 'info').length, markers, 'every marked scalar is reported changed');
  assert.equal(output, input.split(MARKED).join(`${NEW} ${MARKER}`), 'exactly the marked scalars changed');
  return 'changed';
}

const RUNS = propertyRuns(40);

describe('property: nothing hangs', function () {
  this.timeout(propertyTimeout(120_000));

  type Outcomes = Record<'changed' | 'refused', number>;

  /** Asserts that each outcome came up at least as often as `least` says: the property is not vacuous. */
  function assertSeen(outcomes: Outcomes, least: Outcomes): void {
    for (const outcome of ['changed', 'refused'] as const) assert.ok(outcomes[outcome] >= least[outcome], `${outcome} ${outcomes[outcome]} times in ${RUNS} runs, expected ${least[outcome]} at least`);
  }

  /** Both modes on the inputs of one generator, each outcome seen at least `least` times. */
  function properties<Spec>(name: string, specs: fc.Arbitrary<Spec>, build: (spec: Spec) => Generated, least: Outcomes): void {
    it(`8. ${name}: library mode finishes and changes exactly the marked scalars, or refuses`, () => {
      const outcomes: Outcomes = { changed: 0, refused: 0 };
      fc.assert(
        fc.property(specs, (spec) => {
          const { text, markers } = build(spec);
          const { output, results } = updateImageRefs(text, [NEW]);
          outcomes[assertChangedOrRefused(text, output, results, markers)]++;
        }),
        { numRuns: RUNS },
      );
      assertSeen(outcomes, least);
    });

    it(`8. ${name}: KRM mode finishes and changes exactly the marked scalars, or refuses`, () => {
      const outcomes: Outcomes = { changed: 0, refused: 0 };
      fc.assert(
        fc.property(specs, (spec) => {
          const { text, eol, markers } = build(spec);
          const list = asResourceList(text, eol);
          const { output, results } = runResourceList(list);
          const resultsAt = output.lastIndexOf(`${eol}results:`);
          assert.ok(resultsAt >= 0, 'results are appended');
          outcomes[assertChangedOrRefused(list, output.slice(0, resultsAt + eol.length), results, markers)]++;
        }),
        { numRuns: RUNS },
      );
      assertSeen(outcomes, least);
    });
  }

  // About half of the nesting is deeper than the readers go (refused); bombs are read without expanding their aliases.
  properties('deep nesting', nestingSpecs, nestedDocument, { changed: RUNS / 10, refused: RUNS / 10 });
  properties('alias bombs', bombSpecs, bombDocument, { changed: RUNS, refused: 0 });
});
