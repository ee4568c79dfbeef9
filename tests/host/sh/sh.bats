#!/usr/bin/env bats
# sh.bats - host tests of Samsara's POSIX shell (commands/sh).
#
# Most tests run a script with `sh -c` under our shell and under dash, in
# two identical scratch directories, and require the same standard output,
# standard error and exit status. dash prefixes its messages with
# "sh: LINE: " where ours say "sh: "; that prefix is normalised. Where the
# two shells word a message differently, the test checks ours exactly.
#
# $SH is the shell under test (run-tests.sh builds it with ASan/UBSan, so a
# leak or an undefined behaviour shows up as unexpected standard error).

setup_file() {
    if [ -z "${SH:-}" ]; then
        root=$(cd "$BATS_TEST_DIRNAME/../../.." && pwd)
        SH="$BATS_FILE_TMPDIR/sh"
        cc -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror \
            -fsanitize=address,undefined -g "$root"/commands/sh/*.c -o "$SH"
    fi
    export SH
    DASH=$(command -v dash)
    export DASH
}

# A scratch directory per shell with the same fixture files.
setup() {
    for d in dash ours; do
        mkdir -p "$BATS_TEST_TMPDIR/$d/sub/deep"
        cd "$BATS_TEST_TMPDIR/$d"
        printf 'alpha\nbeta one\ngamma two three\n' > lines.txt
        : > a.txt; : > b.txt; : > c.log; : > .hidden
        : > sub/x.c; : > sub/y.c; : > sub/deep/z.c
    done
    cd "$BATS_TEST_TMPDIR"
}

# run_shell NAME BINARY SCRIPT [ARG...]: runs BINARY -c SCRIPT in NAME's
# scratch directory, stdin from $STDIN (default /dev/null).
run_shell() {
    local name=$1 binary=$2 script=$3 status=0
    shift 3
    (cd "$BATS_TEST_TMPDIR/$name" && exec "$binary" -c "$script" sh "$@") \
        > "$BATS_TEST_TMPDIR/$name.out" 2> "$BATS_TEST_TMPDIR/$name.err" \
        < "${STDIN:-/dev/null}" || status=$?
    echo "$status" > "$BATS_TEST_TMPDIR/$name.status"
}

# ours SCRIPT [ARG...]: runs only our shell; sets $out, $err, $rc.
ours() {
    run_shell ours "$SH" "$@"
    out=$(cat "$BATS_TEST_TMPDIR/ours.out")
    err=$(cat "$BATS_TEST_TMPDIR/ours.err")
    rc=$(cat "$BATS_TEST_TMPDIR/ours.status")
}

show_difference() {
    echo "script: $1"
    echo "--- dash: status $(cat dash.status)"; cat dash.out; sed 's/^/stderr: /' dash.err
    echo "--- ours: status $(cat ours.status)"; cat ours.out; sed 's/^/stderr: /' ours.err
}

# compare_output SCRIPT [ARG...]: same stdout and status as dash.
compare_output() {
    run_shell dash "$DASH" "$@"
    run_shell ours "$SH" "$@"
    cd "$BATS_TEST_TMPDIR"
    if ! cmp -s dash.out ours.out || ! cmp -s dash.status ours.status; then
        show_difference "$1"
        return 1
    fi
    err=$(cat ours.err)
}

# compare SCRIPT [ARG...]: same stdout, stderr and status as dash.
compare() {
    compare_output "$@"
    sed -E 's/^sh: [0-9]+: /sh: /' dash.err > dash.err.normal
    if ! cmp -s dash.err.normal ours.err; then
        show_difference "$1"
        return 1
    fi
}

# ---- simple commands and quoting ----

@test "simple commands run built-ins and programs with arguments" {
    compare 'echo hello world; /bin/echo external  spaced; printf "%s|" a b; echo'
}

@test "single quotes keep everything literal" {
    compare "echo '\$HOME \"dq\" \\ \$(x) \`y\`'"
}

@test "double quotes expand parameters and keep blanks" {
    compare 'x="a  b"; echo "$x" "[$HOME]" "$(echo "c  d")" "\$x \\ \" \`"'
}

@test "backslash quotes the next character" {
    compare 'echo \$HOME \"q\" a\ \ b \\ \* \#x'
}

@test "unquoted expansions are split on IFS" {
    compare 'x="a  b   c"; printf "[%s]" $x; echo; IFS=:; y="1:2::3:"; printf "[%s]" $y; echo; IFS=" :"; z=" a : b "; printf "[%s]" $z; echo'
}

@test "quoted empty strings are arguments, unquoted empty expansions vanish" {
    compare 'e=; printf "[%s]" "" a '"''"' $e "$e" ${e}x; echo'
}

@test "comments run to the end of the line" {
    compare 'echo a # comment
# a whole line
echo b#not-a-comment'
}

@test "line continuation with backslash-newline" {
    compare 'echo one \
two; ec\
ho three'
}

# ---- parameters and variables ----

@test "assignments and braced expansion" {
    compare 'x=1 y=two; echo $x ${y}s ${x}0 "$y$x"'
}

@test "default, assign, alternative and error expansions" {
    compare 'echo ${u:-def} ${u-unset}; e=; echo ${e:-empty} [${e-set}]; echo ${v:=assigned} $v; echo ${v:+alt} [${u:+alt}]; echo ${#v}'
}

@test "unset parameter with :? stops the shell" {
    compare_output 'echo before; echo ${nope:?is required}; echo after'
    [ "$err" = "sh: nope: is required" ]
}

@test "prefix and suffix removal" {
    compare 'p=/usr/local/lib/file.tar.gz; echo ${p#*/} ${p##*/} ${p%.*} ${p%%.*} ${p#nomatch}'
}

@test "export passes variables to commands, prefix assignments are temporary" {
    compare 'x=1; export x; env | grep "^x="; y=2 env | grep "^y="; echo "y=[$y]"; export z=3; sh -c "echo \$z"; unset x; env | grep -c "^x=" || true'
}

@test "special parameters" {
    compare 'echo $#; set -- a "b c" d; echo $# $1 $3 "$*"; false; echo $?; true; echo $?; echo $$ | grep -c "^[0-9][0-9]*$"'
}

@test "quoted \$@ keeps arguments apart" {
    compare 'for a in "$@"; do echo "[$a]"; done; for a in $@; do echo "<$a>"; done; for a in "$*"; do echo "{$a}"; done; printf "(%s)" x"$@"y; echo' 'a b' '' c
}

@test "quoted \$@ with no arguments is no word at all" {
    compare 'for a in "$@"; do echo "[$a]"; done; printf "(%s)" "$@"; echo; set -- "$@"; echo $#'
}

@test "positional parameters beyond nine and \$0" {
    compare 'set -- 1 2 3 4 5 6 7 8 9 10 11; echo ${10} $10 ${11}; echo $0' 
}

@test "shift moves the positional parameters" {
    compare 'set -- a b c d e; shift; echo "$@"; shift 2; echo $# $1'
}

@test "shift beyond the parameters is an error" {
    ours 'set -- a; shift 2; echo $?'
    [ "$err" = "sh: shift: can't shift that many" ]
    [ "$out" = 2 ]
}

@test "unset removes variables and functions" {
    compare 'x=1; unset x; echo "[${x-gone}]"; f() { echo f; }; unset -f f; f 2>/dev/null || echo "f gone"'
}

@test "tilde expands to HOME at the start of a word" {
    compare 'echo ~ ~/x "~" \~ a~; HOME=/h; echo ~/y'
}

@test "set -u makes unset parameters an error" {
    compare_output 'set -u; x=1; echo $x; echo $nope; echo unreachable'
    [ "$err" = "sh: nope: parameter not set" ]
}

# ---- pipelines ----

@test "pipelines of host utilities" {
    compare 'seq 1 20 | grep 1 | sort -rn | head -3; printf "b\na\nb\nc\n" | sort | uniq -c | wc -l; echo Hello | tr a-z A-Z | cat'
}

@test "a long pipeline passes data through every stage" {
    compare 'seq 100 | cat | cat | cat | cat | cat | cat | cat | cat | wc -l'
}

@test "the status of a pipeline is that of its last command" {
    compare 'false | true; echo $?; true | false; echo $?; seq 3 | (exit 4); echo $?'
}

@test "! negates the status of a pipeline" {
    compare '! true; echo $?; ! false | false; echo $?; ! seq 2 | grep -q 3 && echo negated'
}

@test "pipelines include compound commands and built-ins" {
    compare 'for i in 3 1 2; do echo $i; done | sort; echo x | { read v; echo "got $v"; }; echo y | while read l; do echo "<$l>"; done'
}

# ---- redirections ----

@test "output redirection creates and truncates, >> appends" {
    compare 'echo one > f; echo two > f; echo three >> f; cat f; >empty; wc -c < empty'
}

@test "input redirection" {
    compare 'wc -l < lines.txt; read first < lines.txt; echo "$first"'
}

@test "stderr redirection and 2>&1" {
    compare 'ls /nope 2>err; wc -l < err; ls /nope > both 2>&1; wc -l < both; ls /nope 2>&1 >/dev/null | wc -l; echo to-stderr >&2 2>/dev/null'
}

@test "descriptor duplication and closing" {
    compare 'exec 3>f3; echo via3 >&3; exec 3>&-; cat f3; echo x 3>f4 >&3; cat f4; (echo closed >&5) 2>/dev/null || echo bad-fd'
}

@test "redirections apply to compound commands and are undone" {
    compare '{ echo a; echo b; } > f; while read l; do echo "<$l>"; done < f; if true; then echo in-if; fi > g; cat g; echo back-on-stdout'
}

@test "redirection to a missing directory fails with a message" {
    ours 'echo hi > /nope/f; echo "status $?"'
    [ "$out" = "status 1" ]
    [ "$err" = "sh: cannot open /nope/f: No such file or directory" ]
}

@test "input from a missing file fails without running the command" {
    ours 'cat < /nope; echo "status $?"'
    [ "$out" = "status 1" ]
    [ "$err" = "sh: cannot open /nope: No such file or directory" ]
}

@test "here-documents expand unless the delimiter is quoted" {
    compare 'x=world; cat <<EOF
hello $x $(echo sub) $((1+2))
\$x literal \\ backslash
