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

/** Either every marked scalar changed and nothing else, or an error and the input back. */
function assertChangedOrRefused(input: string, output: string, results: readonly Result[], markers: number): void {
  const errors = results.filter((result) => result.severity === 'error');
  if (errors.length > 0) {
    assert.equal(output, input, `refused input comes back unchanged (${errors[0].message})`);
    assert.deepEqual(results.filter((result) => result.severity === 'info'), [], 'refused input changes nothing');
    return;
  }
  assert.equal(results.filter((result) => result.severity === 'info').length, markers, 'every marked scalar is reported changed');
  assert.equal(output, input.split(MARKED).join(`${NEW} ${MARKER}`), 'exactly the marked scalars changed');
}

describe('property: nothing hangs', function () {
  this.timeout(propertyTimeout(120_000));

  /** Both modes on the inputs of one generator. */
  function properties<Spec>(name: string, specs: fc.Arbitrary<Spec>, build: (spec: Spec) => Generated): void {
    it(`8. ${name}: library mode finishes and changes exactly the marked scalars, or refuses`, () => {
      fc.assert(
        fc.property(specs, (spec) => {
          const { text, markers } = build(spec);
          const { output, results } = updateImageRefs(text, [NEW]);
          assertChangedOrRefused(text, output, results, markers);
        }),
        { numRuns: propertyRuns(40) },
      );
    });

    it(`8. ${name}: KRM mode finishes and changes exactly the marked scalars, or refuses`, () => {
      fc.assert(
        fc.property(specs, (spec) => {
          const { text, eol, markers } = build(spec);
          const list = asResourceList(text, eol);
          const { output, results } = runResourceList(list);
          const resultsAt = output.lastIndexOf(`${eol}results:`);
          assert.ok(resultsAt >= 0, 'results are appended');
          assertChangedOrRefused(list, output.slice(0, resultsAt + eol.length), results, markers);
        }),
        { numRuns: propertyRuns(40) },
      );
    });
  }

  properties('deep nesting', nestingSpecs, nestedDocument);
  properties('alias bombs', bombSpecs, bombDocument);
});
