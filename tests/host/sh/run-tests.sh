#!/bin/sh
# run-tests.sh - builds Samsara's sh with the host compiler (ASan and UBSan)
# and runs its Bats tests, which compare it with dash.
#
#   tests/host/sh/run-tests.sh [bats options...]
#
# Works from any directory. The shell is built in a temporary directory,
# or in $SH_BUILD_DIR if set; the exit status is that of bats.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)

if ! command -v dash >/dev/null 2>&1; then
    echo "run-tests.sh: dash is needed (apt-get install -y dash)" >&2
    exit 1
fi
if ! command -v bats >/dev/null 2>&1; then
    echo "run-tests.sh: bats is needed (apt-get install -y bats)" >&2
    exit 1
fi

build=${SH_BUILD_DIR:-$(mktemp -d)}
mkdir -p "$build"
${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror \
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -g \
    "$root"/commands/sh/*.c -o "$build/sh"

SH="$build/sh" exec bats "$@" "$here/sh.bats"
