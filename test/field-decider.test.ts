import { strict as assert } from 'assert';
import { FieldDecider } from '../src/field-decider';
import { checkImageRefs } from '../src/fn-config';

describe('FieldDecider', () => {
  const decider = new FieldDecider(checkImageRefs(['docker.io/foo/app:1.2.3', 'docker.io/foo/app:1.10.0', 'ghcr.io/x/y:2.0.0']).refs);

  it('decides with the references of the field repository only, the highest semver winning', () => {
    const outcome = decider.decide(' tag: ^1; type: semver', 'docker.io/foo/app:1.0.0');
    assert.ok(outcome.ok);
    assert.equal(outcome.decision.value, 'docker.io/foo/app:1.10.0');
    assert.equal(outcome.message, 'updated image ref "docker.io/foo/app:1.0.0" to "docker.io/foo/app:1.10.0"');
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

  it('interns field paths: equal paths are one string', () => {
    const first = decider.internPath(['spec', 'containers'].join('.'));
    assert.equal(decider.internPath(`spec.${'containers'}`), first);
  });
});
