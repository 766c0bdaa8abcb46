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
export const RESOURCE_LIST = `apiVersion: config.kubernetes.io/v1
kind: ResourceList
items:
${DEPLOYMENT.trimEnd().split('\n').map((line, index) => (index === 0 ? '- ' : '  ') + line).join('\n')}
functionConfig:
${FN_CONFIG.trimEnd().split('\n').map((line) => `  ${line}`).join('\n')}
`;
/** The ResourceList's items and functionConfig as the function gives them back, before its results. */
export const UPDATED_RESOURCE_LIST = RESOURCE_LIST.replace('app:v1.0.0 ', 'app:v1.2.3 ');
