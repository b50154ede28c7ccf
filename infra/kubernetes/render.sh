#!/bin/sh
# Renders each overlay into rendered/<overlay>.yaml, the manifests as they reach the cluster, committed for
# review. Uses kubectl's built-in Kustomize (`kubectl kustomize`; kubectl 1.32 carries Kustomize v5.5). After a
# change to base/ or overlays/, run it and commit the result: `mvn verify` (infra/checks-manifests) renders again
# and fails when a committed file differs.
#
#   infra/kubernetes/render.sh            # writes infra/kubernetes/rendered/
#   infra/kubernetes/render.sh /tmp/out   # writes there instead (what the check does)
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/rendered}"
if ! command -v kubectl > /dev/null 2>&1; then
    echo "render.sh: kubectl is needed (its built-in kustomize renders the overlays); it is not a Debian package:" >&2
    echo "install it from the Kubernetes or your cloud's packages, or use the standalone kustomize (same output)" >&2
    exit 1
fi
mkdir -p "$out"
for overlay in staging production; do
    {
        echo "# Rendered from infra/kubernetes/overlays/$overlay by infra/kubernetes/render.sh (kubectl kustomize)."
        echo "# Do not edit: change base/ or overlays/ and render again; mvn verify fails when this file is stale."
        kubectl kustomize "$here/overlays/$overlay"
    } > "$out/$overlay.yaml.tmp"
    mv "$out/$overlay.yaml.tmp" "$out/$overlay.yaml"
done
