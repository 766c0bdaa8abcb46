import { strict as assert } from 'assert';
import { compareVersions, parseConstraint, parseVersion, Version } from '../src/match/schemes/masterminds';
import { semverScheme } from '../src/match/schemes/semver';

function version(text: string): Version {
  const parsed = parseVersion(text);
  assert.ok(parsed, `${text} should parse`);
  return parsed;
}

function normalised(text: string): string | undefined {
  return parseVersion(text)?.semver.format();
}

function constraintError(text: string): string | undefined {
  const parsed = parseConstraint(text);
  return parsed.ok ? undefined : parsed.error;
}

function matching(constraint: string, tags: readonly string[]): string[] {
  const compiled = semverScheme.compile(constraint);
  assert.ok(compiled.ok, `${constraint} should compile`);
  return tags.filter((tag) => compiled.value.matches(tag));
}

describe('masterminds parseVersion', () => {
  it('completes partial versions with zeros', () => {
    assert.equal(normalised('1'), '1.0.0');
    assert.equal(normalised('1.2'), '1.2.0');
    assert.equal(normalised('1.2.3'), '1.2.3');
  });

  it('accepts a lowercase v prefix and leading zeros', () => {
    assert.equal(normalised('v1.2.3'), '1.2.3');
    assert.equal(normalised('v0'), '0.0.0');
    assert.equal(normalised('01.2.3'), '1.2.3');
    assert.equal(normalised('1.02.3'), '1.2.3');
    assert.equal(normalised('1.2.3-rc.01'), '1.2.3-rc.1');
  });

  it('keeps prerelease, build metadata and the original text', () => {
    const parsed = version('v1.2-rc.1+build.5');
    assert.equal(parsed.original, 'v1.2-rc.1+build.5');
    assert.deepEqual(parsed.semver.prerelease, ['rc', 1]);
    assert.deepEqual(parsed.semver.build, ['build', '5']);
  });

  it('rejects what is not a version', () => {
    for (const text of [
      '',
      'latest',
      'stable',
      'V1.2.3',
      ' 1.2.3',
      '1.2.3 ',
      'v',
      'x',
      '1.',
      '.1',
      '1.2.x',
      '1.2.3.4',
      '1.2.3-',
      '1.2.3-rc..1',
      '1.2.3+',
      'master-124-012345',
      'sprint_8675343',
      '99999999999999999999.0.0',
    ]) {
      assert.equal(parseVersion(text), null, JSON.stringify(text));
    }
  });
});

describe('masterminds compareVersions', () => {
  it('orders by number, a prerelease below its release, prereleases by identifier', () => {
    const ascending = [
      '0.0.0',
      '0.9.9',
      '1.2.3-0',
      '1.2.3-2',
      '1.2.3-10',
      '1.2.3-alpha',
      '1.2.3-alpha.1',
      '1.2.3-alpha.beta',
      '1.2.3-beta.2',
      '1.2.3-beta.11',
      '1.2.3-rc.1',
      '1.2.3',
      '1.2.10',
      '1.10.0',
      '2.0.0-rc.1',
      '2.0.0',
    ].map(version);
    ascending.forEach((a, i) =>
      ascending.forEach((b, j) => assert.equal(compareVersions(a, b), Math.sign(i - j), `${a.original} vs ${b.original}`)),
    );
  });

  it('ignores build metadata, the v prefix, leading zeros and missing parts', () => {
    assert.equal(compareVersions(version('1.2.3+a'), version('1.2.3+b')), 0);
    assert.equal(compareVersions(version('1.2.3-rc.1+a'), version('1.2.3-rc.1')), 0);
    assert.equal(compareVersions(version('v1.2'), version('1.2.0')), 0);
    assert.equal(compareVersions(version('01.2.3'), version('1.2.3')), 0);
    assert.equal(compareVersions(version('1'), version('1.0.0')), 0);
  });
});

// Tags and which of them kobold (Masterminds v1.5.0) matched for each constraint.
const TAGS = [
  '0.0.0',
  '0.0.1',
  '0.1',
  '0.2.13',
  '1',
  '1.2',
  '1.2.0',
  '1.2.3',
  '1.2.3+build',
  '1.2.3-0',
  '1.2.3-alpha',
  '1.2.3-rc.1',
  '1.4.2',
  '1.4.3',
  '1.10.0',
  '2.0.0-rc.1',
  '2.0.0',
  '2.3',
  '2.9.9',
  '3',
] as const;

const ALL_RELEASES = TAGS.filter((tag) => !/-/.test(tag));

const RECORDED: ReadonlyArray<readonly [string, readonly string[]]> = [
  // Equality; a bare major is a wildcard minor, a version with a patch is exact.
  ['v1', ['1', '1.2', '1.2.0', '1.2.3', '1.2.3+build', '1.4.2', '1.4.3', '1.10.0']],
  ['1.2.3', ['1.2.3', '1.2.3+build']],
  ['=1.2.3', ['1.2.3', '1.2.3+build']],
  ['v1.2.3', ['1.2.3', '1.2.3+build']],
  // Wildcards.
  ['1.x', ['1', '1.2', '1.2.0', '1.2.3', '1.2.3+build', '1.4.2', '1.4.3', '1.10.0']],
  ['1.X', ['1', '1.2', '1.2.0', '1.2.3', '1.2.3+build', '1.4.2', '1.4.3', '1.10.0']],
  ['1.2.x', ['1.2', '1.2.0', '1.2.3', '1.2.3+build']],
  ['*', ALL_RELEASES],
  ['x', ALL_RELEASES],
  ['=*', ALL_RELEASES],
  // `!=`: without wildcards it does not exclude prereleases.
  ['!=1.2.3', TAGS.filter((tag) => tag !== '1.2.3' && tag !== '1.2.3+build')],
  ['!=1.x', ['0.0.0', '0.0.1', '0.1', '0.2.13', '2.0.0', '2.3', '2.9.9', '3']],
  ['!=*', ALL_RELEASES.filter((tag) => !['0.0.0', '0.0.1'].includes(tag))],
  // `>`, `>=`, `=>`: wildcards and missing parts count as 0.
  ['>1.2.3', ['1.4.2', '1.4.3', '1.10.0', '2.0.0', '2.3', '2.9.9', '3']],
  ['>*', ALL_RELEASES.filter((tag) => tag !== '0.0.0')],
  ['>v1.2', ['1.2.3', '1.2.3+build', '1.4.2', '1.4.3', '1.10.0', '2.0.0', '2.3', '2.9.9', '3']],
  ['>= 1.2.3', ['1.2.3', '1.2.3+build', '1.4.2', '1.4.3', '1.10.0', '2.0.0', '2.3', '2.9.9', '3']],
  ['=>1.2', ['1.2', '1.2.0', '1.2.3', '1.2.3+build', '1.4.2', '1.4.3', '1.10.0', '2.0.0', '2.3', '2.9.9', '3']],
  ['>= 0', ALL_RELEASES],
  // `<`, `<=`, `=<`: a bare major or a wildcard only bounds the major.
  ['<1.2.3', ['0.0.0', '0.0.1', '0.1', '0.2.13', '1', '1.2', '1.2.0']],
  ['< 2', ALL_RELEASES.filter((tag) => tag !== '3')],
  ['<2.x', ALL_RELEASES.filter((tag) => tag !== '3')],
  ['<= 1.4.2', ['0.0.0', '0.0.1', '0.1', '0.2.13', '1', '1.2', '1.2.0', '1.2.3', '1.2.3+build', '1.4.2']],
  ['<=1.2', ['0.0.0', '0.0.1', '0.1', '0.2.13', '1', '1.2', '1.2.0']],
  ['=<1.2', ['0.0.0', '0.0.1', '0.1', '0.2.13', '1', '1.2', '1.2.0']],
  // `~`, `~>`.
  ['~1', ['1', '1.2', '1.2.0', '1.2.3', '1.2.3+build', '1.4.2', '1.4.3', '1.10.0']],
  ['~1.2', ['1.2', '1.2.0', '1.2.3', '1.2.3+build']],
  ['~>1.2', ['1.2', '1.2.0', '1.2.3', '1.2.3+build']],
  ['~v1.2', ['1.2', '1.2.0', '1.2.3', '1.2.3+build']],
  ['~1.2.3', ['1.2.3', '1.2.3+build']],
  ['~0', ['0.0.0', '0.0.1', '0.1', '0.2.13']],
  ['~0.0.0', ALL_RELEASES],
  // `^`: same major, also for 0.x.
  ['^1', ['1', '1.2', '1.2.0', '1.2.3', '1.2.3+build', '1.4.2', '1.4.3', '1.10.0']],
  ['^v1', ['1', '1.2', '1.2.0', '1.2.3', '1.2.3+build', '1.4.2', '1.4.3', '1.10.0']],
  ['^1.2', ['1.2', '1.2.0', '1.2.3', '1.2.3+build', '1.4.2', '1.4.3', '1.10.0']],
  ['^1.2.3', ['1.2.3', '1.2.3+build', '1.4.2', '1.4.3', '1.10.0']],
  ['^0', ['0.0.0', '0.0.1', '0.1', '0.2.13']],
  ['^0.2', ['0.2.13']],
  ['^0.0.1', ['0.0.1', '0.1', '0.2.13']],
  ['^2', ['2.0.0', '2.3', '2.9.9']],
  ['^1.0.0+build', ['1', '1.2', '1.2.0', '1.2.3', '1.2.3+build', '1.4.2', '1.4.3', '1.10.0']],
  // Hyphen ranges become `>= a, <= b`.
  ['1.2.3 - 2.3.4', ['1.2.3', '1.2.3+build', '1.4.2', '1.4.3', '1.10.0', '2.0.0', '2.3']],
  ['1.2 - 2', ['1.2', '1.2.0', '1.2.3', '1.2.3+build', '1.4.2', '1.4.3', '1.10.0', '2.0.0', '2.3', '2.9.9']],
  ['1.2\t-\f2', ['1.2', '1.2.0', '1.2.3', '1.2.3+build', '1.4.2', '1.4.3', '1.10.0', '2.0.0', '2.3', '2.9.9']],
  ['>= 1.4.3, 1.0 -  1.4.2 || 3', ['3']],
  // `,` is AND, `||` is OR.
  ['>=2.3,<3', ['2.3', '2.9.9', '3']],
  ['>= 2.3, < 3', ['2.3', '2.9.9', '3']],
  ['^1 || ^3', ['1', '1.2', '1.2.0', '1.2.3', '1.2.3+build', '1.4.2', '1.4.3', '1.10.0', '3']],
  ['<1 || >=3.0.0', ['0.0.0', '0.0.1', '0.1', '0.2.13', '1', '1.2', '1.2.0', '1.2.3', '1.2.3+build', '1.4.2', '1.4.3', '1.10.0', '3']],
  ['~1.2 || ~1.4, >1.4.2', ['1.2', '1.2.0', '1.2.3', '1.2.3+build', '1.4.3']],
  ['> 1.2.3, < 1.4 || 2.x', ['2.0.0', '2.3', '2.9.9']],
  // A term with a prerelease lets every prerelease through, of any major.minor.patch.
  ['>=1.2.3-0', ['1.2.3', '1.2.3+build', '1.2.3-0', '1.2.3-alpha', '1.2.3-rc.1', '1.4.2', '1.4.3', '1.10.0', '2.0.0-rc.1', '2.0.0', '2.3', '2.9.9', '3']],
  ['>= 1.2.3-alpha', ['1.2.3', '1.2.3+build', '1.2.3-alpha', '1.2.3-rc.1', '1.4.2', '1.4.3', '1.10.0', '2.0.0-rc.1', '2.0.0', '2.3', '2.9.9', '3']],
  ['^1.2.3-rc.0', ['1.2.3', '1.2.3+build', '1.2.3-rc.1', '1.4.2', '1.4.3', '1.10.0']],
  ['1.2.3-rc.1', ['1.2.3-rc.1']],
  ['>1.0.0-rc.1', TAGS.filter((tag) => !tag.startsWith('0.'))],
  ['<2.0.0-0', TAGS.filter((tag) => !tag.startsWith('2.') && tag !== '3')],
];

describe('masterminds constraints (recorded from kobold)', () => {
  for (const [constraint, expected] of RECORDED) {
    it(constraint, () => assert.deepEqual(matching(constraint, TAGS), expected));
  }
});

describe('masterminds constraints (read from the v1.5.0 source)', () => {
  it('reads a major.minor without a patch as exact, not as a wildcard patch', () => {
    assert.deepEqual(matching('1.2', TAGS), ['1.2', '1.2.0']);
  });

  it('gives `^*` and `<*` the bound 0.0.0 with its major and minor', () => {
    assert.deepEqual(matching('^*', TAGS), ['0.0.0', '0.0.1', '0.1', '0.2.13']);
    assert.deepEqual(matching('<*', TAGS), ['0.0.0', '0.0.1']);
  });

  it('compares major and minor each on its own for `<` with a wildcard patch', () => {
    assert.deepEqual(matching('<1.2.x', ['0.1.0', '0.5.0', '1.2.9', '1.3.0', '2.0.0']), ['0.1.0', '1.2.9']);
  });

  it('does not take spaces as AND', () => {
    assert.equal(constraintError('>= 1.0 < 2.0'), 'improper constraint: >= 1.0 < 2.0');
  });

  it('rewrites a hyphen range even after an operator', () => {
    assert.equal(constraintError('>1.0 - 2.0'), 'improper constraint: >>= 1.0');
  });
});

describe('masterminds parseConstraint errors', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['', 'improper constraint: '],
    [' ', 'improper constraint:  '],
    ['latest', 'improper constraint: latest'],
    ['kaboom', 'improper constraint: kaboom'],
    ['>==1', 'improper constraint: >==1'],
    ['1.2.3.4', 'improper constraint: 1.2.3.4'],
    ['1 | 2', 'improper constraint: 1 | 2'],
    ['1.2.3 -2.0.0', 'improper constraint: 1.2.3 -2.0.0'],
    ['^1 ||', 'improper constraint: '],
    ['|| ^1', 'improper constraint: '],
    ['^1,', 'improper constraint: '],
    ['1x', 'constraint Parser Error'],
    ['1|2', 'constraint Parser Error'],
    ['99999999999999999999', 'constraint Parser Error'],
  ];
  for (const [constraint, error] of cases) {
    it(JSON.stringify(constraint), () => assert.equal(constraintError(constraint), error));
  }
});

describe('semverScheme.compile', () => {
  it('prefixes the Masterminds error', () => {
    assert.deepEqual(semverScheme.compile('latest'), {
      ok: false,
      error: 'could not parse version constraint: improper constraint: latest',
    });
  });

  it('never matches a tag that is not a version', () => {
    assert.deepEqual(matching('*', ['latest', '', 'V1.2.3', ' 1.2.3', '1.2.3.4', '1.2.x', 'v1.2.3', '01.2.3']), [
      'v1.2.3',
      '01.2.3',
    ]);
  });
});
