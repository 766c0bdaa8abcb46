import { strict as assert } from 'assert';
import { FieldDecider } from '../src/match/field-decider';
import { formatFieldPath } from '../src/markers/field-path';
import { PathSegment } from '../src/yaml/lite-tree';
import { renderScalar } from '../src/output/scalar-style';
import { checkImageRefs } from '../src/krm/fn-config';

describe('FieldDecider', () => {
  const decider = new FieldDecider(checkImageRefs(['docker.io/foo/app:1.2.3', 'docker.io/foo/app:1.10.0', 'ghcr.io/x/y:2.0.0']).refs);

  it('decides with the references of the field repository only, the highest semver winning', () => {
    const outcome = decider.decide(' tag: ^1; type: semver', 'docker.io/foo/app:1.0.0');
    assert.ok(outcome.ok);
    assert.equal(outcome.value.decision.value, 'docker.io/foo/app:1.10.0');
    assert.equal(outcome.value.message, 'updated image ref "docker.io/foo/app:1.0.0" to "docker.io/foo/app:1.10.0"');
  });

  it('returns the same outcome object for the same marker and value (decided once)', () => {
    assert.equal(decider.decide(' tag: ^2; type: semver', 'ghcr.io/x/y:1.0.0'), decider.decide(' tag: ^2; type: semver', 'ghcr.io/x/y:1.0.0'));
  });

  it('reports an invalid marker as an error text, without a decision', () => {
    assert.deepEqual(decider.decide(' tag: ^1; type: semvar', 'docker.io/foo/app:1.0.0'), {
      ok: false,
      error: 'invalid marker: type "semvar" is not supported: use exact, semver, regex (lower case)',
    });
  });

  it('formats field paths as formatFieldPath does, and keeps equal paths as one string', () => {
    const segments: PathSegment[] = ['spec', 'containers', 0, 'image'];
    assert.equal(decider.fieldPath(segments), 'spec.containers[0].image');
    assert.equal(decider.fieldPath(['data', 'a.b', 'x y']), 'data["a.b"]["x y"]');
    assert.equal(decider.fieldPath(['data', 'a.b', 'x y']), formatFieldPath(['data', 'a.b', 'x y']), 'a remembered key answers the same');
    const first = decider.fieldPath(segments);
    assert.equal(decider.fieldPath([...segments]), first);
  });

  it('renders a new value as renderScalar does, once per value and style', () => {
    for (const [value, style, inFlow] of [['docker.io/foo/app:1.2.3', 'PLAIN', false], ['a, b', 'PLAIN', true], ['a, b', 'PLAIN', false], ["it's", 'QUOTE_SINGLE', false], ['x', 'QUOTE_DOUBLE', true]] as const) {
      assert.equal(decider.render(value, style, inFlow), renderScalar(value, style, inFlow), `${value} ${style} ${inFlow}`);
      assert.equal(decider.render(value, style, inFlow), renderScalar(value, style, inFlow), `${value} ${style} ${inFlow} again`);
    }
  });
});
