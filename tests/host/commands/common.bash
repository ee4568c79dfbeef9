# Shared by the host command suites (*.bats here): the fixture files and the
# comparison with the host's tools. Run through run-tests.sh, which builds the
# commands and sets COMMANDS_BIN.

setup() {
    export LC_ALL=C TZ=UTC
    B=${COMMANDS_BIN:?run through tests/host/commands/run-tests.sh}
    cd "$BATS_TEST_TMPDIR" || return 1
    printf 'banana\napple\ncherry\napple\nBanana\n  date  \n\teel\nfig tree\napple\n' > words.txt
    printf '10\n-3\n2.5\n  7\n-3.25\n0\nabc\n100\n-0\n007\n2.50\n' > nums.txt
    printf 'root:x:0:0:root:/root:/bin/sh\nbin:x:1:1::/bin:\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nnocolons\n' > colon.txt
    printf 'no newline at end' > nonl.txt
    : > empty.txt
    printf 'a\0b\001\377\n\t\\x\r\n' > binary.bin
}

# compare CMD ARGS...: runs both with stdin from $STDIN (default
# /dev/null) and fails with a diff if anything differs.
compare() {
    local cmd=$1 ours=0 host=0 o=$BATS_TEST_TMPDIR/out
    shift
    mkdir -p "$o"
    "$B/$cmd" "$@" < "${STDIN:-/dev/null}" > "$o/ours.out" 2> "$o/ours.err" || ours=$?
    env "$cmd" "$@" < "${STDIN:-/dev/null}" > "$o/host.out" 2> "$o/host.err" || host=$?
    if ! cmp -s "$o/ours.out" "$o/host.out"; then
        echo "stdout differs for $cmd $*"; diff "$o/host.out" "$o/ours.out" | head -40; return 1
    fi
    if ! cmp -s "$o/ours.err" "$o/host.err"; then
        echo "stderr differs for $cmd $*"; diff "$o/host.err" "$o/ours.err" | head -20; return 1
    fi
    if [ "$ours" != "$host" ]; then
        echo "status differs for $cmd $*: host $host, ours $ours"; return 1
    fi
}

# compare_usage CMD ARGS...: only the exit status; ours must print a
# usage line.
compare_usage() {
    local cmd=$1 ours=0 host=0 o=$BATS_TEST_TMPDIR/out
    shift
    mkdir -p "$o"
    "$B/$cmd" "$@" < /dev/null > "$o/ours.out" 2> "$o/ours.err" || ours=$?
    env "$cmd" "$@" < /dev/null > "$o/host.out" 2> "$o/host.err" || host=$?
    [ "$ours" = "$host" ] || { echo "status: host $host, ours $ours"; return 1; }
    grep -q 'usage: ' "$o/ours.err" || { echo "no usage line:"; cat "$o/ours.err"; return 1; }
}

