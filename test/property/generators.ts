/**
 * fast-check generators for the property tests ("Nothing lost, nothing hangs"): a small model of
 * YAML documents (nested block and flow collections, every scalar style, comments everywhere,
 * anchors and aliases, markers valid and not), rendered to text by hand, and ResourceLists built
 * from such documents. The model carries every choice the text depends on, so fast-check shrinks
 * a failing input by shrinking the model.
 */
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { MARKER, NEW, OLD, RESOURCE_LIST_HEADER } from '../support/samples';

// ---------------------------------------------------------------------------------------------
// Pools
// ---------------------------------------------------------------------------------------------

/** Written forms of repositories: several spellings of the same Docker Hub repository, and others. */
export const REPOS = [
  'docker.io/acme/app',
  'acme/app',
  'index.docker.io/acme/app',
  'my.org/amazing/app',
  'ghcr.io/org/worker',
  'busybox',
  'library/busybox',
  'docker.io/library/busybox',
  'registry-1.docker.io/acme/app',
  'localhost:5000/team/app',
  'nginx',
];

/** Tags, some of which do not read back as strings when written plain (`1.10`, `true`, `1e3`, ...). */
export const TAGS = ['1.0.0', 'v1.0.0', '1.2.3', 'v1.2.4', '1.2', '1', '1.35', '1.36.1', '2.0.0', '1.3.0-rc.1', 'main-41', 'main-42', 'latest', 'stable', '1.10', 'true', '1e3', '017', 'yes', 'null'];

export const DIGESTS = [`sha256:${'a'.repeat(64)}`, `sha256:${'0123456789abcdef'.repeat(4)}`];

const SEMVER_PATTERNS = ['^1', '~1.2', '>=1.0, <2', '1.x', '*', '^1 || ^2', '1.2 - 1.4', '>=1.3.0-0', '^^1', 'v1'];
const REGEX_PATTERNS = ['main-\\d+', '1\\..*', 'v?1\\.\\d+\\.\\d+', 'latest|stable', '(', '.*', '(?<n>x)', '[0-9.]+'];
const EXACT_PATTERNS = ['1.2.3', 'latest', 'main-42', 'v1.0.0', '1.36.1', 'true'];

/** Comments that are not markers, though some look like one. */
const PLAIN_COMMENTS = [
  '# plain comment',
  '#kobold: tag: ^1; type: semver',
  '# Kobold: tag: ^1; type: semver',
  '#  kobold: tag: ^1; type: exact',
  '# kobold',
  '# see the kobold docs: tag: ^1; type: semver',
  '# é 日本 🚀',
  '# a \'quoted\' "thing"',
  '# - not: [a, key]',
  '#',
];

/** Lines of folded block scalars: marker-like text there is content. */
const FOLDED_LINES = [
  'line one',
  '# kobold: tag: ^1; type: semver',
  'image: docker.io/acme/app:1.0.0 # kobold: tag: ^1; type: semver',
  '- docker.io/acme/app:1.0.0 # kobold: tag: ^1; type: semver',
  '  more indented # kobold: tag: ^1; type: semver',
  '',
  'key: "value"',
  'naïve 日本 🚀',
  '---',
  '...',
];

/**
 * Lines of literal block scalars that hold no markers: marker text there is inside quotes, content
 * even where the block is read as YAML (SPEC 10). Literal blocks with markers are embeddedScalar's.
 */
const LITERAL_LINES = [
  'line one',
  'echo "# kobold: tag: ^1; type: semver"',
  "msg: 'docker.io/acme/app:1.0.0 # kobold: tag: ^1; type: semver'",
  '  more indented "# kobold: tag: ^1; type: semver"',
  '',
  'key: "value"',
  'naïve 日本 🚀',
  '---',
  '...',
];

/** Lines of multi-line double-quoted scalars: marker-like text there is content too. */
const QUOTED_LINES = ['x', '# kobold: tag: ^1; type: semver', 'docker.io/acme/app:1.0.0 # kobold: tag: ^1; type: semver', 'y z', 'é'];
const PLAIN_LINES = ['one', 'two words', 'docker.io/acme/app:1.0.0', 'naïve', 'a#b'];

/** Unmarked plain scalars (block context); the renderer quotes those a flow collection cannot hold. */
const PLAIN_VALUES = ['value', 'docker.io/acme/app:1.0.0', 'a#b', 'http://x.y/z#frag', '12:30', '1.10', 'true', '~', 'null', '42', 'naïve', '日本', '🚀 rocket', 'with space', 'a,b', 'x[0]'];
/** Values for quoted scalars, marker-like text included. */
const QUOTED_VALUES = ["it's", '# kobold: tag: ^1; type: semver', 'docker.io/acme/app:1.0.0 # kobold: tag: ^1; type: semver', '', 'a: b', "'", '"', 'tab\there', 'é 日本', '\\', 'line\nbreak'];
/** Double-quoted scalars written with escapes, as source text. */
const RAW_DOUBLE = ['"caf\\u00e9"', '"\\x41\\t"', '"a\\"b # kobold: tag: ^1; type: semver"', '"\\u65e5\\U0001F680"', '"\\/"'];

export const KEYS = ['apiVersion', 'kind', 'metadata', 'name', 'spec', 'image', 'images', 'tag', 'newTag', 'repository', 'containers', 'values', 'a.b', 'config.kubernetes.io/x', 'clé', '日本', 'with space', 'k-1', 'x_y', '1', 'true', 'image.tag', 'kobold'];
const QUOTED_KEYS = ['"quoted key"', "'a.b'", '"image"', '"x:y"', "'it''s'", '"日本.é"'];

const ANNOTATION_PATHS = ['image', 'spec.image', 'spec.containers[*].image', 'spec.containers[0].image', 'images[name=app].newTag', 'values["a.b"]', 'a.b', 'tag', '[0]', 'spec..x', '[bad', 'spec.template.spec.containers[*].image'];

// ---------------------------------------------------------------------------------------------
// Model
// ---------------------------------------------------------------------------------------------

/** A comment trailing a node on its line: the blanks before `#`, then the comment. */
export interface Trailing {
  gap: string;
  text: string;
}

/** A line before an entry or item: blank, or a comment at some indentation relative to it. */
export type PreLine = { kind: 'blank' } | { kind: 'comment'; shift: number; tab: boolean; text: string };

export type ScalarStyle = 'plain' | 'single' | 'double' | 'raw-double' | 'empty' | 'multi-plain' | 'multi-double' | 'literal' | 'folded';

export interface GScalar {
  t: 'scalar';
  style: ScalarStyle;
  /** The value for plain and quoted styles, the source for raw-double. */
  value: string;
  /** Lines of multi-line and block scalars. */
  lines: string[];
  chomp: '' | '-' | '+';
  anchor: boolean;
  tag: boolean;
  comment: Trailing | null;
}

export interface GAlias {
  t: 'alias';
  pick: number;
  comment: Trailing | null;
}

export type Layout = 'block' | 'flow1' | 'flowN';

export interface GEntry {
  key: string;
  value: GNode;
  pre: PreLine[];
  /** A block sequence value written at the key's column (as kpt does). */
  seqAtKeyColumn: boolean;
  /** Blanks between the key and its `:`. */
  keyGap: string;
}

export interface GMap {
  t: 'map';
  layout: Layout;
  entries: GEntry[];
  anchor: boolean;
  comment: Trailing | null;
  step: number;
  compact: boolean;
}

export interface GItem {
  value: GNode;
  pre: PreLine[];
}

export interface GSeq {
  t: 'seq';
  layout: Layout;
  items: GItem[];
  anchor: boolean;
  comment: Trailing | null;
  step: number;
  compact: boolean;
}

export type GNode = GScalar | GAlias | GMap | GSeq;

export interface GDoc {
  root: GNode;
  /** Comment lines before the document's content. */
  lead: PreLine[];
  start: '' | '---' | '--- # start';
  end: '' | '...';
  directive: boolean;
}

export interface GStream {
  docs: GDoc[];
  crlf: boolean;
  bom: boolean;
  finalNewline: boolean;
  /** A `...` line before the first document (an empty document, as YAML reads it). */
  leadingEnd: boolean;
}

/** The semantic key of a key as written: what the yaml library reads. */
export function keyValue(key: string): string {
  if (key.startsWith('"')) return JSON.parse(key) as string;
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

const pick = <T>(values: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...values);
const never = fc.constant(false);
/** True once in `weight + 1` times. */
const sometimes = (weight: number): fc.Arbitrary<boolean> => fc.oneof({ arbitrary: never, weight }, fc.constant(true));

const gap = fc.oneof({ arbitrary: fc.constant(' '), weight: 5 }, fc.constant('  '), fc.constant('\t'), fc.constant('   '));

/** The text after `# kobold:`, valid or not, with the field value it goes with. */
const anyMarkedField: fc.Arbitrary<{ value: string; marker: string }> = fc
  .record({
    type: fc.oneof({ arbitrary: pick(['exact', 'semver', 'semver', 'regex']), weight: 15 }, pick(['Semver', 'glob', ''])),
    withType: fc.oneof({ arbitrary: fc.constant(true), weight: 19 }, fc.constant(false)),
    patternIndex: fc.nat(),
    part: fc.oneof({ arbitrary: fc.constant(''), weight: 12 }, { arbitrary: pick(['tag', 'digest', 'tag+digest']), weight: 6 }, { arbitrary: fc.constant('name'), weight: 1 }),
    withContext: fc.oneof({ arbitrary: fc.constant(true), weight: 6 }, fc.constant(false)),
    repo: pick(REPOS),
    contextRepo: pick(REPOS),
    sameContext: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, fc.constant(false)),
    tag: pick(TAGS),
    digest: fc.option(pick(DIGESTS), { freq: 3 }),
    badValue: fc.oneof({ arbitrary: fc.constant(null), weight: 9 }, pick(['not a ref', 'UPPER/Case:1', 'sha256:short', ''])),
    junk: fc.oneof({ arbitrary: fc.constant([] as string[]), weight: 12 }, fc.array(pick(['bogus', 'color: red', '', '  ', 'tag: 1.2.3']), { minLength: 1, maxLength: 2 })),
    tight: fc.boolean(),
    separator: pick(['; ', ';', ' ; ']),
    trailing: fc.oneof({ arbitrary: fc.constant(''), weight: 8 }, fc.constant(';'), fc.constant('; ')),
    order: fc.nat(),
  })
  .map((m) => {
    const patterns = m.type === 'semver' ? SEMVER_PATTERNS : m.type === 'regex' ? REGEX_PATTERNS : EXACT_PATTERNS;
    const pattern = patterns[m.patternIndex % patterns.length];
    const kv = (key: string, value: string): string => (m.tight ? `${key}:${value}` : `${key}: ${value}`);
    const segments = [kv('tag', pattern)];
    if (m.withType) segments.push(kv('type', m.type));
    if (m.part !== '') segments.push(kv('part', m.part));
    const context = m.sameContext ? m.repo : m.contextRepo;
    if (m.part !== '' && m.withContext) segments.push(kv('context', context));
    // Shuffle deterministically from `order`, then add the junk segments.
    for (let i = segments.length - 1; i > 0; i--) {
      const j = (m.order >> i) % (i + 1);
      [segments[i], segments[j]] = [segments[j], segments[i]];
    }
    segments.push(...m.junk);
    const marker = ` ${segments.join(m.separator)}${m.trailing}`;
    let value: string;
    const digest = m.digest ?? '';
    switch (m.part) {
      case 'tag':
        value = m.tag;
        break;
      case 'digest':
        value = digest || DIGESTS[0];
        break;
      case 'tag+digest':
        value = digest ? `${m.tag}@${digest}` : m.tag;
        break;
      default:
        value = digest ? `${m.repo}:${m.tag}@${digest}` : m.order % 7 === 0 ? m.repo : `${m.repo}:${m.tag}`;
    }
    if (m.badValue !== null) value = m.badValue;
    return { value, marker: `# kobold:${marker}` };
  });

/** A valid marker on a value that incoming references of the usual tags update: most runs change something. */
const likelyMarkedField: fc.Arbitrary<{ value: string; marker: string }> = fc
  .record({
    repo: pick(['docker.io/acme/app', 'acme/app', 'busybox', 'docker.io/library/busybox', 'my.org/amazing/app']),
    tag: pick(['1.0.0', 'v1.0.0', '1.2', 'main-41', '1.36.1']),
    rule: pick(['tag: ^1; type: semver', 'type: semver; tag: ~1.2', 'tag: >=1.0, <2; type: semver', 'tag: main-\\d+; type: regex', 'tag: 1.2.3; type: exact', 'tag: latest|stable; type: regex', 'tag: 1.10|true|1e3|017|yes|null; type: regex']),
    part: pick(['', '', '', 'tag', 'tag+digest']),
    gapAfter: pick(['', '', ';']),
  })
  .map(({ repo, tag, rule, part, gapAfter }) => ({
    value: part === '' ? `${repo}:${tag}` : tag,
    marker: `# kobold: ${rule}${part === '' ? '' : `; part: ${part}; context: ${repo}`}${gapAfter}`,
  }));

const markedField: fc.Arbitrary<{ value: string; marker: string }> = fc.oneof({ arbitrary: anyMarkedField, weight: 2 }, { arbitrary: likelyMarkedField, weight: 3 });

const plainComment: fc.Arbitrary<string> = pick(PLAIN_COMMENTS);

/** A comment for any line: a marker or not. */
const anyComment: fc.Arbitrary<string> = fc.oneof(plainComment, markedField.map((f) => f.marker));

const trailing = (text: fc.Arbitrary<string>): fc.Arbitrary<Trailing> => fc.record({ gap, text });

const optionalTrailing: fc.Arbitrary<Trailing | null> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 10 },
  { arbitrary: trailing(anyComment), weight: 2 },
  // Trailing blanks without a comment.
  fc.record({ gap: pick([' ', '  ', '\t']), text: fc.constant('') }),
);

const preLine: fc.Arbitrary<PreLine> = fc.oneof(
  fc.constant<PreLine>({ kind: 'blank' }),
  fc.record({ kind: fc.constant<'comment'>('comment'), shift: pick([0, 0, 0, 2, -2, 5]), tab: sometimes(10), text: anyComment }),
);

const preLines: fc.Arbitrary<PreLine[]> = fc.oneof({ arbitrary: fc.constant([] as PreLine[]), weight: 5 }, fc.array(preLine, { minLength: 1, maxLength: 2 }));

const mkScalar = (value: string, style: ScalarStyle = 'plain', comment: Trailing | null = null): GScalar => ({ t: 'scalar', style, value, lines: [], chomp: '', anchor: false, tag: false, comment });
const mkEntry = (key: string, value: GNode, pre: PreLine[] = []): GEntry => ({ key, value, pre, seqAtKeyColumn: false, keyGap: '' });
const mkMap = (entries: GEntry[], layout: Layout = 'block'): GMap => ({ t: 'map', layout, entries, anchor: false, comment: null, step: 2, compact: true });

/** The `kobold/markers` annotation: rules on paths that some generated documents have. */
const markersAnnotation: fc.Arbitrary<GScalar> = fc
  .array(fc.tuple(pick(ANNOTATION_PATHS), markedField), { minLength: 1, maxLength: 3 })
  .map((rules) => ({ ...mkScalar(''), style: 'literal', lines: rules.map(([path, field]) => `${path}:${field.marker.slice('# kobold:'.length)}`) }));

/** The arbitraries of one profile. */
export interface Arbitraries {
  scalar: fc.Arbitrary<GScalar>;
  node: (depth: number) => fc.Arbitrary<GNode>;
  map: (depth: number, minLength?: number) => fc.Arbitrary<GMap>;
  seq: (depth: number) => fc.Arbitrary<GSeq>;
  resource: (depth: number) => fc.Arbitrary<GMap>;
  doc: (depth: number) => fc.Arbitrary<GDoc>;
  stream: (depth: number, maxDocs?: number) => fc.Arbitrary<GStream>;
}

/**
 * The generators, for any YAML (`simple` false) or for mostly the block YAML that kpt writes and
 * the fast reader takes (`simple` true: no anchors, aliases, tags, folded or multi-line scalars,
 * multi-line flow collections, quoted keys or document markers beyond `---`). With `embedding`,
 * literal block scalars may hold a document of their own, generated the same way (SPEC 10).
 */
function makeArbitraries(simple: boolean, embedding: boolean): Arbitraries {
  const scalarBase = {
    lines: fc.constant([] as string[]),
    chomp: fc.constant<'' | '-' | '+'>(''),
    anchor: simple ? never : sometimes(8),
    tag: simple ? never : sometimes(20),
  };

  /** A marked scalar: an image-ish value with a marker, in a style that can hold it. */
  const markedScalar: fc.Arbitrary<GScalar> = fc
    .record({
      field: markedField,
      style: fc.oneof({ arbitrary: fc.constant<ScalarStyle>('plain'), weight: 6 }, pick<ScalarStyle>(['single', 'double'])),
      gap,
      anchor: scalarBase.anchor,
      tag: scalarBase.tag,
    })
    .map(({ field, style, gap, anchor, tag }) => ({ t: 'scalar', style, value: field.value, lines: [], chomp: '', anchor, tag, comment: { gap, text: field.marker } }));

  const styled = (style: fc.Arbitrary<ScalarStyle>, value: fc.Arbitrary<string>, extra: Partial<Record<keyof GScalar, fc.Arbitrary<unknown>>> = {}): fc.Arbitrary<GScalar> =>
    fc.record({ t: fc.constant<'scalar'>('scalar'), style, value, ...scalarBase, comment: optionalTrailing, ...extra }) as fc.Arbitrary<GScalar>;

  const unmarkedChoices: Array<fc.WeightedArbitrary<GScalar>> = [
    { arbitrary: styled(fc.constant('plain'), pick(PLAIN_VALUES)), weight: 5 },
    { arbitrary: styled(pick<ScalarStyle>(['single', 'double']), pick(QUOTED_VALUES)), weight: 3 },
    { arbitrary: styled(fc.constant('raw-double'), pick(RAW_DOUBLE)), weight: 1 },
    { arbitrary: styled(fc.constant('empty'), fc.constant(''), { tag: never }), weight: 1 },
    {
      arbitrary: styled(fc.constant('literal'), fc.constant(''), { lines: fc.array(pick(LITERAL_LINES), { minLength: 1, maxLength: 4 }), chomp: pick<'' | '-' | '+'>(['', '-', '+']) }),
      weight: simple ? 2 : 1,
    },
  ];
  if (embedding) unmarkedChoices.push({ arbitrary: embeddedScalar(makeArbitraries(simple, false)), weight: 8 });
  if (!simple) {
    unmarkedChoices.push(
      { arbitrary: styled(fc.constant('folded'), fc.constant(''), { lines: fc.array(pick(FOLDED_LINES), { minLength: 1, maxLength: 4 }), chomp: pick<'' | '-' | '+'>(['', '-', '+']) }), weight: 1 },
      { arbitrary: styled(fc.constant('multi-plain'), fc.constant(''), { lines: fc.array(pick(PLAIN_LINES), { minLength: 2, maxLength: 3 }) }), weight: 1 },
      { arbitrary: styled(fc.constant('multi-double'), fc.constant(''), { lines: fc.array(pick(QUOTED_LINES), { minLength: 2, maxLength: 3 }) }), weight: 1 },
    );
  }
  const unmarkedScalar = fc.oneof(...unmarkedChoices);
  const scalar: fc.Arbitrary<GScalar> = fc.oneof({ arbitrary: markedScalar, weight: 4 }, { arbitrary: unmarkedScalar, weight: 5 });

  const alias: fc.Arbitrary<GAlias> = fc.record({ t: fc.constant<'alias'>('alias'), pick: fc.nat(20), comment: optionalTrailing });

  const layout: fc.Arbitrary<Layout> = simple
    ? fc.oneof({ arbitrary: fc.constant<Layout>('block'), weight: 6 }, fc.constant<Layout>('flow1'))
    : fc.oneof({ arbitrary: fc.constant<Layout>('block'), weight: 6 }, fc.constant<Layout>('flow1'), fc.constant<Layout>('flowN'));

  const keyArb = simple ? pick(KEYS) : fc.oneof({ arbitrary: pick(KEYS), weight: 6 }, pick(QUOTED_KEYS));

  const collectionBase = {
    layout,
    anchor: simple ? never : sometimes(8),
    comment: optionalTrailing,
    step: pick([2, 2, 2, 4, 1]),
    compact: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, fc.constant(false)),
  };

  const nodeCache = new Map<number, fc.Arbitrary<GNode>>();

  /** A node with at most `depth` levels of collections below it. */
  function node(depth: number): fc.Arbitrary<GNode> {
    const cached = nodeCache.get(depth);
    if (cached) return cached;
    const leaves: Array<fc.WeightedArbitrary<GNode>> = [{ arbitrary: scalar, weight: 8 }];
    if (!simple) leaves.push({ arbitrary: alias, weight: 1 });
    const arb: fc.Arbitrary<GNode> = depth <= 0 ? fc.oneof(...leaves) : fc.oneof(...leaves, { arbitrary: map(depth - 1), weight: 3 }, { arbitrary: seq(depth - 1), weight: 2 });
    nodeCache.set(depth, arb);
    return arb;
  }

  function map(depth: number, minLength = 1): fc.Arbitrary<GMap> {
    const entries = fc.uniqueArray(fc.record({ key: keyArb, value: node(depth), pre: preLines, seqAtKeyColumn: fc.boolean(), keyGap: fc.oneof({ arbitrary: fc.constant(''), weight: 12 }, fc.constant(' ')) }), { minLength, maxLength: 4, selector: (entry) => keyValue(entry.key) });
    return fc.record({ t: fc.constant<'map'>('map'), entries, ...collectionBase });
  }

  function seq(depth: number): fc.Arbitrary<GSeq> {
    return fc.record({ t: fc.constant<'seq'>('seq'), items: fc.array(fc.record({ value: node(depth), pre: preLines }), { minLength: 1, maxLength: 4 }), ...collectionBase });
  }

  /** A Kubernetes-like resource: apiVersion, kind, metadata (name, namespace, annotations), then random entries. */
  function resource(depth: number): fc.Arbitrary<GMap> {
    return fc
      .record({
        apiVersion: pick(['v1', 'apps/v1', 'helm.toolkit.fluxcd.io/v2']),
        kind: pick(['Pod', 'Deployment', 'HelmRelease', 'ConfigMap']),
        name: pick(['app', 'web', 'naïve-app', '"quoted"']),
        namespace: fc.option(pick(['prod', 'dev']), { freq: 2 }),
        annotations: fc.option(markersAnnotation, { freq: 4 }),
        metadataLayout: simple ? fc.constant<Layout>('block') : fc.oneof({ arbitrary: fc.constant<Layout>('block'), weight: 4 }, pick<Layout>(['flow1', 'flowN'])),
        rest: map(depth, 0),
        lead: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, fc.constant(false)),
      })
      .map(({ apiVersion, kind, name, namespace, annotations, metadataLayout, rest, lead }) => {
        const metadata: GEntry[] = [mkEntry('name', name.startsWith('"') ? mkScalar(JSON.parse(name) as string, 'double') : mkScalar(name))];
        if (namespace !== null) metadata.push(mkEntry('namespace', mkScalar(namespace)));
        if (annotations !== null) metadata.push(mkEntry('annotations', mkMap([mkEntry('kobold/markers', annotations)], metadataLayout)));
        const header = [mkEntry('apiVersion', mkScalar(apiVersion)), mkEntry('kind', mkScalar(kind)), mkEntry('metadata', mkMap(metadata, metadataLayout))];
        const taken = new Set(header.map((entry) => entry.key));
        const others = rest.entries.filter((entry) => !taken.has(keyValue(entry.key)));
        return { ...rest, layout: rest.layout === 'flow1' && annotations !== null ? 'flowN' : rest.layout, anchor: false, entries: lead ? [...header, ...others] : [...others, ...header] };
      });
  }

  /** A document: mostly a resource or a mapping, sometimes a sequence, a flow collection or a scalar. */
  function doc(depth: number): fc.Arbitrary<GDoc> {
    return fc.record({
      root: fc.oneof(
        { arbitrary: resource(depth), weight: 5 },
        { arbitrary: map(depth), weight: 3 },
        { arbitrary: seq(depth), weight: 1 },
        ...(simple ? [] : [{ arbitrary: scalar as fc.Arbitrary<GNode>, weight: 1 }]),
      ),
      lead: preLines,
      start: simple ? fc.oneof({ arbitrary: fc.constant<GDoc['start']>(''), weight: 2 }, fc.constant<GDoc['start']>('---')) : fc.oneof({ arbitrary: fc.constant<GDoc['start']>(''), weight: 2 }, fc.constant<GDoc['start']>('---'), fc.constant<GDoc['start']>('--- # start')),
      end: simple ? fc.constant<GDoc['end']>('') : fc.oneof({ arbitrary: fc.constant<GDoc['end']>(''), weight: 4 }, fc.constant<GDoc['end']>('...')),
      directive: simple ? never : sometimes(15),
    });
  }

  function stream(depth: number, maxDocs = 3): fc.Arbitrary<GStream> {
    return fc.record({
      docs: fc.array(doc(depth), { minLength: 1, maxLength: maxDocs }),
      crlf: sometimes(3),
      bom: sometimes(12),
      leadingEnd: simple ? never : sometimes(30),
      finalNewline: fc.oneof({ arbitrary: fc.constant(true), weight: 5 }, fc.constant(false)),
    });
  }

  return { scalar, node, map, seq, resource, doc, stream };
}

/**
 * A literal block scalar holding a mapping or sequence of `inner` (markers and all), rendered on its
 * own and indented by 0 to 3 more spaces than the block's content (then the header has an
 * indentation indicator), with any chomping and up to two blank lines after it.
 */
function embeddedScalar(inner: Arbitraries): fc.Arbitrary<GScalar> {
  return fc
    .record({
      root: fc.oneof({ arbitrary: inner.map(1), weight: 3 }, inner.seq(1)),
      extra: fc.nat(3),
      blankAfter: fc.nat(2),
      chomp: pick<'' | '-' | '+'>(['', '-', '+']),
      comment: optionalTrailing,
    })
    .map(({ root, extra, blankAfter, chomp, comment }) => {
      const lines = new Renderer('\n', 'e').root(root).split('\n').slice(0, -1);
      const indented = lines.map((line) => (line === '' ? '' : `${sp(extra)}${line}`));
      return { ...mkScalar('', 'literal', comment), chomp, lines: [...indented, ...Array<string>(blankAfter).fill('')] };
    });
}

/** Any YAML the generators know. */
export const FULL = makeArbitraries(false, true);
/** Mostly what the fast reader takes. */
export const SIMPLE = makeArbitraries(true, true);

/** Tags of incoming references: mostly versions and the tags the patterns name. */
const REF_TAGS = fc.oneof({ arbitrary: pick(['1.2.3', 'v1.2.4', '1.3.0', '1.36.1', '2.0.0', 'main-42', 'latest', '1.0.0', '1.10', 'true', 'null']), weight: 3 }, pick(TAGS));

/** One incoming reference to one of `repos`, with or without a digest. */
const refTo = (repos: readonly string[]): fc.Arbitrary<string> =>
  fc.tuple(pick(repos), REF_TAGS, fc.option(pick(DIGESTS), { freq: 3 })).map(([repo, tag, digest]) => (digest ? `${repo}:${tag}@${digest}` : `${repo}:${tag}`));

const otherRef = pick(['other.io/nothing/here:1.2.3', 'docker.io/acme/other:1.2.3']);
const invalidRef = pick(['not a ref', 'docker.io/acme/app', 'docker.io/acme/app:1.0@sha256:bad', '', 'UPPER/Case:1', ':1.0']);

/** Incoming references: matching the marked repositories, not matching, and invalid. */
export const refs: fc.Arbitrary<string[]> = fc.array(fc.oneof({ arbitrary: refTo(REPOS), weight: 8 }, otherRef, invalidRef), { minLength: 0, maxLength: 4 });

/**
 * Incoming references for a text: mostly to repositories written in it (so that many marked
 * fields match), some to others, some invalid.
 */
export function refsFor(text: string): fc.Arbitrary<string[]> {
  const present = REPOS.filter((repo) => text.includes(repo));
  if (present.length === 0) return refs;
  return fc.array(fc.oneof({ arbitrary: refTo(present), weight: 8 }, { arbitrary: refTo(REPOS), weight: 2 }, otherRef, invalidRef), { minLength: 0, maxLength: 6 });
}

/** References that match no marked field: other repositories, and invalid ones. */
export const nonMatchingRefs: fc.Arbitrary<string[]> = fc.array(pick(['other.io/nothing/here:1.2.3', 'docker.io/acme/other:1.2.3', 'ghcr.io/org/app:2.0.0', 'not a ref', 'docker.io/acme/app']), { maxLength: 3 });

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

const sp = (n: number): string => ' '.repeat(Math.max(0, n));

const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;

/** Whether a value can be written plain (in flow collections, without flow indicators). */
function plainOk(value: string, inFlow: boolean): boolean {
  if (value === '' || value.trim() !== value || /[\n\t]/.test(value) || INDICATOR_START.test(value)) return false;
  if (value.includes(': ') || value.includes(' #') || value.endsWith(':')) return false;
  return !inFlow || !/[,[\]{}]/.test(value);
}

/** Renders the model to YAML text. Anchors are named `<prefix><n>`; aliases name an anchor written before them. */
export class Renderer {
  private readonly anchors: string[] = [];
  private anchorCount = 0;

  constructor(
    readonly eol: string,
    private readonly prefix = 'a',
  ) {}

  private anchorName(): string {
    return `${this.prefix}${++this.anchorCount}`;
  }

  /** Properties (`!!str`, `&a`) of a node, with the anchor it declares (registered after the node). */
  private props(node: GScalar | GMap | GSeq): { text: string; anchor: string | null } {
    const parts: string[] = [];
    if (node.t === 'scalar' && node.tag) parts.push('!!str');
    const anchor = node.anchor ? this.anchorName() : null;
    if (anchor) parts.push(`&${anchor}`);
    return { text: parts.join(' '), anchor };
  }

  private aliasName(node: GAlias): string | null {
    return this.anchors.length === 0 ? null : this.anchors[node.pick % this.anchors.length];
  }

  private trailing(comment: Trailing | null): string {
    return comment === null ? '' : `${comment.gap}${comment.text}`;
  }

  preLines(pre: readonly PreLine[], indent: number): string {
    return pre.map((line) => (line.kind === 'blank' ? this.eol : `${line.tab ? '\t' : sp(indent + line.shift)}${line.text}${this.eol}`)).join('');
  }

  private inlineScalarText(node: GScalar, inFlow: boolean): string {
    switch (node.style) {
      case 'plain':
        return plainOk(node.value, inFlow) ? node.value : JSON.stringify(node.value);
      case 'single':
        return /\n/.test(node.value) ? JSON.stringify(node.value) : `'${node.value.replace(/'/g, "''")}'`;
      case 'double':
        return JSON.stringify(node.value);
      case 'raw-double':
        return node.value;
      default:
        return JSON.stringify(node.lines.join(' '));
    }
  }

  /** A block scalar's header and content lines, content at `contentIndent`. */
  private blockScalar(node: GScalar, props: string, contentIndent: number, parentIndent: number): string {
    const firstContent = node.lines.find((line) => line !== '');
    const indicator = firstContent?.startsWith(' ') ? String(contentIndent - Math.max(parentIndent, 0)) : '';
    let text = `${props ? `${props} ` : ''}${node.style === 'literal' ? '|' : '>'}${node.chomp}${indicator}${this.trailing(node.comment)}${this.eol}`;
    for (const line of node.lines) text += line === '' ? this.eol : `${sp(contentIndent)}${line}${this.eol}`;
    return text;
  }

  /** Everything after `key:` or `-` of a block collection's entry, through the line break at its end. `indent` is the entry's column. */
  private afterIndicator(value: GNode, indent: number, inSeq: boolean, seqAtKeyColumn: boolean, step: number): string {
    const eol = this.eol;
    if (value.t === 'alias') {
      const name = this.aliasName(value);
      return ` ${name === null ? 'no-anchor-yet' : `*${name}`}${this.trailing(value.comment)}${eol}`;
    }
    const childIndent = indent + (inSeq ? 2 : step);
    if (value.t === 'scalar') {
      const { text: props, anchor } = this.props(value);
      const p = props ? `${props} ` : '';
      let text: string;
      switch (value.style) {
        case 'empty':
          text = `${props ? ` ${props}` : ''}${this.trailing(value.comment)}${eol}`;
          break;
        case 'multi-plain':
          text = ` ${p}${value.lines.join(`${eol}${sp(childIndent)}`)}${this.trailing(value.comment)}${eol}`;
          break;
        case 'multi-double':
          text = ` ${p}"${value.lines.map((line) => JSON.stringify(line).slice(1, -1)).join(`${eol}${sp(childIndent)}`)}"${this.trailing(value.comment)}${eol}`;
          break;
        case 'literal':
        case 'folded':
          text = ` ${this.blockScalar(value, props, childIndent, indent)}`;
          break;
        default:
          text = ` ${p}${this.inlineScalarText(value, false)}${this.trailing(value.comment)}${eol}`;
      }
      if (anchor) this.anchors.push(anchor);
      return text;
    }
    if (value.layout !== 'block' || (value.t === 'map' ? value.entries.length : value.items.length) === 0) {
      const { text: props, anchor } = this.props(value);
      const text = ` ${props ? `${props} ` : ''}${this.flow(value, indent + 1, value.layout === 'flowN')}${this.trailing(value.comment)}${eol}`;
      if (anchor) this.anchors.push(anchor);
      return text;
    }
    const { text: props, anchor } = this.props(value);
    let text: string;
    if (inSeq && value.compact && !props && value.comment === null) {
      text = ` ${value.t === 'map' ? this.blockMap(value, childIndent, true) : this.blockSeq(value, childIndent, true)}`;
    } else {
      const header = `${props ? ` ${props}` : ''}${this.trailing(value.comment)}${eol}`;
      if (value.t === 'map') text = header + this.blockMap(value, childIndent, false);
      else text = header + this.blockSeq(value, !inSeq && seqAtKeyColumn ? indent : childIndent, false);
    }
    if (anchor) this.anchors.push(anchor);
    return text;
  }

  /** A block mapping at column `indent`; with `inline`, the first key continues the current line. */
  blockMap(node: GMap, indent: number, inline: boolean): string {
    return node.entries
      .map((entry, index) => {
        const start = index === 0 && inline ? '' : `${this.preLines(entry.pre, indent)}${sp(indent)}`;
        return `${start}${entry.key}${entry.keyGap}:${this.afterIndicator(entry.value, indent, false, entry.seqAtKeyColumn, node.step)}`;
      })
      .join('');
  }

  /** A block sequence at column `indent`; with `inline`, the first `-` continues the current line. */
  blockSeq(node: GSeq, indent: number, inline: boolean): string {
    return node.items
      .map((item, index) => {
        const start = index === 0 && inline ? '' : `${this.preLines(item.pre, indent)}${sp(indent)}`;
        return `${start}-${this.afterIndicator(item.value, indent, true, false, node.step)}`;
      })
      .join('');
  }

  /** A node in a flow collection; `indent` is the column of continuation lines. */
  private flowValue(value: GNode, indent: number, multi: boolean, inSeq: boolean): string {
    if (value.t === 'alias') {
      const name = this.aliasName(value);
      return name === null ? 'no-anchor-yet' : `*${name}`;
    }
    const { text: props, anchor } = this.props(value);
    const p = props ? `${props} ` : '';
    let text: string;
    if (value.t === 'scalar') {
      if (value.style === 'empty') text = props ? props : inSeq ? '~' : '';
      else if (value.style === 'multi-double' && multi) text = `${p}"${value.lines.map((line) => JSON.stringify(line).slice(1, -1)).join(`${this.eol}${sp(indent)}`)}"`;
      else if (value.style === 'literal' || value.style === 'folded') text = `${p}${JSON.stringify(value.lines.join('\n'))}`;
      else text = `${p}${this.inlineScalarText(value, true)}`;
    } else {
      text = `${p}${this.flow(value, indent, multi && value.layout !== 'flow1')}`;
    }
    if (anchor) this.anchors.push(anchor);
    return text;
  }

  /** A flow collection; multi-line ones put each entry on its own line, with comments. */
  flow(node: GMap | GSeq, indent: number, multi: boolean): string {
    const [open, close] = node.t === 'map' ? ['{', '}'] : ['[', ']'];
    const children: Array<{ key: string | null; value: GNode; pre: PreLine[] }> =
      node.t === 'map' ? node.entries.map((entry) => ({ key: `${entry.key}${entry.keyGap}`, value: entry.value, pre: entry.pre })) : node.items.map((item) => ({ key: null, value: item.value, pre: item.pre }));
    const render = (child: (typeof children)[number], childIndent: number, childMulti: boolean): string => {
      const value = this.flowValue(child.value, childIndent + 2, childMulti, child.key === null);
      return child.key === null ? value : `${child.key}: ${value}`;
    };
    if (!multi || children.length === 0) return `${open}${children.map((child) => render(child, indent, false)).join(', ')}${close}`;
    const inner = indent + 2;
    let text = `${open}${this.eol}`;
    children.forEach((child, index) => {
      const comment = child.value.comment;
      text += `${this.preLines(child.pre, inner)}${sp(inner)}${render(child, inner, true)}${index < children.length - 1 ? ',' : ''}${this.trailing(comment)}${this.eol}`;
    });
    return `${text}${sp(indent)}${close}`;
  }

  /** A document's root node at column 0, through its last line break. */
  root(node: GNode): string {
    if (node.t === 'alias') return `no-anchor${this.trailing(node.comment)}${this.eol}`;
    if (node.t === 'scalar') return this.afterIndicator(node, 0, false, false, 2).replace(/^ /, '');
    if (node.layout !== 'block' || (node.t === 'map' ? node.entries.length : node.items.length) === 0) {
      const { text: props, anchor } = this.props(node);
      const text = `${props ? `${props} ` : ''}${this.flow(node, 1, node.layout === 'flowN')}${this.trailing(node.comment)}${this.eol}`;
      if (anchor) this.anchors.push(anchor);
      return text;
    }
    const { text: props, anchor } = this.props(node);
    const header = props || node.comment ? `${props}${this.trailing(node.comment)}${this.eol}` : '';
    const body = node.t === 'map' ? this.blockMap(node, 0, false) : this.blockSeq(node, 0, false);
    if (anchor) this.anchors.push(anchor);
    return header + body;
  }

  /** A root node as a flow collection spanning lines, `indent` its continuation column (for JSON-like ResourceLists). */
  flowRoot(node: GMap, indent: number): string {
    return this.flow(node, indent, true);
  }
}

/** The text of a stream. */
export function renderStream(stream: GStream): string {
  const eol = stream.crlf ? '\r\n' : '\n';
  let text = `${stream.bom ? '\uFEFF' : ''}${stream.leadingEnd ? `...${eol}` : ''}`;
  stream.docs.forEach((document, index) => {
    const renderer = new Renderer(eol, `d${index}a`);
    const needsStart = index > 0 || document.directive || document.start !== '';
    if (document.directive) {
      if (index > 0 && stream.docs[index - 1].end === '') text += `...${eol}`;
      text += `%YAML 1.2${eol}`;
    }
    if (index === 0) text += renderer.preLines(document.lead, 0);
    if (needsStart) text += `${document.start || '---'}${eol}`;
    if (index > 0) text += renderer.preLines(document.lead, 0);
    text += renderer.root(document.root);
    if (document.end) text += `...${eol}`;
  });
  if (!stream.finalNewline && text.endsWith(eol)) text = text.slice(0, -eol.length);
  return text;
}

/** A generated value that fast-check prints (in counterexamples) as `show` says: the text, not the model. */
function shownAs<T extends object>(value: T, show: (value: T) => string): T {
  Object.defineProperty(value, fc.toStringMethod, { value: () => show(value), enumerable: false });
  return value;
}

/** Whether the yaml library reads the text without errors. */
export function parsesCleanly(text: string): boolean {
  try {
    return parseAllDocuments(text).every((document) => document.errors.length === 0);
  } catch {
    return false;
  }
}

/** A stream of documents, kept only when it is valid YAML. */
export function validStream(depth = 2, maxDocs = 3, simple = false): fc.Arbitrary<{ model: GStream; text: string }> {
  return (simple ? SIMPLE : FULL)
    .stream(depth, maxDocs)
    .map((model) => shownAs({ model, text: renderStream(model) }, (generated) => `text ${JSON.stringify(generated.text)}`))
    .filter(({ text }) => parsesCleanly(text));
}

// ---------------------------------------------------------------------------------------------
// ResourceLists
// ---------------------------------------------------------------------------------------------

export type ConfigKind = 'List' | 'ImageRefUpdater' | 'ConfigMap';

export interface GResourceList {
  items: GMap[];
  crlf: boolean;
  style: 'block' | 'flow';
  configKind: ConfigKind;
  configFirst: boolean;
  finalNewline: boolean;
  docStart: boolean;
  /** The column of the `- ` of items in block style (kpt writes 0). */
  itemIndent: 0 | 2;
  /** Results of an earlier run, at the end: replaced by the new ones. */
  oldResults: 'none' | 'empty' | 'list';
}

/** Puts `config.kubernetes.io/path: item-N.yaml` into the item's annotations, so results name their item. */
export function withPathAnnotation(item: GMap, index: number): GMap {
  const pathEntry = mkEntry('config.kubernetes.io/path', mkScalar(`item-${index}.yaml`, 'single'));
  const entries = item.entries.map((entry) => {
    if (entry.key !== 'metadata' || entry.value.t !== 'map') return entry;
    const metadata = entry.value;
    const annotations = metadata.entries.find((m) => m.key === 'annotations');
    const metaEntries =
      annotations && annotations.value.t === 'map'
        ? metadata.entries.map((m) => (m === annotations ? { ...m, value: { ...(m.value as GMap), entries: [pathEntry, ...(m.value as GMap).entries] } } : m))
        : [...metadata.entries, mkEntry('annotations', mkMap([pathEntry], metadata.layout === 'flow1' ? 'flow1' : metadata.layout))];
    return { ...entry, value: { ...metadata, entries: metaEntries } };
  });
  return { ...item, entries };
}

export function resourceList(depth: number): fc.Arbitrary<GResourceList> {
  return fc.record({
    items: fc.array(FULL.resource(depth), { minLength: 0, maxLength: 3 }).map((items) => items.map((item) => ({ ...item, layout: 'block' as Layout }))),
    crlf: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, fc.constant(true)),
    style: fc.oneof({ arbitrary: fc.constant<'block'>('block'), weight: 2 }, fc.constant<'flow'>('flow')),
    configKind: pick<ConfigKind>(['List', 'ImageRefUpdater', 'ConfigMap']),
    configFirst: fc.boolean(),
    finalNewline: fc.oneof({ arbitrary: fc.constant(true), weight: 5 }, fc.constant(false)),
    docStart: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, fc.constant(true)),
    itemIndent: fc.oneof({ arbitrary: fc.constant<0 | 2>(0), weight: 3 }, fc.constant<0 | 2>(2)),
    oldResults: fc.oneof({ arbitrary: fc.constant<GResourceList['oldResults']>('none'), weight: 4 }, pick<GResourceList['oldResults']>(['empty', 'list'])),
  });
}

/** The rendered ResourceList, and each item's text on its own, as a document of a stream. */
export interface RenderedList {
  text: string;
  itemDocs: string[];
  eol: string;
}

export function renderResourceList(list: GResourceList, imageRefs: readonly string[]): RenderedList {
  const eol = list.crlf ? '\r\n' : '\n';
  const items = list.items.map(withPathAnnotation);
  if (list.style === 'flow') {
    const itemTexts = items.map((item, index) => new Renderer(eol, `i${index}a`).flowRoot(item, 2));
    const config =
      list.configKind === 'ConfigMap'
        ? `{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "fn"}, "data": {"images": ${JSON.stringify(imageRefs.join(', '))}}}`
        : `{"apiVersion": "kobold/v1alpha3", "kind": "${list.configKind}", "items": ${JSON.stringify(imageRefs)}}`;
    const itemsText = itemTexts.length === 0 ? '[]' : `[${eol}${itemTexts.map((item) => `  ${item}`).join(`,${eol}`)}${eol}]`;
    const parts = [`"apiVersion": "config.kubernetes.io/v1"`, `"kind": "ResourceList"`];
    const configPart = `"functionConfig": ${config}`;
    const itemsPart = `"items": ${itemsText}`;
    parts.push(...(list.configFirst ? [configPart, itemsPart] : [itemsPart, configPart]));
    if (list.oldResults !== 'none') parts.push(`"results": ${list.oldResults === 'empty' ? '[]' : '[{"message": "old", "severity": "info"}]'}`);
    let text = `${list.docStart ? `---${eol}` : ''}{${parts.join(`,${eol}`)}}${eol}`;
    if (!list.finalNewline) text = text.slice(0, -eol.length);
    return { text, itemDocs: itemTexts.map((item) => `${item}${eol}`), eol };
  }
  const itemDocs = items.map((item, index) => new Renderer(eol, `i${index}a`).root(item));
  const itemsText =
    items.length === 0
      ? `items: []${eol}`
      : `items:${eol}${itemDocs
          .map((docText) =>
            docText
              .slice(0, -eol.length)
              .split(eol)
              .map((line, index) => (index === 0 ? `${sp(list.itemIndent)}- ${line}` : line === '' ? '' : `${sp(list.itemIndent + 2)}${line}`))
              .join(eol),
          )
          .join(eol)}${eol}`;
  const quoted = imageRefs.map((ref) => `  - ${JSON.stringify(ref)}${eol}`).join('');
  const config =
    list.configKind === 'ConfigMap'
      ? `functionConfig:${eol}  apiVersion: v1${eol}  kind: ConfigMap${eol}  metadata:${eol}    name: fn${eol}  data:${eol}    images: ${JSON.stringify(imageRefs.join(', '))}${eol}`
      : `functionConfig:${eol}  apiVersion: kobold/v1alpha3${eol}  kind: ${list.configKind}${eol}  items:${imageRefs.length === 0 ? ` []${eol}` : `${eol}${quoted}`}`;
  const oldResults = list.oldResults === 'none' ? '' : list.oldResults === 'empty' ? `results: []${eol}` : `results:${eol}- message: old${eol}  severity: info${eol}`;
  let text = `${list.docStart ? `---${eol}` : ''}${RESOURCE_LIST_HEADER.replace(/\n/g, eol)}${list.configFirst ? config + itemsText : itemsText + config}${oldResults}`;
  if (!list.finalNewline) text = text.slice(0, -eol.length);
  return { text, itemDocs, eol };
}

/** A ResourceList with its references (by default to repositories its items name), kept only when it is valid YAML. */
export function validResourceList(depth = 2, refArb?: fc.Arbitrary<string[]>): fc.Arbitrary<{ model: GResourceList; refs: string[]; rendered: RenderedList }> {
  return resourceList(depth)
    .chain((model) => fc.tuple(fc.constant(model), refArb ?? refsFor(renderResourceList(model, []).text)))
    .map(([model, imageRefs]) => shownAs({ model, refs: imageRefs, rendered: renderResourceList(model, imageRefs) }, (generated) => `ResourceList ${JSON.stringify(generated.rendered.text)}`))
    .filter(({ rendered }) => parsesCleanly(rendered.text) && rendered.itemDocs.every((itemDoc) => parsesCleanly(itemDoc)));
}

/** A valid stream and references to repositories it names. */
export function streamWithRefs(depth = 2, maxDocs = 3, simple = false): fc.Arbitrary<[{ model: GStream; text: string }, string[]]> {
  return validStream(depth, maxDocs, simple).chain((generated) => fc.tuple(fc.constant(generated), refsFor(generated.text)));
}

// ---------------------------------------------------------------------------------------------
// Nothing hangs: deep nesting and alias bombs
// ---------------------------------------------------------------------------------------------

/** A marked value that `NEW` updates. */
export const MARKED = `${OLD} ${MARKER}`;

export interface Generated {
  text: string;
  eol: string;
  markers: number;
}

export interface NestingSpec {
  blockDepth: number;
  flowDepth: number;
  pattern: number;
  markInside: boolean;
  crlf: boolean;
}

/** A document nested `blockDepth` block collections and `flowDepth` flow collections deep (kinds from the bits of `pattern`). */
export function nestedDocument({ blockDepth, flowDepth, pattern, markInside, crlf }: NestingSpec): Generated {
  const kinds = (depth: number, shift: number): number[] => Array.from({ length: depth }, (_, i) => (pattern >> ((i + shift) % 31)) & 1);
  const lines = ['nested:'];
  let column = 1;
  kinds(blockDepth, 0).forEach((map, index) => {
    lines.push(map ? `${sp(column)}k${index}:` : `${sp(column)}-`);
    column += map ? 1 : 2;
  });
  lines.push(`${sp(column)}${markInside ? `image: ${MARKED}` : 'leaf: x'}`);
  const flow = kinds(flowDepth, 7);
  lines.push(`flow: ${flow.map((seq) => (seq ? '[' : '{a: ')).join('')}x${[...flow].reverse().map((seq) => (seq ? ']' : '}')).join('')}`);
  lines.push(`image: ${MARKED}`);
  const eol = crlf ? '\r\n' : '\n';
  return { text: `${lines.join(eol)}${eol}`, eol, markers: markInside ? 2 : 1 };
}

/** Depths mostly small, sometimes in the thousands (where the composer runs out of stack). */
const depth = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 4000 }));
export const nestingSpecs: fc.Arbitrary<NestingSpec> = fc.record({ blockDepth: depth, flowDepth: depth, pattern: fc.nat(), markInside: fc.boolean(), crlf: fc.boolean() });

export interface BombSpec {
  levels: number;
  fanout: number;
  block: boolean;
  markAlias: boolean;
  crlf: boolean;
}

/** `levels` anchors, each a sequence of `fanout` aliases of the one before: an alias bomb, with a marked anchor at its root. */
export function bombDocument({ levels, fanout, block, markAlias, crlf }: BombSpec): Generated {
  const eol = crlf ? '\r\n' : '\n';
  const lines = [`a0: &a0 ${MARKED}`];
  for (let level = 1; level <= levels; level++) {
    const alias = `*a${level - 1}`;
    if (block) {
      lines.push(`a${level}: &a${level}`);
      for (let i = 0; i < fanout; i++) lines.push(`  - ${alias}${markAlias && i === 0 ? ` ${MARKER}` : ''}`);
    } else {
      lines.push(`a${level}: &a${level} [${Array(fanout).fill(alias).join(', ')}]`);
    }
  }
  lines.push(`last: *a${levels}`);
  return { text: `${lines.join(eol)}${eol}`, eol, markers: 1 };
}

export const bombSpecs: fc.Arbitrary<BombSpec> = fc.record({ levels: fc.integer({ min: 1, max: 40 }), fanout: fc.integer({ min: 2, max: 10 }), block: fc.boolean(), markAlias: fc.boolean(), crlf: fc.boolean() });

/** A document as the one item of a block ResourceList whose functionConfig names `NEW`. */
export function asResourceList(document: string, eol: string): string {
  const item = document
    .slice(0, -eol.length)
    .split(eol)
    .map((line, index) => (index === 0 ? `- ${line}` : `  ${line}`))
    .join(eol);
  return [...RESOURCE_LIST_HEADER.trimEnd().split('\n'), 'items:', item, 'functionConfig:', '  apiVersion: kobold/v1alpha3', '  kind: List', '  items:', `  - ${NEW}`, ''].join(eol);
}

