#!/bin/sh
# run-tests.sh - builds Samsara's everyday commands (commands/*, not sh or
# init) with the host compiler (ASan and UBSan) and runs their Bats tests,
# which compare them with GNU coreutils, grep and diffutils.
#
#   tests/host/commands/run-tests.sh [bats options...]
#
# Works from any directory. The programs are built in a temporary
# directory, or in $COMMANDS_BUILD_DIR if set; the exit status is that of
# bats.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)

if ! command -v bats >/dev/null 2>&1; then
    echo "run-tests.sh: bats is needed (apt-get install -y bats)" >&2
    exit 1
fi

build=${COMMANDS_BUILD_DIR:-$(mktemp -d)}
mkdir -p "$build/bin" "$build/lib"
cflags="-std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -g"

for source in "$root"/commands/lib/*.c; do
    object="$build/lib/$(basename "$source" .c).o"
    # shellcheck disable=SC2086
    ${CC:-cc} $cflags -c "$source" -o "$object" &
done
wait

# The portable commands: every folder of commands/ but the library and the
# Samsara-only programs (sh and init have suites of their own).
commands=
for dir in "$root"/commands/*/; do
    name=$(basename "$dir")
    case $name in lib | sh | init | poweroff | ps | service | su | tally) continue ;; esac
    commands="$commands $name"
done
pids=
for name in $commands; do
    # shellcheck disable=SC2086
    ${CC:-cc} $cflags "$root/commands/$name/"*.c "$build"/lib/*.o -o "$build/bin/$name" &
    pids="$pids $!"
done
status=0
for pid in $pids; do
    wait "$pid" || status=1
done
if [ "$status" -ne 0 ]; then
    echo "run-tests.sh: a command failed to build" >&2
    exit 1
fi

COMMANDS_BIN="$build/bin" exec bats "$@" "$here"/*.bats
