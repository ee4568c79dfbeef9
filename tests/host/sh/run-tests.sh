#!/bin/sh
# run-tests.sh - builds Samsara's sh with the host compiler (ASan and UBSan)
# and runs its Bats tests, which compare it with dash.
#
#   tests/host/sh/run-tests.sh [bats options...]
#
# Works from any directory. The shell is built in $SH_BUILD_DIR if set
# (and kept), else in a temporary directory removed afterwards. The exit
# status is that of bats.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)

for tool in dash bats python3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "run-tests.sh: $tool is needed (apt-get install -y $tool)" >&2
        exit 1
    fi
done

if [ -n "${SH_BUILD_DIR:-}" ]; then
    build=$SH_BUILD_DIR
    mkdir -p "$build"
else
    build=$(mktemp -d)
    trap 'rm -rf "$build"' EXIT
fi

${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror \
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -g \
    "$root"/commands/sh/*.c "$root"/commands/lib/mode_symbolic.c -o "$build/sh"

status=0
SH="$build/sh" bats "$@" "$here/sh.bats" || status=$?
exit "$status"
