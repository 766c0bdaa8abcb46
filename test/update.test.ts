import { strict as assert } from 'assert';
import { MarkerOptions } from '../src/markers/marker';
import { parseIncomingReference } from '../src/match/reference';
import { compileRule, FieldRule } from '../src/match/rule';
import { currentReferenceText, currentTag, decideFieldUpdate, FieldDecision, IncomingRef, valueForPart } from '../src/match/decide';
import { digestOf } from './support/samples';

const D1 = digestOf('1');
const D2 = digestOf('2');

const D3 = `sha256:${'e'.repeat(64)}`;

function incoming(text: string): IncomingRef {
  const parsed = parseIncomingReference(text);
  assert.ok(parsed.ok, `${text} should be a valid incoming reference`);
  return { text, contextName: parsed.value.ref.contextName, tag: parsed.value.tag, digest: parsed.value.digest };
}

function rule(fields: Partial<MarkerOptions>): FieldRule {
  const compiled = compileRule({ type: '', tag: '', part: '', context: '', ...fields });
  assert.ok(compiled.ok, `${JSON.stringify(fields)} should compile`);
  return compiled.value;
}

function decide(value: string, fields: Partial<MarkerOptions>, refs: readonly string[]): FieldDecision {
  return decideFieldUpdate(value, rule(fields), refs.map(incoming));
}

/** Asserts the field changes to `expected`, taken from the reference `from` (default: the same text), without warnings. */
function assertUpdated(decision: FieldDecision, expected: string, from: string = expected): void {
  assert.deepEqual(decision.warnings, []);
  assert.equal(decision.value, expected);
  assert.ok(decision.appliedRef, 'a reference should be applied');
  assert.equal(decision.appliedRef.text, from);
}

function assertUnchanged(decision: FieldDecision, value: string, warnings: string[] = []): void {
  assert.equal(decision.value, value);
  assert.equal(decision.appliedRef, undefined);
  assert.deepEqual(decision.warnings, warnings);
}

const SEMVER = { type: 'semver', tag: '^1' };

describe('currentReferenceText', () => {
  it('is the value itself for the whole reference', () => {
    assert.equal(currentReferenceText('docker.io/foo/baz:1.0.0', '', 'ignored'), 'docker.io/foo/baz:1.0.0');
    assert.equal(currentReferenceText('', '', 'ignored'), '');
  });

  it('joins a tag to its context with :', () => {
    assert.equal(currentReferenceText('1.0', 'tag', 'docker.io/library/busybox'), 'docker.io/library/busybox:1.0');
    assert.equal(currentReferenceText(`1.0@${D1}`, 'tag+digest', 'busybox'), `busybox:1.0@${D1}`);
  });

  it('joins a part: tag value that starts with : without another one, as kobold does', () => {
    assert.equal(currentReferenceText(':', 'tag', 'test.azurecr.io/nginx'), 'test.azurecr.io/nginx:');
    assert.equal(currentReferenceText(':1.0', 'tag', 'busybox'), 'busybox:1.0');
    assert.equal(currentReferenceText(`:@${D1}`, 'tag+digest', 'busybox'), `busybox::@${D1}`);
  });

  it('joins a digest to its context with @', () => {
    assert.equal(currentReferenceText(D1, 'digest', 'ghcr.io/org/app'), `ghcr.io/org/app@${D1}`);
  });

  it('is just the context for an empty part value', () => {
    assert.equal(currentReferenceText('', 'tag', 'busybox'), 'busybox');
    assert.equal(currentReferenceText('', 'digest', 'busybox'), 'busybox');
    assert.equal(currentReferenceText('', 'tag+digest', 'busybox'), 'busybox');
  });
});

describe('valueForPart', () => {
  const withDigest = incoming(`ghcr.io/org/app:1.2.3@${D1}`);
  const withoutDigest = incoming('ghcr.io/org/app:1.2.3');

  it('gives the reference as written for the whole reference', () => {
    assert.equal(valueForPart(withDigest, ''), `ghcr.io/org/app:1.2.3@${D1}`);
    assert.equal(valueForPart(incoming('busybox:1.2'), ''), 'busybox:1.2');
  });

  it('gives the tag for part tag', () => {
    assert.equal(valueForPart(withDigest, 'tag'), '1.2.3');
    assert.equal(valueForPart(withoutDigest, 'tag'), '1.2.3');
  });

  it('gives the digest for part digest, or null without one (D2)', () => {
    assert.equal(valueForPart(withDigest, 'digest'), D1);
    assert.equal(valueForPart(withoutDigest, 'digest'), null);
  });

  it('gives tag@digest for part tag+digest, or just the tag', () => {
    assert.equal(valueForPart(withDigest, 'tag+digest'), `1.2.3@${D1}`);
    assert.equal(valueForPart(withoutDigest, 'tag+digest'), '1.2.3');
  });
});

describe('currentTag', () => {
  it('reads the tag of a whole reference', () => {
    assert.equal(currentTag('busybox:1.0', ''), '1.0');
    assert.equal(currentTag('docker.io/foo/baz:v1.2.3', ''), 'v1.2.3');
    assert.equal(currentTag(`app:1@${D1}`, ''), '1');
    assert.equal(currentTag('localhost:5000/app:1.2', ''), '1.2');
  });

  it('is null for a whole reference without a tag, a registry port not counting', () => {
    assert.equal(currentTag('busybox', ''), null);
    assert.equal(currentTag('localhost:5000/app', ''), null);
    assert.equal(currentTag(`app@${D1}`, ''), null);
  });

  it('is the value for part tag, and the part before @ for tag+digest', () => {
    assert.equal(currentTag('1.2', 'tag'), '1.2');
    assert.equal(currentTag(`1.2@${D1}`, 'tag+digest'), '1.2');
    assert.equal(currentTag('1.2', 'tag+digest'), '1.2');
  });

  it('is null for part digest', () => {
    assert.equal(currentTag(D1, 'digest'), null);
  });
});

describe('decideFieldUpdate', () => {
  describe('whole reference', () => {
    it('replaces the value with the matching reference as written', () => {
      assertUpdated(decide('docker.io/foo/baz:1.0.0', SEMVER, ['docker.io/foo/baz:1.2.3']), 'docker.io/foo/baz:1.2.3');
      assertUpdated(decide('ghcr.io/org/app:1.0', SEMVER, [`ghcr.io/org/app:1.1@${D1}`]), `ghcr.io/org/app:1.1@${D1}`);
    });

    it('changes nothing when the value already is the reference', () => {
      assertUnchanged(decide('busybox:1.2', { type: 'exact', tag: '1.2' }, ['busybox:1.2']), 'busybox:1.2');
      assertUnchanged(decide(`busybox:1.2@${D1}`, SEMVER, [`busybox:1.2@${D1}`]), `busybox:1.2@${D1}`);
    });

    it('changes nothing without references', () => {
      assertUnchanged(decide('busybox:1.0', SEMVER, []), 'busybox:1.0');
    });

    it('ignores a reference whose tag does not match', () => {
      assertUnchanged(decide('busybox:1.0', SEMVER, ['busybox:2.0.0', 'busybox:latest']), 'busybox:1.0');
    });

    it('updates a value without a tag (latest)', () => {
      assertUpdated(decide('busybox', SEMVER, ['busybox:1.2']), 'busybox:1.2');
      assertUpdated(decide('busybox:latest', SEMVER, ['busybox:1.2']), 'busybox:1.2');
    });
  });

  describe('repositories', () => {
    it('treats the Docker Hub spellings as one repository', () => {
      for (const value of ['busybox:1.0', 'library/busybox:1.0', 'docker.io/busybox:1.0', 'docker.io/library/busybox:1.0', 'index.docker.io/library/busybox:1.0']) {
        for (const ref of ['busybox:1.2', 'docker.io/library/busybox:1.2', 'index.docker.io/library/busybox:1.2']) {
          assertUpdated(decide(value, SEMVER, [ref]), ref);
        }
      }
    });

    it('writes the reference as the functionConfig spells it', () => {
      assertUpdated(decide('busybox:1.2', { type: 'exact', tag: '1.2' }, ['docker.io/library/busybox:1.2']), 'docker.io/library/busybox:1.2');
    });

    it('ignores a different repository silently', () => {
      assertUnchanged(decide('busybox:1.0', SEMVER, ['nginx:1.2', 'ghcr.io/library/busybox:1.2', 'docker.io/other/busybox:1.3']), 'busybox:1.0');
    });

    it('does not treat registry-1.docker.io or docker.io:443 as Docker Hub', () => {
      assertUnchanged(decide('busybox:1.0', SEMVER, ['registry-1.docker.io/library/busybox:1.2', 'docker.io:443/library/busybox:1.3']), 'busybox:1.0');
      assertUpdated(
        decide('busybox:1.0', SEMVER, ['registry-1.docker.io/library/busybox:1.2', 'docker.io:443/library/busybox:1.3', 'index.docker.io/library/busybox:1.4']),
        'index.docker.io/library/busybox:1.4',
      );
    });

    it('compares a part field by its context', () => {
      assertUpdated(decide('1.0', { ...SEMVER, part: 'tag', context: 'docker.io/library/busybox' }, ['busybox:1.2']), '1.2', 'busybox:1.2');
      assertUnchanged(decide('1.0', { ...SEMVER, part: 'tag', context: 'docker.io/library/busybox' }, ['nginx:1.2']), '1.0');
    });
  });

  describe('parts', () => {
    it('part tag: writes the tag', () => {
      assertUpdated(decide('1.0', { ...SEMVER, part: 'tag', context: 'busybox' }, [`busybox:1.2@${D1}`]), '1.2', `busybox:1.2@${D1}`);
    });

    it('part tag: fills an empty value', () => {
      assertUpdated(decide('', { ...SEMVER, part: 'tag', context: 'busybox' }, ['busybox:1.2']), '1.2', 'busybox:1.2');
    });

    it('part digest: writes the digest', () => {
      assertUpdated(decide(D1, { type: 'exact', tag: '1.2', part: 'digest', context: 'busybox' }, [`busybox:1.2@${D2}`]), D2, `busybox:1.2@${D2}`);
      assertUpdated(decide('', { type: 'exact', tag: '1.2', part: 'digest', context: 'busybox' }, [`busybox:1.2@${D2}`]), D2, `busybox:1.2@${D2}`);
    });

    it('part digest: leaves the field alone and warns when the reference has no digest (D2)', () => {
      assertUnchanged(decide(D1, { type: 'exact', tag: '1.2', part: 'digest', context: 'busybox' }, ['busybox:1.2']), D1, [
        '"busybox:1.2" matches but has no digest for this part: digest field',
      ]);
    });

    it('part digest: a reference with a digest still applies after one without (D2)', () => {
      const decision = decide(D1, { type: 'exact', tag: '1.2', part: 'digest', context: 'busybox' }, [`busybox:1.2@${D2}`, 'busybox:1.2']);
      assert.equal(decision.value, D2);
      assert.equal(decision.appliedRef?.text, `busybox:1.2@${D2}`);
      assert.deepEqual(decision.warnings, ['"busybox:1.2" matches but has no digest for this part: digest field']);
    });

    it('part digest: no warning for a reference that does not match', () => {
      assertUnchanged(decide(D1, { type: 'exact', tag: '1.2', part: 'digest', context: 'busybox' }, ['busybox:1.3', 'nginx:1.2']), D1);
    });

    it('part tag+digest: writes tag@digest, or just the tag', () => {
      const marker = { ...SEMVER, part: 'tag+digest', context: 'busybox' };
      assertUpdated(decide(`1.0@${D1}`, marker, [`busybox:1.2@${D2}`]), `1.2@${D2}`, `busybox:1.2@${D2}`);
      assertUpdated(decide(`1.0@${D1}`, marker, ['busybox:1.2']), '1.2', 'busybox:1.2');
      assertUpdated(decide('1.0', marker, [`busybox:1.1@${D2}`]), `1.1@${D2}`, `busybox:1.1@${D2}`);
    });
  });

  describe('exact and regex: the last match wins', () => {
    it('exact', () => {
      assertUpdated(decide('busybox:1.0', { type: 'exact', tag: '1.2' }, ['busybox:1.2', 'nginx:1.2', 'busybox:1.3']), 'busybox:1.2');
      assertUpdated(decide('busybox:1.0', { type: 'exact', tag: '1.2' }, [`busybox:1.2@${D1}`, `docker.io/busybox:1.2@${D2}`]), `docker.io/busybox:1.2@${D2}`);
    });

    it('regex, even over a higher version', () => {
      assertUpdated(decide('busybox:1.0', { type: 'regex', tag: '1\\..*' }, ['busybox:1.3', 'busybox:1.2']), 'busybox:1.2');
      assertUpdated(decide('busybox:1.0', { type: 'regex', tag: '\\d+\\.\\d+' }, ['busybox:1.3', 'busybox:1.2', 'busybox:1.2-rc']), 'busybox:1.2');
    });

    it('regex may go to a lower version', () => {
      assertUpdated(decide('busybox:1.5', { type: 'regex', tag: '1\\..*' }, ['busybox:1.2']), 'busybox:1.2');
    });

    it('regex: no change when the last match is the current value', () => {
      assertUnchanged(decide('busybox:1.0', { type: 'regex', tag: '.*' }, ['busybox:1.2', 'busybox:1.0']), 'busybox:1.0');
    });

    it('regex anchors its pattern as a group (D1)', () => {
      assertUnchanged(decide('busybox:1.0', { type: 'regex', tag: 'latest|stable' }, ['busybox:unstable', 'busybox:latest-foo']), 'busybox:1.0');
      assertUpdated(decide('busybox:1.0', { type: 'regex', tag: 'latest|stable' }, ['busybox:stable', 'busybox:unstable']), 'busybox:stable');
    });
  });

  describe('semver: the highest version wins (D3)', () => {
    it('takes the highest matching version, whatever the order', () => {
      assertUpdated(decide('busybox:1.0', SEMVER, ['busybox:1.3', 'busybox:2.0', 'busybox:1.2']), 'busybox:1.3');
      assertUpdated(decide('busybox:1.0', SEMVER, ['busybox:1.2', 'busybox:1.10', 'busybox:1.9']), 'busybox:1.10');
    });

    it('takes the later one on a tie', () => {
      assertUpdated(decide('busybox:1.0', SEMVER, [`busybox:1.2@${D1}`, `docker.io/busybox:1.2@${D2}`]), `docker.io/busybox:1.2@${D2}`);
      assertUpdated(decide('busybox:1.0', SEMVER, ['busybox:1.2.0', 'busybox:v1.2']), 'busybox:v1.2');
    });

    it('never downgrades', () => {
      assertUnchanged(decide('busybox:1.5', SEMVER, ['busybox:1.2']), 'busybox:1.5');
      assertUnchanged(decide('busybox:1.5', SEMVER, ['busybox:1.2', 'busybox:1.4.9']), 'busybox:1.5');
      assertUnchanged(decide('1.5', { ...SEMVER, part: 'tag', context: 'busybox' }, ['busybox:1.2']), '1.5');
      assertUnchanged(decide(`1.5@${D1}`, { ...SEMVER, part: 'tag+digest', context: 'busybox' }, [`busybox:1.2@${D2}`]), `1.5@${D1}`);
    });

    it('compares the current version even outside the constraint', () => {
      assertUnchanged(decide('busybox:3.0', SEMVER, ['busybox:1.9']), 'busybox:3.0');
    });

    it('updates from a current tag that is not a version', () => {
      assertUpdated(decide('busybox:latest', SEMVER, ['busybox:1.0.0']), 'busybox:1.0.0');
    });

    it('applies an equal version with a new digest (a re-pushed tag)', () => {
      assertUpdated(decide(`busybox:1.5@${D1}`, SEMVER, [`busybox:1.5@${D2}`]), `busybox:1.5@${D2}`);
      assertUpdated(decide('busybox:1.5', SEMVER, [`busybox:1.5@${D2}`]), `busybox:1.5@${D2}`);
      assertUpdated(decide(`1.5@${D1}`, { ...SEMVER, part: 'tag+digest', context: 'busybox' }, [`busybox:1.5@${D2}`]), `1.5@${D2}`, `busybox:1.5@${D2}`);
      assertUpdated(decide(D1, { ...SEMVER, part: 'digest', context: 'busybox' }, [`busybox:1.5@${D2}`]), D2, `busybox:1.5@${D2}`);
    });

    it('ignores an older re-push while a newer version is there', () => {
      assertUpdated(decide(`busybox:1.5@${D1}`, SEMVER, [`busybox:1.6@${D3}`, `busybox:1.5@${D2}`]), `busybox:1.6@${D3}`);
    });

    it('does not match prereleases with a release constraint', () => {
      assertUpdated(decide('busybox:1.0', SEMVER, ['busybox:1.3.0-rc.1', 'busybox:1.2']), 'busybox:1.2');
    });

    it('digest part: picks the digest of the highest version', () => {
      assertUpdated(decide(D1, { ...SEMVER, part: 'digest', context: 'busybox' }, [`busybox:1.3@${D3}`, `busybox:1.2@${D2}`]), D3, `busybox:1.3@${D3}`);
    });
  });

  describe('a current value that is not a reference', () => {
    it('warns and keeps the value', () => {
      assertUnchanged(decide('not a ref!', SEMVER, ['busybox:1.2']), 'not a ref!', [
        "the field's value is not an image reference: could not parse reference: not a ref!",
      ]);
      assertUnchanged(decide('Busybox', SEMVER, ['busybox:1.2']), 'Busybox', [
        "the field's value is not an image reference: could not parse reference: Busybox",
      ]);
      assertUnchanged(decide('', SEMVER, ['busybox:1.2']), '', ["the field's value is not an image reference: could not parse reference: "]);
    });

    it('updates a part: tag value of just :, which kobold reads as the context without a tag (parity h02538)', () => {
      const marker = { type: 'exact', tag: '1.2.3', part: 'tag', context: 'test.azurecr.io/nginx' };
      assertUpdated(decide(':', marker, [`test.azurecr.io/nginx:1.2.3@${D1}`]), '1.2.3', `test.azurecr.io/nginx:1.2.3@${D1}`);
      assertUnchanged(decide(':', marker, [`test.azurecr.io/nginx:0.2.13@${D1}`]), ':');
      assertUpdated(decide(':', { ...SEMVER, part: 'tag', context: 'busybox' }, ['busybox:1.2']), '1.2', 'busybox:1.2');
    });

    it('warns about a part value that does not make a reference with its context', () => {
      const decision = decide('bad tag', { ...SEMVER, part: 'tag', context: 'busybox' }, ['busybox:1.2']);
      assertUnchanged(decision, 'bad tag', ["the field's value is not an image reference: could not parse reference: busybox:bad tag"]);
    });
  });
});
