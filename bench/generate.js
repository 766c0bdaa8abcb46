'use strict';
// Generates the bench inputs: kpt-style ResourceLists of N Deployments (two containers each).
//
//   node bench/generate.js dense|sparse COUNT > input.yaml
//
// dense:  every container image carries a `# kobold:` marker that the functionConfig updates.
// sparse: one Deployment in ten (index % 10 === 0) is marked; the others have ordinary comments
//         (`# pinned by ops`) and no "kobold" text anywhere.
// sparse-str: sparse with a `!!str` tag on every `name:` value (the fast reader takes it).
// sparse-anchor: sparse with an anchor on every `name:` value, which the fast reader has the yaml
//         library's composer read: the composer path, for the entries with an anchor.
// The items look like what `kpt fn eval` sends (see ../shared/clients/kpt-*-fn-eval-input.yaml):
// compact sequence indentation, kpt's config.kubernetes.io/* and internal.config.kubernetes.io/*
// annotations, ten Deployments per file path.

const FUNCTION_CONFIG_REFS = ['docker.io/foo/app:1.2.3', 'docker.io/foo/sidecar:2.0.1', 'docker.io/foo/unrelated:3.0.0'];

/** The image lines of one container: [old line, expected new line] (the new one equals the old when unmarked). */
function imageLines(marked, index) {
  const app = marked
    ? 'image: docker.io/foo/app:1.0.0 # kobold: tag: ^1; type: semver'
    : 'image: docker.io/foo/app:1.0.0 # pinned by ops until 2025-01';
  const sidecar = marked
    ? 'image: docker.io/foo/sidecar:2.0.0 # kobold: tag: ^2; type: semver'
    : `image: docker.io/foo/sidecar:2.0.0 # pinned by ops, ticket OPS-${1000 + (index % 9000)}`;
  return { app, sidecar };
}

function pad(n) {
  return String(n).padStart(5, '0');
}

/** What `name:` values start with in each shape. */
const NAME_PROPERTIES = { dense: '', sparse: '', 'sparse-str': '!!str ', 'sparse-anchor': '&name ' };

function deployment(index, marked, shape) {
  const tag = NAME_PROPERTIES[shape];
  const name = `svc-${pad(index)}`;
  const file = `apps/g-${pad(Math.floor(index / 10))}.yaml`;
  const fileIndex = index % 10;
  const { app, sidecar } = imageLines(marked, index);
  return `- apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: ${tag}${name}
    namespace: team-${String(index % 40).padStart(2, '0')}
    annotations:
      config.kubernetes.io/index: '${fileIndex}'
      config.kubernetes.io/path: '${file}'
      internal.config.kubernetes.io/index: '${fileIndex}'
      internal.config.kubernetes.io/path: '${file}'
      internal.config.kubernetes.io/seqindent: 'compact'
      internal.config.kubernetes.io/id: '${index + 1}'
      config.k8s.io/id: '${index + 1}'
  spec:
    selector:
      matchLabels:
        app: ${name}
    template:
      metadata:
        labels:
          app: ${name}
      spec:
        containers:
        - name: ${tag}app
          ${app}
        - name: ${tag}sidecar
          ${sidecar}
          args: ["--listen=:9090"]
`;
}

/** The shapes of input, by name. */
const SHAPES = Object.keys(NAME_PROPERTIES);

function isMarked(shape, index) {
  if (shape === 'dense') return true;
  if (SHAPES.includes(shape)) return index % 10 === 0;
  throw new Error(`unknown shape ${shape}: expected ${SHAPES.join(', ')}`);
}

/**
 * The ResourceList text, and what a correct run must do to it: `expectedChanges` image lines
 * change (each marked container gets the functionConfig's ref for its repository).
 */
function generate(shape, count) {
  const parts = ['apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n'];
  let itemBytes = 0;
  let marked = 0;
  for (let i = 0; i < count; i++) {
    const m = isMarked(shape, i);
    if (m) marked++;
    const text = deployment(i, m, shape);
    itemBytes += Buffer.byteLength(text);
    parts.push(text);
  }
  parts.push(`functionConfig:
  apiVersion: kobold/v1alpha3
  kind: List
  metadata:
    name: image-refs
    annotations:
      config.kubernetes.io/index: '0'
      internal.config.kubernetes.io/index: '0'
      internal.config.kubernetes.io/seqindent: 'compact'
  items:
${FUNCTION_CONFIG_REFS.map((ref) => `  - ${ref}\n`).join('')}`);
  const text = parts.join('');
  return {
    text,
    count,
    shape,
    markedDeployments: marked,
    expectedChanges: marked * 2,
    bytesPerDeployment: count === 0 ? 0 : itemBytes / count,
  };
}

/**
 * One Deployment as a file of a checkout: a YAML document, without the annotations kpt adds to the
 * items it sends.
 */
function deploymentDocument(index, marked) {
  return deployment(index, marked)
    .replace(/^- /, '')
    .replace(/^ {2}/gm, '')
    .replace(/\n {2}annotations:\n(?: {4}.*\n)*/, '\n');
}

/** The image lines a correct run writes, for the sanity check. */
const EXPECTED_NEW_LINES = [
  'image: docker.io/foo/app:1.2.3 # kobold: tag: ^1; type: semver',
  'image: docker.io/foo/sidecar:2.0.1 # kobold: tag: ^2; type: semver',
];

module.exports = { generate, deploymentDocument, SHAPES, FUNCTION_CONFIG_REFS, EXPECTED_NEW_LINES };

if (require.main === module) {
  const [shape = 'dense', count = '1'] = process.argv.slice(2);
  const result = generate(shape, Number(count));
  process.stdout.write(result.text);
  process.stderr.write(`${shape} ${count}: ${result.text.length} bytes, ${result.bytesPerDeployment.toFixed(1)} bytes per Deployment, ${result.expectedChanges} image lines to change\n`);
}
