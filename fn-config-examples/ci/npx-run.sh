#!/usr/bin/env bash
# Updates the manifests in place with the npm package (Node.js 20 or later; no Docker, no kpt),
# from the functionConfig FN_CONFIG:
#
#   ./npx-run.sh                    # fn-config.yaml on the directory manifests/
#   FN_CONFIG=refs.yaml ./npx-run.sh deploy/ base/app.yaml
#
# --write walks each directory for *.yaml and *.yml files (honouring .krmignore), reads and decides
# every file before it writes any, and rewrites only the changed values: the files keep every
# comment and space. Any error (a broken functionConfig, a malformed file) writes nothing and exits 1.
# With kobold-image-ref-updater in the repository's devDependencies, `npx image-ref-updater` is
# enough; otherwise npx fetches the pinned package.
set -euo pipefail
FN_CONFIG=${FN_CONFIG:-fn-config.yaml}
if [ "$#" -eq 0 ]; then
  set -- manifests
fi
npx --yes --package=kobold-image-ref-updater@0.1.0 image-ref-updater "$FN_CONFIG" --write "$@"
