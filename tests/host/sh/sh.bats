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

bats_require_minimum_version 1.5.0

setup_file() {
    if [ -z "${SH:-}" ]; then
        root=$(cd "$BATS_TEST_DIRNAME/../../.." && pwd)
        SH="$BATS_FILE_TMPDIR/sh"
        cc -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror \
            -fsanitize=address,undefined -g "$root"/commands/sh/*.c \
            "$root"/commands/lib/mode_symbolic.c -o "$SH"
    fi
    export SH
    DASH=$(command -v dash)
    export DASH
}

# A scratch directory per shell, both named "work", with the same files.
setup() {
    for d in dash ours; do
        mkdir -p "$BATS_TEST_TMPDIR/$d/work/sub/deep"
        cd "$BATS_TEST_TMPDIR/$d/work"
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
    (cd "$BATS_TEST_TMPDIR/$name/work" && exec "$binary" -c "$script" sh "$@") \
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

@test "quotes inside \${x:-word} within double quotes" {
    compare 'echo "${u:-"a b"}" ${u:-"c  d"} "${u:-'"'q'"'}"; y=/a/b; echo "${y%"/b"}"; x="a b"; set -- "${x:+$x}"; echo $#'
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
    compare 'set -- 1 2 3 4 5 6 7 8 9 10 11; echo ${10} ${11}; echo $0'
}

@test "\$10 is \${1} followed by 0, as POSIX says (dash differs)" {
    ours 'echo $10' one
    [ "$out" = one0 ]
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
EOF
cat <<"EOF"
$x stays
EOF
cat <<'"'E'"'
$(not run)
E'
}

@test "<<- strips leading tabs and here-documents feed pipelines" {
    compare "$(printf 'cat <<-END | tr a-z A-Z\n\tindented\n\t\ttwice\n\tEND\necho after')"
}

@test "a here-document larger than a pipe buffer" {
    compare 'cat <<EOF | wc -c
$(seq 20000)
EOF'
}

@test "a here-document inside command substitution" {
    compare 'x=$(cat <<EOF
inside $((1+1))
EOF
); echo "[$x]"'
}

@test "two here-documents on one line" {
    compare 'cat <<A; cat <<B
first
A
second
B'
}

# ---- lists ----

@test "; && and || lists" {
    compare 'true && echo 1; false && echo 2; false || echo 3; true || echo 4; false && echo 5 || echo 6; true &&
echo 7'
}

@test "background jobs and wait" {
    compare '(sleep 0.2; echo late) & echo early; wait; echo done'
}

@test "wait for \$! returns the job's status" {
    compare '(exit 3) & p=$!; wait $p; echo $?; [ "$p" -gt 0 ] && echo has-pid; sleep 0.1 & wait $!; echo $?'
}

@test "background jobs read an empty stdin" {
    STDIN="$BATS_TEST_TMPDIR/ours/work/lines.txt" compare_output 'cat & wait; echo done'
}

# ---- compound commands ----

@test "if elif else fi" {
    compare 'for x in 1 2 3; do if [ $x = 1 ]; then echo one; elif [ $x = 2 ]; then echo two; else echo other; fi; done; if false; then :; fi; echo $?'
}

@test "while and until loops" {
    compare 'i=0; while [ $i -lt 3 ]; do echo w$i; i=$((i+1)); done; until [ $i -eq 0 ]; do echo u$i; i=$((i-1)); done'
}

@test "for loops over words, globs and positional parameters" {
    compare 'for w in a "b c" d; do echo "[$w]"; done; for f in *.txt sub/*.c; do echo $f; done; set -- p q; for a; do echo $a; done; for n in; do echo never; done'
}

@test "break and continue, also out of nested loops" {
    compare 'for i in 1 2 3 4 5; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done
for i in a b; do for j in 1 2 3; do [ $j = 2 ] && continue 2; echo $i$j; done; done
for i in a b; do while true; do echo $i; break 2; done; done; echo out'
}

@test "case with patterns and alternatives" {
    compare 'for w in apple banana cherry x.c "" "*"; do case $w in a*|b*) echo "$w: ab";; *.c) echo "$w: c file";; "") echo empty;; [x-z]*) echo xyz;; \*) echo star;; *) echo "$w: other";; esac; done'
}

@test "case patterns from quoted expansions are literal" {
    compare 'p="a*"; case abc in "$p") echo quoted;; $p) echo pattern;; esac; case "a*" in "$p") echo literal;; esac; case x in (x) echo paren;; esac'
}

@test "while read loop over a file" {
    compare 'n=0; while read first rest; do n=$((n+1)); echo "$n: [$first] [$rest]"; done < lines.txt; echo total $n'
}

@test "groups run in the shell, subshells do not" {
    compare 'x=1; (x=2; echo $x); echo $x; { x=3; }; echo $x; (exit 5); echo $?; (cd sub; pwd | sed "s|.*/||"); pwd | sed "s|.*/||"'
}

@test "functions take arguments and return a status" {
    compare 'greet() { echo "hello $1 ($#)"; return 3; }; greet world x; echo $?; greet; echo "outer: $1"' outer
}

@test "functions can recurse" {
    compare 'fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1 - 1))) )); fi; }; fact 10'
}

@test "functions defined in loops and redefined" {
    compare 'for i in 1 2; do f() { echo "f$i"; }; f; done; f() { echo new; }; f'
}

# ---- command substitution and arithmetic ----

@test "command substitution nests and strips trailing newlines" {
    compare 'echo $(echo $(echo $(echo deep))); echo `echo back` "$(printf "a\n\n\n")"; x=$(printf "l1\nl2"); echo "$x"'
}

@test "command substitution sets the status and is split when unquoted" {
    compare 'x=$(false); echo $?; set -- $(echo "a b  c"); echo $#; set -- "$(echo "a b")"; echo $#; echo "$(echo ")")"'
}

@test "arithmetic expansion" {
    compare 'i=5; echo $((i+1)) $((3*(4+5))) $((7/2)) $((7%3)) $((-i)) $((1<2)) $((i==5&&0)) $((i>3?10:20)) $((0x10)) $((1<<4))'
    compare 'i=1; : $((i+=2)); echo $i; echo $((j=4)) $j; x=" 7 "; echo $((x*2))'
}

@test "division by zero is an error" {
    compare_output 'echo $((1/0)); echo after'
    [ "$err" = "sh: arithmetic: division by zero" ]
}

# ---- globbing ----

@test "pathname expansion sorts, skips dot files and keeps unmatched patterns" {
    compare 'echo *; echo *.txt; echo sub/*.c */*/*.c; echo ?.log; echo [ab].txt [!a].txt; echo nomatch*; echo .h*'
}

@test "quoted pattern characters do not glob" {
    compare 'echo "*" '"'*.txt'"' \*; x="*.txt"; echo $x "$x"'
}

# ---- built-ins ----

@test "cd and pwd" {
    compare 'cd sub; pwd | sed "s|.*/||"; cd deep; cd ../..; basename "$PWD"; cd - >/dev/null; basename "$(pwd)"; cd; [ "$PWD" = "$HOME" ] && echo home'
}

@test "cd to a missing directory" {
    ours 'cd /nope; echo "status $?"; pwd >/dev/null'
    [ "$out" = "status 1" ]
    [ "$err" = "sh: cd: /nope: No such file or directory" ]
}

@test "exit sets the status, also without an argument" {
    compare 'exit 3'
    compare 'false; exit'
    compare 'echo before; exit 0; echo after'
    compare '(exit 4); echo "subshell $?"; (exit); echo $?'
}

@test "echo -n and escapes" {
    compare 'echo -n no-newline; echo; echo "a\tb\nc" "x\c" never; echo -- -n; echo "\0101"'
}

@test "test and [ with strings, numbers, files and logic" {
    compare 'for e in "-n x" "-z x" "a = a" "a != a" "3 -lt 4" "4 -le 3" "-d sub" "-f sub" "-f a.txt" "-e nope" "-s lines.txt" "-s a.txt" "! -e nope" "a = a -a 1 -eq 2" "a = b -o 1 -eq 1" "( a = a )" "-r lines.txt" "x" "" "-n"; do if test $e; then echo "$e: yes"; else echo "$e: no"; fi; done; [ "" ]; echo $?; [ 1 -gt 0 ] && echo bracket'
}

@test "[ without ] is an error" {
    ours '[ a = a; echo $?'
    [ "$out" = 2 ]
    [ "$err" = "sh: [: missing ]" ]
}

@test "read splits on IFS, -r keeps backslashes, EOF is status 1" {
    compare 'echo "a b c d" | { read x y; echo "[$x][$y]"; }; echo "  lead  trail  " | { read x; echo "[$x]"; }; printf "no-newline" | { read x; echo "$? [$x]"; }; printf "%s\n" "a\\b" | { read -r x; echo "$x"; }; printf "%s\n" "a\\b" | { read x; echo "$x"; }; echo "1:2:3" | { IFS=: read a b c; echo "$a $b $c"; }'
}

@test "IFS= read -r keeps a line exactly" {
    compare 'printf "  a b  \n\tc\\d\n" > f; while IFS= read -r line; do echo "[$line]"; done < f'
}

@test "set replaces the positional parameters" {
    compare 'set -- x y; echo $# "$@"; set --; echo $#; set a b c; echo $2'
}

@test "eval runs its arguments as commands" {
    compare 'eval "echo a; echo b"; cmd="x=5"; eval $cmd; echo $x; eval "f() { echo func; }"; f'
}

@test "dot runs a file in the current shell" {
    compare 'printf "y=\$((x+1))\nreturn 4\ny=bad\n" > inc; x=1; . ./inc; echo "$? $y"'
}

@test "true, false and colon" {
    compare 'true; echo $?; false; echo $?; : anything; echo $?'
}

@test "umask prints and sets the creation mask, octal and -S" {
    compare 'umask 022; umask; umask -S; umask 077; umask; : > new; ls -l new | cut -c1-10; umask 7; umask; umask 0777; umask -S; umask -- 027; umask'
}

@test "umask takes symbolic modes as chmod does" {
    compare 'umask 022; umask u=rwx,g=,o=; umask; umask g-w; umask; umask a+r; umask; umask o=u; umask; umask +w; umask; umask =; umask; umask u=; umask; umask u+rwx,go-w; umask -S'
}

@test "umask in a subshell leaves the shell's alone" {
    compare 'umask 022; (umask 077; umask); umask'
}

@test "umask reports illegal numbers, modes and options" {
    compare 'umask 022; umask 999; echo "status $?"; umask abc; echo "status $?"; umask -x; echo "status $?"; umask u+q; echo "status $?"; umask'
}

@test "exec replaces the shell" {
    compare 'exec echo replaced; echo not-reached'
}

@test "exec with only redirections changes the shell's descriptors" {
    compare 'exec > out; echo into-file; exec 2>&1; cat out >&2'
}

@test "set -e exits on a failing command" {
    compare 'set -e; echo a; false; echo b'
}

@test "set -e ignores conditions, && lists and negations" {
    compare 'set -e; false || true; if false; then :; fi; while false; do :; done; ! true; false && true; echo survived; (false); echo never'
}

@test "set -x traces commands on stderr" {
    compare 'set -x; echo traced a; x=1'
}

# ---- errors ----

@test "a missing command is status 127" {
    compare 'nosuch-command arg; echo "status $?"'
}

@test "a command that is not executable is status 126" {
    compare 'echo "echo x" > f; chmod -x f; ./f; echo "status $?"'
}

@test "a syntax error is reported with status 2" {
    ours 'echo a; fi'
    [ "$out" = "" ]
    [ "$rc" = 2 ]
    [ "$err" = "sh: syntax error: unexpected 'fi'" ]
}

@test "syntax errors: unexpected tokens and end of file" {
    ours 'if true; then echo x'
    [ "$rc" = 2 ]
    [ "$err" = "sh: syntax error: unexpected end of file" ]
    ours 'echo a | | b'
    [ "$err" = "sh: syntax error: unexpected '|'" ]
    ours 'echo "unterminated'
    [ "$rc" = 2 ]
    [ "$err" = "sh: syntax error: unterminated quoted string" ]
    ours '( )'
    [ "$err" = "sh: syntax error: unexpected ')'" ]
}

@test "commands before the line with a syntax error run" {
    compare_output 'echo first
echo second; fi'
    [ "$err" = "sh: syntax error: unexpected 'fi'" ]
}

# ---- scripts ----

@test "a script with a syntax error on line 3 stops there" {
    cd "$BATS_TEST_TMPDIR/ours/work"
    printf 'echo line1\necho line2\nif then\necho line4\n' > bad.sh
    run "$SH" bad.sh
    [ "$status" -eq 2 ]
    [ "$output" = "line1
line2
sh: bad.sh: 3: syntax error: unexpected 'then'" ]
}

@test "sh file runs a script with arguments" {
    cd "$BATS_TEST_TMPDIR/ours/work"
    printf 'echo "$0 $# $1 $2"\nexit 5\n' > args.sh
    run "$SH" args.sh one "two words"
    [ "$status" -eq 5 ]
    [ "$output" = "args.sh 2 one two words" ]
}

@test "a script runs by its #! line and without one" {
    cd "$BATS_TEST_TMPDIR/ours/work"
    printf '#!%s\necho "bang $1"\n' "$SH" > bang.sh
    printf 'echo "plain $1"\n' > plain.sh
    chmod +x bang.sh plain.sh
    run "$SH" -c './bang.sh a; ./plain.sh b; echo $?'
    [ "$status" -eq 0 ]
    [ "$output" = "bang a
plain b
0" ]
}

@test "a script read from standard input leaves the rest to commands" {
    cd "$BATS_TEST_TMPDIR/ours/work"
    run "$SH" <<'EOF'
echo start
read line
this line is data
echo "read: $line"
EOF
    [ "$status" -eq 0 ]
    [ "$output" = "start
read: this line is data" ]
}

@test "a missing script file is an error" {
    run -127 "$SH" /nope/script.sh
    [ "$status" -eq 127 ]
    [ "$output" = "sh: cannot open /nope/script.sh: No such file or directory" ]
}

# ---- interactive use (on a pseudo-terminal) ----

interactive() {
    run timeout 30 python3 "$BATS_TEST_DIRNAME/pty-run.py" "$1" env -i PATH="$PATH" HOME=/ "$SH"
}

@test "interactive: prompt, commands, and ^D to leave" {
    interactive 'echo hi\recho $((6*7))\r\x04'
    [ "$status" -eq 0 ]
    [[ "$output" == *'$ echo hi'*$'\n''hi'$'\n''$ '* ]]
    [[ "$output" == *$'\n''42'$'\n'* ]]
}

@test "interactive: backspace and ^U edit the line" {
    interactive 'echo abX\x7fc\rjunk\x15echo clean\rexit 3\r'
    [ "$status" -eq 3 ]
    [[ "$output" == *$'\n''abc'$'\n'* ]]
    [[ "$output" == *$'\n''clean'$'\n'* ]]
    [[ "$output" != *"junk"*"not found"* ]]
}

@test "interactive: ^C abandons the line and interrupts a job" {
    interactive 'half typed\x03sleep 20\r\x03echo alive $?\r\x04'
    [ "$status" -eq 0 ]
    [[ "$output" == *'half typed^C'$'\n''$ '* ]]
    [[ "$output" == *'alive 130'* ]]
}

@test "interactive: PS1 and PS2 prompts, errors do not exit" {
    interactive 'PS1="sam> "\rfor i in 1 2\rdo echo n$i; done\rfi\rnosuch\reval "fi"; echo "eval $?"\recho still here\r\x04'
    [ "$status" -eq 0 ]
    [[ "$output" == *'eval 2'* ]]
    [[ "$output" == *'sam> for i in 1 2'$'\n''> do echo n$i; done'$'\n''n1'$'\n''n2'* ]]
    [[ "$output" == *"sh: syntax error: unexpected 'fi'"* ]]
    [[ "$output" == *"sh: nosuch: not found"* ]]
    [[ "$output" == *'still here'* ]]
}
