#!/usr/bin/env bash
# Updates the manifests in place with the container image, from image references given as arguments
# (e.g. what a registry webhook announced):
#
#   ./docker-run.sh my.org/amazing/app:v1.2.3 nginx:1.25.4
#
# IMAGE is the function's image, MANIFESTS the directory to update. Needs docker and kpt (kpt turns
# the files into a ResourceList and the updated ResourceList back into files).
set -euo pipefail
IMAGE=${IMAGE:-ghcr.io/kobold-image-ref-updater/image-ref-updater:v0.1.0}
MANIFESTS=${MANIFESTS:-manifests}
if [ "$#" -eq 0 ]; then
  echo "usage: $0 IMAGE_REF..." >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The functionConfig, from a here-doc: a ConfigMap whose data.images lists the new references.
cat > "$work/fn-config.yaml" <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: image-refs
data:
  images: "$*"
YAML

# Files -> ResourceList -> the function in its container -> ResourceList -> files.
kpt fn source "$MANIFESTS" --fn-config "$work/fn-config.yaml" > "$work/resource-list.yaml"
docker run -i --rm --network none "$IMAGE" < "$work/resource-list.yaml" > "$work/updated.yaml"
kpt fn sink "$work/out" < "$work/updated.yaml"
cp -R "$work/out/." "$MANIFESTS/"

# What changed: the messages of the results the function appended.
sed -n 's/^- message: //p' "$work/updated.yaml" >&2
