import { isRecord, jsonFormat, withDigest } from '../format';

interface GitHubPackage {
  name: string;
  /** The account the package belongs to; without it, the owner's login. */
  namespace?: string;
  owner?: { login: string };
  package_type?: string;
  ecosystem?: string;
  package_version: { container_metadata: { tag: { name: string; digest?: string } } };
}

interface GitHubPayload {
  action: string;
  package?: GitHubPackage;
  registry_package?: GitHubPackage;
}

/** The actions that announce a new package version. */
const PUBLISHING_ACTIONS: ReadonlySet<string> = new Set(['published', 'updated']);

function isContainerPackage(pkg: unknown): boolean {
  return isRecord(pkg) && [pkg.package_type, pkg.ecosystem].some((type) => typeof type === 'string' && type.toUpperCase() === 'CONTAINER');
}

/** GitHub's `package` and `registry_package` webhook events, for container packages on ghcr.io. */
export const github = jsonFormat<GitHubPayload>({
  name: 'github',
  recognises: (payload) => isRecord(payload) && (isContainerPackage(payload.package) || isContainerPackage(payload.registry_package)),
  read(payload) {
    const pkg = (payload.package ?? payload.registry_package)!;
    if (!PUBLISHING_ACTIONS.has(payload.action) || !isContainerPackage(pkg)) return { pushes: [], warnings: [] };
    const { name, digest } = pkg.package_version.container_metadata.tag;
    if (name === '') return { pushes: [], warnings: [] };
    const namespace = (pkg.namespace ?? pkg.owner!.login).toLowerCase();
    const reference = withDigest(`ghcr.io/${namespace}/${pkg.name.toLowerCase()}:${name}`, digest);
    return { pushes: [{ reference, index: false }], warnings: [] };
  },
});
