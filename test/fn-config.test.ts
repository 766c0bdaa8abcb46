import { strict as assert } from 'assert';
import { checkImageRefs, ConfigLoad, loadFunctionConfig, splitImageList } from '../src/krm/fn-config';
import { digestOf, FN_CONFIG_KINDS } from './support/samples';


function refsOf(config: unknown): string[] {
  const loaded: ConfigLoad = loadFunctionConfig(config);
  assert.ok(loaded.ok, `should load, got ${loaded.ok ? '' : loaded.error}`);
  return loaded.value;
}

function errorOf(config: unknown): string {
  const loaded = loadFunctionConfig(config);
  assert.ok(!loaded.ok, `${JSON.stringify(config)} should be rejected`);
  return loaded.error;
}

const list = (items: unknown, kind = 'List'): unknown => ({ apiVersion: 'kobold/v1alpha3', kind, items });
const configMap = (data: unknown): unknown => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fn' }, data });

describe('loadFunctionConfig', () => {
  describe('the three kinds', () => {
    it('kobold/v1alpha3 List: the items in order', () => {
      assert.deepEqual(refsOf(list(['docker.io/foo/baz:1.2.3', 'busybox:1.36'])), ['docker.io/foo/baz:1.2.3', 'busybox:1.36']);
    });

    it('kobold/v1alpha3 ImageRefUpdater: the same', () => {
      assert.deepEqual(refsOf(list(['a.io/x:1', 'a.io/x:2'], 'ImageRefUpdater')), ['a.io/x:1', 'a.io/x:2']);
      assert.deepEqual(refsOf({ apiVersion: 'kobold/v1alpha3', kind: 'ImageRefUpdater', metadata: { name: 'x' }, items: ['a.io/x:1'] }), ['a.io/x:1']);
    });

    it('keeps items as given, invalid references included (they are checked later)', () => {
      assert.deepEqual(refsOf(list(['', 'not a ref', 'a.io/x:1'])), ['', 'not a ref', 'a.io/x:1']);
    });

    it('accepts an empty items list', () => {
      assert.deepEqual(refsOf(list([])), []);
    });

    it('v1 ConfigMap: data.images split at commas, spaces and newlines', () => {
      assert.deepEqual(refsOf(configMap({ images: 'a.io/x:1,a.io/y:2' })), ['a.io/x:1', 'a.io/y:2']);
      assert.deepEqual(refsOf(configMap({ images: ' a.io/x:1 ,\n a.io/y:2\n\ta.io/z:3,,\n' })), ['a.io/x:1', 'a.io/y:2', 'a.io/z:3']);
      assert.deepEqual(refsOf(configMap({ images: 'busybox:1.2', other: 'x' })), ['busybox:1.2']);
    });
  });

  describe('errors', () => {
    it('no functionConfig at all', () => {
      assert.equal(errorOf(undefined), `no functionConfig: give one of ${FN_CONFIG_KINDS}`);
      assert.equal(errorOf(null), `no functionConfig: give one of ${FN_CONFIG_KINDS}`);
    });

    it('a functionConfig that is not a mapping', () => {
      assert.equal(errorOf([]), 'functionConfig must be a mapping');
      assert.equal(errorOf(['a.io/x:1']), 'functionConfig must be a mapping');
      assert.equal(errorOf('a.io/x:1'), 'functionConfig must be a mapping');
      assert.equal(errorOf(3), 'functionConfig must be a mapping');
    });

    it('an unknown apiVersion or kind, naming the allowed kinds', () => {
      assert.equal(errorOf(list([], 'Foo')), `functionConfig apiVersion "kobold/v1alpha3" kind "Foo" is not supported: use one of ${FN_CONFIG_KINDS}`);
      assert.equal(
        errorOf({ apiVersion: 'kobold/v1alpha2', kind: 'List', items: [] }),
        `functionConfig apiVersion "kobold/v1alpha2" kind "List" is not supported: use one of ${FN_CONFIG_KINDS}`,
      );
      assert.equal(
        errorOf({ apiVersion: 'kobold/v1alpha3', kind: 'ConfigMap', data: { images: 'a.io/x:1' } }),
        `functionConfig apiVersion "kobold/v1alpha3" kind "ConfigMap" is not supported: use one of ${FN_CONFIG_KINDS}`,
      );
      assert.equal(
        errorOf({ apiVersion: 'v1', kind: 'List', items: [] }),
        `functionConfig apiVersion "v1" kind "List" is not supported: use one of ${FN_CONFIG_KINDS}`,
      );
      assert.equal(errorOf({ items: ['a.io/x:1'] }), `functionConfig apiVersion undefined kind undefined is not supported: use one of ${FN_CONFIG_KINDS}`);
      assert.equal(errorOf({ apiVersion: 'v1', kind: 'configmap', data: { images: 'x' } }), `functionConfig apiVersion "v1" kind "configmap" is not supported: use one of ${FN_CONFIG_KINDS}`);
    });

    it('missing items', () => {
      assert.equal(errorOf({ apiVersion: 'kobold/v1alpha3', kind: 'List' }), 'functionConfig items is missing');
      assert.equal(errorOf({ apiVersion: 'kobold/v1alpha3', kind: 'ImageRefUpdater', metadata: {} }), 'functionConfig items is missing');
    });

    it('items that are not a list', () => {
      assert.equal(errorOf(list('a.io/x:1')), 'functionConfig items must be array');
      assert.equal(errorOf(list({ a: 'b' })), 'functionConfig items must be array');
      assert.equal(errorOf(list(null)), 'functionConfig items must be array');
    });

    it('an item that is not a string, naming items[N]', () => {
      assert.equal(errorOf(list(['a.io/x:1', 3])), 'functionConfig items[1] must be string');
      assert.equal(errorOf(list([{ image: 'a.io/x:1' }])), 'functionConfig items[0] must be string');
      assert.equal(errorOf(list(['a', 'b', null])), 'functionConfig items[2] must be string');
    });

    it('a ConfigMap without data or data.images', () => {
      assert.equal(errorOf({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }), 'functionConfig data is missing');
      assert.equal(errorOf(configMap({})), 'functionConfig data.images is missing');
      assert.equal(errorOf(configMap({ image: 'a.io/x:1' })), 'functionConfig data.images is missing');
    });

    it('a ConfigMap whose images is not a string', () => {
      assert.equal(errorOf(configMap({ images: 3 })), 'functionConfig data.images must be string');
      assert.equal(errorOf(configMap({ images: ['a.io/x:1'] })), 'functionConfig data.images must be string');
    });

    it('a ConfigMap with empty or blank images', () => {
      for (const images of ['', ' ', ',', ' , \n', '\n\t,,']) {
        assert.equal(errorOf(configMap({ images })), 'functionConfig data.images must name at least one image reference', JSON.stringify(images));
      }
    });
  });
});

describe('splitImageList', () => {
  it('splits at commas, spaces, tabs and newlines, dropping empty entries', () => {
    assert.deepEqual(splitImageList('a.io/x:1,a.io/y:2'), ['a.io/x:1', 'a.io/y:2']);
    assert.deepEqual(splitImageList('a.io/x:1 a.io/y:2'), ['a.io/x:1', 'a.io/y:2']);
    assert.deepEqual(splitImageList('a.io/x:1\na.io/y:2\r\n'), ['a.io/x:1', 'a.io/y:2']);
    assert.deepEqual(splitImageList(',, a.io/x:1 ,\t, a.io/y:2 ,,'), ['a.io/x:1', 'a.io/y:2']);
    assert.deepEqual(splitImageList(`busybox:1.2@${digestOf('2')}`), [`busybox:1.2@${digestOf('2')}`]);
  });

  it('gives nothing for an empty or blank list', () => {
    assert.deepEqual(splitImageList(''), []);
    assert.deepEqual(splitImageList(' ,\n, '), []);
  });
});

describe('checkImageRefs', () => {
  it('keeps valid references with their repository, tag and digest', () => {
    const { refs, warnings } = checkImageRefs(['ghcr.io/org/app:1.2.3', `docker.io/library/busybox:1.36@${digestOf('2')}`]);
    assert.deepEqual(warnings, []);
    assert.deepEqual(refs, [
      { text: 'ghcr.io/org/app:1.2.3', contextName: 'ghcr.io/org/app', tag: '1.2.3', digest: '' },
      { text: `docker.io/library/busybox:1.36@${digestOf('2')}`, contextName: 'index.docker.io/library/busybox', tag: '1.36', digest: digestOf('2') },
    ]);
  });

  it('accepts familiar Docker Hub references and normalises their repository (D4)', () => {
    const { refs, warnings } = checkImageRefs(['busybox:1.2', 'docker.io/busybox:1.2', 'library/busybox:1.3', 'bluebrown/app:v1']);
    assert.deepEqual(warnings, []);
    assert.deepEqual(
      refs.map((ref) => [ref.text, ref.contextName, ref.tag]),
      [
        ['busybox:1.2', 'index.docker.io/library/busybox', '1.2'],
        ['docker.io/busybox:1.2', 'index.docker.io/library/busybox', '1.2'],
        ['library/busybox:1.3', 'index.docker.io/library/busybox', '1.3'],
        ['bluebrown/app:v1', 'index.docker.io/bluebrown/app', 'v1'],
      ],
    );
  });

  it('turns invalid references into warnings naming their index, and keeps the others in order', () => {
    const { refs, warnings } = checkImageRefs(['a.io/app:1', 'busybox', 'a.io/api:2', 'x@sha256:bad', 'a.io/zz:3@sha256:bad', '']);
    assert.deepEqual(refs.map((ref) => ref.text), ['a.io/app:1', 'a.io/api:2']);
    assert.deepEqual(
      warnings.map((warning) => warning.severity),
      ['warning', 'warning', 'warning', 'warning'],
    );
    assert.equal(
      warnings[0].message,
      'image reference 1 "busybox" from the functionConfig is ignored: invalid tag: tag must be between 1 and 128 characters in length: ',
    );
    assert.match(warnings[1].message, /^image reference 3 "x@sha256:bad" from the functionConfig is ignored: /);
    assert.match(warnings[2].message, /^image reference 4 "a\.io\/zz:3@sha256:bad" from the functionConfig is ignored: /);
    assert.match(warnings[3].message, /^image reference 5 "" from the functionConfig is ignored: /);
  });

  it('rejects a reference without a tag even with a digest, and a bad digest', () => {
    const { refs, warnings } = checkImageRefs([`ghcr.io/org/app@${digestOf('2')}`, `ghcr.io/org/app:1.0@${digestOf('2').slice(0, -1)}`, `ghcr.io/org/app:1.0@${digestOf('2').toUpperCase()}`]);
    assert.deepEqual(refs, []);
    assert.deepEqual(warnings.map((warning) => warning.message.slice(0, 'image reference N'.length)), ['image reference 0', 'image reference 1', 'image reference 2']);
  });

  it('gives nothing for nothing', () => {
    assert.deepEqual(checkImageRefs([]), { refs: [], warnings: [] });
  });
});
