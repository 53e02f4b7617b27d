#!/usr/bin/env bash
# Installs the "real VS Code bench" into <repo>/.bench/ (gitignored):
#   code-server 4.96.4 from the npm registry (= VS Code 1.96.4 with a real Node extension host),
#   headless Debian Chromium (driven by the project's playwright-core), ripgrep.
# Needs only the npm registry and Debian apt. Idempotent: a second run checks a marker and exits in seconds.
# Works as root with CI=true and no stdin. Logs go to .bench/logs/*.log; progress lines to stdout.
#
# usage: bash test/bench/setup.sh            (FORCE=1 to reinstall code-server)
set -euo pipefail

CS_VERSION=4.96.4
PROXY_AGENT_TGZ=https://registry.npmjs.org/@vscode/proxy-agent/-/proxy-agent-0.27.0.tgz
SETUP_REV=1   # bump when this script changes what it installs

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH=${BENCH_DIR:-$REPO/.bench}
LOGS=$BENCH/logs
MARKER=$BENCH/.setup-done
CS_HOST=$BENCH/cs
CS=$CS_HOST/node_modules/code-server
VS=$CS/lib/vscode
WANT="code-server=$CS_VERSION rev=$SETUP_REV node=$(node -v)"

T0=$SECONDS
say() { printf '[bench-setup %3ss] %s\n' "$((SECONDS - T0))" "$*"; }
fail() { echo "[bench-setup] FAILED: $*" >&2; exit 1; }
# run a step with its output in a log; on failure show the log's tail
step() { local log=$LOGS/$1.log; shift; if ! "$@" >"$log" 2>&1; then tail -n 40 "$log" >&2; fail "see $log"; fi; }

mkdir -p "$LOGS"

# ---- 1. system packages (Debian) -------------------------------------------------------------
APT_PKGS=(chromium unzip fonts-dejavu-core ripgrep libkrb5-dev build-essential python3 ca-certificates openssh-client)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || fail "apt-get not found; install manually: ${missing[*]}"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  say "apt: installing ${missing[*]} (log: $LOGS/apt.log)"
  export DEBIAN_FRONTEND=noninteractive
  step apt-update timeout 600 $SUDO apt-get update
  step apt timeout 1200 $SUDO apt-get install -y --no-install-recommends "${missing[@]}" </dev/null
fi
command -v chromium >/dev/null || fail "chromium missing after apt"
command -v rg >/dev/null || fail "rg (ripgrep) missing after apt"

# ---- 2. fast path ------------------------------------------------------------------------------
if [ "${FORCE:-}" != 1 ] && [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$WANT" ] && [ -f "$CS/out/node/entry.js" ]; then
  say "already set up ($WANT) in $BENCH"
  exit 0
fi
rm -f "$MARKER"

# node headers for node-gyp (nodejs.org is unreachable): use the local install prefix
NODEDIR=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
[ -f "$NODEDIR/include/node/node.h" ] || fail "no node headers under $NODEDIR/include/node (install Node 20 with its headers, e.g. Debian/NodeSource nodejs)"
NODE_GYP="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
[ -f "$NODE_GYP" ] || NODE_GYP=$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js
[ -f "$NODE_GYP" ] || fail "npm's bundled node-gyp not found"
gyp() { (cd "$1" && timeout 900 node "$NODE_GYP" rebuild --nodedir="$NODEDIR" -j "$(nproc)"); }
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

# ---- 3. code-server without its install scripts (they download things) ----------------------
mkdir -p "$CS_HOST"
[ -f "$CS_HOST/package.json" ] || echo '{"name":"azure-local-tools-bench","private":true}' >"$CS_HOST/package.json"
if [ "${FORCE:-}" = 1 ] || [ "$(node -p "try{require('$CS/package.json').version}catch{''}")" != "$CS_VERSION" ]; then
  say "npm: code-server@$CS_VERSION --ignore-scripts (log: $LOGS/npm-code-server.log)"
  (cd "$CS_HOST" && step npm-code-server timeout 900 npm install --ignore-scripts --no-save "code-server@$CS_VERSION")
fi
[ -f "$CS/out/node/entry.js" ] || fail "code-server entry.js missing"

say "native: argon2 (code-server top level)"
if ! (cd "$CS_HOST" && node -e "require('argon2')" 2>/dev/null); then
  (cd "$CS_HOST/node_modules/argon2" && step gyp-argon2 timeout 900 node ../@mapbox/node-pre-gyp/bin/node-pre-gyp rebuild \
    --build-from-source --nodedir="$NODEDIR")
fi

# ---- 4. lib/vscode deps: patch the single git-URL dependency to its registry tarball ---------
say "patch lib/vscode shrinkwrap: @vscode/proxy-agent git URL -> registry tarball (same integrity)"
sed -i 's#"resolved": "git+ssh://git@github.com/microsoft/vscode-proxy-agent.git\#[0-9a-f]*"#"resolved": "'"$PROXY_AGENT_TGZ"'"#' \
  "$VS/npm-shrinkwrap.json"
if grep -q '"resolved": "git' "$VS/npm-shrinkwrap.json"; then fail "git dependencies remain in $VS/npm-shrinkwrap.json"; fi

if [ ! -d "$VS/node_modules/@vscode/proxy-agent" ] || [ ! -d "$VS/node_modules/node-pty" ]; then
  say "npm: lib/vscode deps --omit=dev --ignore-scripts (log: $LOGS/npm-vscode.log)"
  (cd "$VS" && step npm-vscode timeout 900 npm install --omit=dev --ignore-scripts)
fi

say "native: node-pty @vscode/spdlog native-watchdog @vscode/deviceid kerberos (node-gyp, local headers)"
for m in node-pty @vscode/spdlog native-watchdog @vscode/deviceid; do
  if ! (cd "$VS" && node -e "require('$m')" 2>/dev/null); then
    step "gyp-${m//\//-}" gyp "$VS/node_modules/$m"
  fi
done
if ! (cd "$VS" && node -e "require('kerberos')" 2>/dev/null); then
  gyp "$VS/node_modules/kerberos" >"$LOGS/gyp-kerberos.log" 2>&1 || say "WARN: kerberos build failed (only for Kerberos proxy auth)"
fi
# @parcel/watcher ships linux-x64 glibc prebuilds -> nothing to build

say "ripgrep from Debian + the symlinks postinstall.sh would make"
mkdir -p "$VS/node_modules/@vscode/ripgrep/bin"
ln -sfn "$(command -v rg)" "$VS/node_modules/@vscode/ripgrep/bin/rg"
(cd "$VS" && ln -sfn node_modules node_modules.asar)
(cd "$VS/bin/remote-cli" && ln -sfn code-linux.sh code-server)
(cd "$VS/bin/helpers" && ln -sfn browser-linux.sh browser.sh)

# ---- 5. built-in extensions' deps ------------------------------------------------------------
if [ ! -f "$VS/extensions/.bench-deps-ok" ]; then
  say "npm: built-in extensions deps --omit=dev (log: $LOGS/npm-extensions.log)"
  (cd "$VS/extensions" && step npm-extensions timeout 900 npm install --omit=dev)
  touch "$VS/extensions/.bench-deps-ok"
fi

# ---- 6. verify ------------------------------------------------------------------------------
say "verify: native modules load, code-server --version"
(cd "$VS" && step verify-native node -e "for (const m of ['node-pty','@vscode/spdlog','native-watchdog','@vscode/deviceid','@parcel/watcher']) require(m)")
(cd "$CS_HOST" && step verify-argon2 node -e "require('argon2')")
VTMP=$(mktemp -d)
step verify-version env XDG_CONFIG_HOME="$VTMP" XDG_DATA_HOME="$VTMP" XDG_CACHE_HOME="$VTMP" \
  node "$CS/out/node/entry.js" --version --config "$VTMP/config.yaml" --user-data-dir "$VTMP/ud"
rm -rf "$VTMP"
grep -q "^$CS_VERSION" "$LOGS/verify-version.log" || fail "unexpected code-server --version: $(head -1 "$LOGS/verify-version.log")"

echo "$WANT" >"$MARKER"
say "done: code-server $(grep "^$CS_VERSION" "$LOGS/verify-version.log") in $BENCH ($(du -sh "$BENCH" | cut -f1))"
