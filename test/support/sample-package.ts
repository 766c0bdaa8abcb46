import { RESOURCE_LIST_HEADER } from './samples';

/** A marked Deployment, the functionConfig that updates it, and both as a ResourceList: what the packaging tests run the function on. */
export const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app # a comment that must survive
spec:
  template:
    spec:
      containers:
      - name: app
        image: my.org/amazing/app:v1.0.0   # kobold: tag: ^1; type: semver
`;
export const UPDATED = DEPLOYMENT.replace('app:v1.0.0 ', 'app:v1.2.3 ');
export const FN_CONFIG = 'apiVersion: kobold/v1alpha3\nkind: List\nmetadata:\n  name: image-refs\nitems:\n- my.org/amazing/app:v1.2.3\n';

/** YAML text nested one level: the first line after `first`, the others indented by two spaces. */
function nest(text: string, first: string): string {
  return text.trimEnd().split('\n').map((line, index) => (index === 0 ? first : '  ') + line).join('\n') + '\n';
}

/** A ResourceList of one item and a functionConfig. */
export function resourceListOf(item: string, fnConfig: string): string {
  return `${RESOURCE_LIST_HEADER}items:\n${nest(item, '- ')}functionConfig:\n${nest(fnConfig, '  ')}`;
}

export const RESOURCE_LIST = resourceListOf(DEPLOYMENT, FN_CONFIG);
/** The ResourceList's items and functionConfig as the function gives them back, before its results. */
export const UPDATED_RESOURCE_LIST = RESOURCE_LIST.replace('app:v1.0.0 ', 'app:v1.2.3 ');
