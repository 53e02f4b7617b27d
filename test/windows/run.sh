#!/usr/bin/env bash
# npm run test:windows: the Windows side of Connect, run by Windows' own Node.js under Wine (see setup.sh), over the
# compiled product (npm run compile first). Prints node:test's summary; a visible SKIP where Wine cannot be had.
set -uo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WIN=${WINDOWS_BENCH_DIR:-$REPO/.bench/windows}
bash "$REPO/test/windows/setup.sh"
status=$?
if [ $status = 3 ]; then exit 0; fi   # setup printed the SKIP line
[ $status = 0 ] || exit $status
[ -f "$REPO/out/test/windows/windows.test.js" ] || { echo "out/test/windows/windows.test.js missing: npm run compile"; exit 1; }

export WINEPREFIX=$WIN/prefix WINEDEBUG=-all
# Our taskkill.exe (the real one's /T over Wine's process table), not Wine's built-in one.
export WINEDLLOVERRIDES="taskkill.exe=n"
WINE=/usr/lib/wine/wine64
# Z: is Wine's view of /: the same files, Windows paths.
test_file="Z:$(echo "$REPO/out/test/windows/windows.test.js" | tr / '\\')"
out=$WIN/test-output.txt
# node.exe dies with EBADF on a Linux pipe: its stdio goes to files, printed after.
timeout 300 "$WINE" "$WIN/node/bin/node.exe" --test --test-reporter=spec "$test_file" >"$out" 2>&1 </dev/null
code=$?
cat "$out"
/usr/lib/wine/wineserver -k 2>/dev/null || true
exit $code
