#!/usr/bin/env bash
# Updates the manifests in place with the npm package (Node.js 20 or later; no Docker, no kpt),
# from the functionConfig FN_CONFIG:
#
#   ./npx-run.sh                    # fn-config.yaml, manifests/*.yaml
#   FN_CONFIG=refs.yaml ./npx-run.sh deploy/*.yaml
#
# Standalone mode rewrites only the changed values, so the files keep every comment and space.
# With kobold-image-ref-updater in the repository's devDependencies, `npx image-ref-updater` is
# enough; otherwise npx fetches the pinned package.
set -euo pipefail
FN_CONFIG=${FN_CONFIG:-fn-config.yaml}
if [ "$#" -eq 0 ]; then
  set -- manifests/*.yaml
fi
updated=$(mktemp)
trap 'rm -f "$updated"' EXIT
for file in "$@"; do
  # A file is written back only when the run worked (exit 0); results go to stderr.
  npx --yes --package=kobold-image-ref-updater@0.1.0 image-ref-updater "$FN_CONFIG" "$file" > "$updated"
  cp "$updated" "$file"
done
