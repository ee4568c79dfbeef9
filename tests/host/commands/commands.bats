#!/usr/bin/env bats
# Samsara's everyday commands against the host's GNU tools: each test runs
# ours ($COMMANDS_BIN/<name>) and the host's (found on PATH through env, so
# that it names itself as ours does) on the same input and compares stdout,
# stderr and exit status byte for byte. Usage errors compare only the
# status, as GNU prints "Try '<cmd> --help'" where we print a usage line.
# Run through run-tests.sh, which builds the commands.

load common

@test "cat_copies_files_and_stdin_in_order" {
    STDIN=words.txt compare cat nums.txt - nonl.txt empty.txt binary.bin
}

@test "cat_n_numbers_lines_across_files" {
    compare cat -n words.txt nonl.txt nums.txt
}

@test "cat_reports_missing_file_and_continues" {
    compare cat words.txt /nope nums.txt
}

@test "cat_reports_a_directory" {
    mkdir d
    compare cat d
}

@test "cat_bad_option_is_a_usage_error" {
    compare_usage cat -z
}

@test "cat_copies_megabytes_exactly" {
    seq 1 500000 > big.txt
    compare cat big.txt
    compare cat -n big.txt
}

# --- echo, true, false, pwd, basename, dirname, yes ---

@test "echo_joins_arguments" {
    compare echo hello '  two  ' three
    compare echo -n no newline
    compare echo -e 'tab\there\nnewline\0101\c ignored'
    compare echo -E 'raw\t' -x -n
    compare echo
}

@test "true_and_false_set_status" {
    compare true
    compare false
}

@test "pwd_prints_working_directory" {
    mkdir -p a/b && cd a/b
    compare pwd
    compare pwd -P
    PWD=$PWD compare pwd -L
}

@test "basename_and_dirname_split_paths" {
    for path in /usr/lib/libc.so usr/ / // a/b// file '' /a ./x ../y/; do
        compare basename "$path"
        compare dirname "$path"
    done
    compare basename /usr/lib/libc.so .so
    compare basename .so .so
    compare dirname a/b c/d/e
}

@test "basename_and_dirname_report_missing_operand" {
    compare_usage basename
    compare_usage dirname
}

@test "yes_repeats_until_the_reader_stops" {
    "$B/yes" | head -n 5 > ours.out
    yes | head -n 5 > host.out
    cmp ours.out host.out
    "$B/yes" a b | head -c 100000 > ours.out
    yes a b | head -c 100000 > host.out
    cmp ours.out host.out
}

# --- seq ---

@test "seq_counts_up_and_down" {
    compare seq 5
    compare seq 3 7
    compare seq 10 -3 -5
    compare seq -2 2
    compare seq 5 1
    compare seq 1 3 20
    compare seq -w 8 11
    compare seq -w -5 3
    compare seq -s , 1 5
}

@test "seq_rejects_bad_arguments" {
    compare_usage seq
    compare_usage seq x
    compare_usage seq 1 0 5
}

# --- mkdir, rmdir, touch ---

@test "mkdir_creates_directories" {
    "$B/mkdir" d1 d2
    [ -d d1 ] && [ -d d2 ]
    "$B/mkdir" -p p/q/r p/q
    [ -d p/q/r ]
    "$B/mkdir" -m 700 m
    [ "$(stat -c %a m)" = 700 ]
}

@test "mkdir_reports_existing_and_missing_parents" {
    mkdir exists
    compare mkdir exists
    compare mkdir no/parent
    touch file
    compare mkdir -p file/sub
}

@test "rmdir_removes_empty_directories" {
    mkdir -p x/y/z
    "$B/rmdir" -p x/y/z
    [ ! -e x ]
    mkdir full && touch full/f
    compare rmdir full
    compare rmdir /nope
    compare rmdir full/f
}

@test "touch_creates_files_and_keeps_existing_ones" {
    echo data > kept
    "$B/touch" new kept
    [ -f new ] && [ ! -s new ] && [ "$(cat kept)" = data ]
    "$B/touch" -c absent
    [ ! -e absent ]
    mkdir dir && "$B/touch" dir
    compare touch /nope/x
}

# --- rm ---

@test "rm_removes_files_and_trees" {
    mkdir -p t/a/b && touch t/a/b/f t/g f1 f2
    ln -s /etc t/link
    "$B/rm" f1 f2
    [ ! -e f1 ] && [ ! -e f2 ]
    "$B/rm" -r t
    [ ! -e t ] && [ -d /etc ]
}

@test "rm_reports_like_gnu" {
    mkdir d
    compare rm /nope
    compare rm d
    compare rm -f /nope
    compare rm -f
    compare_usage rm
    compare rm -r .
}

@test "rm_i_asks_before_each_removal" {
    printf 'y\nn\ny\n' > answers
    mkdir w && cd w
    touch a b && echo x > c
    "$B/rm" -i a b c < ../answers 2> ../ours.err
    ls > ../ours.left
    touch a b && echo x > c
    rm -i a b c < ../answers 2> ../host.err
    ls > ../host.left
    diff ../host.err ../ours.err && diff ../host.left ../ours.left
    [ ! -e a ] && [ -e b ] && [ ! -e c ]
}

# --- cp, mv, ln ---

@test "cp_copies_files_and_into_directories" {
    seq 1 100000 > src
    chmod 640 src
    "$B/cp" src dst
    cmp src dst
    [ "$(stat -c %a dst)" = 640 ]
    mkdir into
    "$B/cp" src words.txt into
    cmp src into/src && cmp words.txt into/words.txt
}

@test "cp_r_copies_trees_and_p_keeps_mode" {
    mkdir -p tree/a/b && echo one > tree/a/b/f && echo two > tree/g && chmod 600 tree/g
    ln -s g tree/link
    "$B/cp" -r tree copy
    diff -r tree copy
    [ -L copy/link ] && [ "$(readlink copy/link)" = g ]
    "$B/cp" -rp tree copy2
    [ "$(stat -c %a copy2/g)" = 600 ]
}

@test "cp_reports_like_gnu" {
    mkdir d
    compare cp /nope x
    compare cp d e
    compare cp words.txt words.txt
    compare cp words.txt nums.txt notadir
    "$B/cp" -r d d/inside 2> ours.err && return 1
    [ "$(cat ours.err)" = "cp: cannot copy a directory, 'd', into itself, 'd/inside'" ]
    compare_usage cp
    compare_usage cp words.txt
}

@test "mv_renames_and_moves_into_directories" {
    echo a > a && mkdir d
    "$B/mv" a b
    [ ! -e a ] && [ "$(cat b)" = a ]
    "$B/mv" b d
    [ "$(cat d/b)" = a ]
    mkdir -p s/t && "$B/mv" s d
    [ -d d/s/t ]
    compare mv /nope x
}

@test "mv_copies_across_file_systems" {
    [ -d /dev/shm ] && [ -w /dev/shm ] || skip "no second file system"
    other=$(mktemp -d /dev/shm/mvtest.XXXXXX)
    mkdir -p tree/sub && seq 1 1000 > tree/sub/f && chmod 751 tree/sub
    "$B/mv" tree "$other/tree"
    status=$?
    result=$(seq 1 1000 | cmp - "$other/tree/sub/f" && stat -c %a "$other/tree/sub")
    rm -rf "$other"
    [ "$status" = 0 ] && [ ! -e tree ] && [ "$result" = 751 ]
}

@test "ln_makes_hard_and_symbolic_links" {
    echo a > target
    "$B/ln" target hard
    [ "$(stat -c %i target)" = "$(stat -c %i hard)" ]
    "$B/ln" -s target soft
    [ "$(readlink soft)" = target ]
    "$B/ln" -sf words.txt soft
    [ "$(readlink soft)" = words.txt ]
    mkdir d && "$B/ln" -s /etc/passwd d
    [ "$(readlink d/passwd)" = /etc/passwd ]
    compare ln nonexist x
    compare ln -s target soft
    compare ln target hard
}

# --- ls ---

make_tree() {
    mkdir -p tree/sub/deeper tree/.hidden tree/empty
    printf 'x%.0s' $(seq 1 5000) > tree/big
    echo small > tree/small
    touch tree/sub/file tree/.dotfile tree/sub/deeper/leaf
    chmod 4755 tree/small
    chmod 1777 tree/empty
    ln -s small tree/link
}

@test "ls_lists_sorted_names" {
    make_tree
    compare ls tree
    compare ls -a tree
    compare ls -A tree
    compare ls -1 tree tree/sub
    cd tree && compare ls
}

@test "ls_l_long_format_matches_gnu" {
    make_tree
    compare ls -l tree
    compare ls -la tree
    compare ls -ln tree
    compare ls -l tree/small tree/big tree/link
    compare ls -ld tree tree/sub
}

@test "ls_R_recurses" {
    make_tree
    compare ls -R tree
    compare ls -lR tree
    cd tree && compare ls -R
}

@test "ls_d_and_mixed_operands" {
    make_tree
    compare ls -d tree tree/sub tree/big
    compare ls tree/big tree/sub tree/small tree/empty
}

@test "ls_reports_missing_operands" {
    make_tree
    compare ls /nope
    compare ls tree/small /nope
    compare_usage ls -z
}

# --- wc ---

@test "wc_counts_lines_words_bytes" {
    STDIN=words.txt compare wc
    STDIN=words.txt compare wc -l
    compare wc words.txt
    compare wc -w words.txt
    compare wc -c nonl.txt
    compare wc -lc words.txt nums.txt nonl.txt empty.txt binary.bin
    compare wc words.txt /nope nums.txt
    STDIN=nums.txt compare wc words.txt -
}

@test "wc_counts_megabytes" {
    seq 1 500000 > big.txt
    compare wc big.txt
    STDIN=big.txt compare wc
}

# --- head, tail ---

@test "head_prints_first_lines_and_bytes" {
    seq 1 100 > h
    compare head h
    compare head -n 3 h
    compare head -3 h
    compare head -c 25 h
    compare head -n 0 h
    compare head -n -95 h
    compare head -c -280 h
    compare head -n 2 words.txt nonl.txt
    compare head -q -n 1 words.txt nums.txt
    compare head -v -n 1 nonl.txt
    STDIN=h compare head -n 4
    compare head -n 2 words.txt /nope
    compare head -n x h
}

@test "tail_prints_last_lines_and_bytes" {
    seq 1 100 > h
    compare tail h
    compare tail -n 3 h
    compare tail -3 h
    compare tail -n +97 h
    compare tail -c 10 h
    compare tail -c +285 h
    compare tail -n 0 h
    compare tail -n 2 nonl.txt words.txt
    compare tail -n 1 empty.txt
    STDIN=h compare tail -n 4
    compare tail -n 2 /nope h
}

# --- cmp ---

@test "cmp_finds_first_difference" {
    printf 'abc\ndef\n' > c1
    printf 'abc\ndxf\n' > c2
    printf 'abc\n' > c3
    printf 'abc' > c4
    compare cmp c1 c1
    compare cmp c1 c2
    compare cmp -s c1 c2
    compare cmp -l c1 c2
    compare cmp c1 c3
    compare cmp c4 c1
    compare cmp empty.txt c1
    compare cmp c1 /nope
    compare_usage cmp
}

# --- tr ---

@test "tr_translates_deletes_and_squeezes" {
    STDIN=words.txt compare tr a-z A-Z
    STDIN=words.txt compare tr abc xy
    STDIN=words.txt compare tr '[:lower:]' '[:upper:]'
    STDIN=words.txt compare tr -d 'aeiou\n'
    STDIN=words.txt compare tr -s 'p'
    STDIN=words.txt compare tr -s 'a-z' 'A-Z'
    STDIN=words.txt compare tr -cd 'a-z\n'
    STDIN=words.txt compare tr -c 'a-z' '_'
    STDIN=words.txt compare tr -ds 'a' 'p'
    STDIN=binary.bin compare tr '\000\001\377' 'XYZ'
    STDIN=words.txt compare tr 'a-c' '[x*]'
    STDIN=words.txt compare tr 'abcdef' 'x[y*2]z'
    compare_usage tr
}

# --- cut ---

@test "cut_selects_bytes_and_fields" {
    compare cut -c 1-3 words.txt
    compare cut -b 2,4- words.txt
    compare cut -c -2,5 words.txt
    compare cut -d : -f 1,6 colon.txt
    compare cut -d : -f 3- colon.txt
    compare cut -s -d : -f 1 colon.txt
    printf 'a\tb\tc\nno tabs\n' > tabs
    compare cut -f 2 tabs
    compare cut -f 1 tabs /nope
    compare_usage cut
}

# --- uniq ---

@test "uniq_collapses_adjacent_lines" {
    printf 'a\na\nb\nc\nc\nc\nA\na\n' > u
    compare uniq u
    compare uniq -c u
    compare uniq -d u
    compare uniq -u u
    compare uniq -i -c u
    STDIN=u compare uniq
    compare uniq /nope
    "$B/uniq" u uniq.out && uniq u > expected && cmp uniq.out expected
}

# --- sort ---

@test "sort_orders_lines" {
    compare sort words.txt
    compare sort -r words.txt
    compare sort -u words.txt
    compare sort -f words.txt
    compare sort -b words.txt
    compare sort words.txt nums.txt nonl.txt
    STDIN=words.txt compare sort
}

@test "sort_n_compares_numbers" {
    compare sort -n nums.txt
    compare sort -nr nums.txt
    compare sort -nu nums.txt
    compare sort -n -s nums.txt
}

@test "sort_k_and_t_select_keys" {
    compare sort -t : -k 3 colon.txt
    compare sort -t : -k 3n colon.txt
    compare sort -t : -k 3,3nr colon.txt
    compare sort -t : -k 6,6 -k 1,1 colon.txt
    printf 'b 2 x\na 10 y\nc 2 a\nd 1 z\n  e 3 q\n' > keys
    compare sort -k 2n keys
    compare sort -k 2,2n -k 3,3r keys
    compare sort -k 1.2 keys
    compare sort -k 2 keys
    compare sort -s -k 2,2n keys
    compare sort -k 2,2n -u keys
    compare sort -b -k 1,1 keys
}

@test "sort_reports_like_gnu" {
    compare sort /nope
    compare_usage sort -j
}

@test "sort_sorts_megabytes" {
    seq 1 300000 | sort -R --random-source=/dev/zero > big.txt
    compare sort big.txt
    compare sort -n big.txt
    compare sort -rn big.txt
}

@test "sort_o_writes_over_its_input" {
    cp words.txt w
    "$B/sort" -o w w
    sort words.txt | cmp - w
}

# --- grep ---

@test "grep_basic_regular_expressions" {
    compare grep apple words.txt
    compare grep '^a' words.txt
    compare grep 'e$' words.txt
    compare grep 'an*a' words.txt
    compare grep '[bc]h*[ae]' words.txt
    compare grep '[^a-z]' words.txt
    compare grep 'p\{2\}' words.txt
    compare grep '\(an\)\1' words.txt
    compare grep 'a.p' words.txt
    compare grep 'e\|g' words.txt
    compare grep '[[:space:]]' words.txt
    compare grep '*' words.txt
    compare grep 'x*' words.txt
    compare grep '\<tree' words.txt
}

@test "grep_extended_regular_expressions" {
    compare grep -E 'ap+le|cher' words.txt
    compare grep -E '^(ba|ch)' words.txt
    compare grep -E '(an){2}' words.txt
    compare grep -E 'e{1,2}l?' words.txt
    compare grep -E '^[0-9]+$' nums.txt
    compare grep -E '^-?[0-9]+(\.[0-9]+)?$' nums.txt
    compare grep -E '(a|b)*c' words.txt
    compare grep -E 'a{,1}p' words.txt
    compare grep -E '^$|x' empty.txt words.txt
}

@test "grep_options" {
    compare grep -v apple words.txt
    compare grep -i banana words.txt
    compare grep -c apple words.txt nums.txt
    compare grep -n a words.txt
    compare grep -l a words.txt nums.txt colon.txt
    compare grep -L a words.txt nums.txt colon.txt
    compare grep -q apple words.txt
    compare grep -q nothing words.txt
    compare grep -x apple words.txt
    compare grep -w fig words.txt
    compare grep -w ppl words.txt
    compare grep -h a words.txt nums.txt
    compare grep -H a words.txt
    compare grep -e apple -e fig words.txt
    compare grep -F 'a.p' words.txt
    compare grep -F -i -x APPLE words.txt
    printf 'fig\ndate\n' > pats
    compare grep -f pats words.txt
    STDIN=words.txt compare grep -n e
    STDIN=words.txt compare grep -c e - nums.txt
}

@test "grep_regex_engine_backtracks_correctly" {
    printf 'aaab\nabab\nabcd\nxyz\nabcbcd\naaaa\nab\n\nfoo.bar\nfoobar\n' > re
    compare grep '\(a*\)*b' re
    compare grep -E '(a|ab)(c|bcd)(d*)$' re
    compare grep -E '^(ab)+$' re
    compare grep -E '^(a+)+$' re
    compare grep '\(a\)\(b\)\2*' re
    compare grep -E '^.{4}$' re
    compare grep -E '^.{2,3}$' re
    compare grep 'foo\.bar' re
    compare grep -E 'o{2}(\.|b)' re
    compare grep -E '()|x' re
    compare grep '^$' re
    compare grep -c '' re
    compare grep -E 'b\b' re
    compare grep -iE 'A{3}B' re
}

@test "grep_scans_megabytes" {
    seq 1 300000 > big.txt
    compare grep -c '7.*7' big.txt
    compare grep -E '^(12|99)9+$' big.txt
    compare grep -v -c 5 big.txt
}

@test "grep_reports_errors_with_status_2" {
    compare grep a /nope words.txt
    compare grep -s a /nope
    compare grep -q apple /nope words.txt
    compare grep '\(' words.txt
    compare grep -E 'a{1' words.txt
    compare grep '[a' words.txt
    compare_usage grep
    compare_usage grep -Y x
}

# --- od, cksum ---

@test "od_dumps_in_several_formats" {
    compare od binary.bin
    compare od -c binary.bin
    compare od -x binary.bin
    compare od -b binary.bin
    compare od -d binary.bin
    compare od -A d -c words.txt
    compare od -A x -x words.txt
    compare od -A n -c binary.bin
    head -c 100 /dev/zero > zeros
    compare od zeros
    compare od -v zeros
    compare od empty.txt
    STDIN=nonl.txt compare od -c
    compare od words.txt nonl.txt
    compare od /nope
}

@test "cksum_matches_posix_crc" {
    compare cksum words.txt nums.txt empty.txt binary.bin
    STDIN=words.txt compare cksum
    compare cksum /nope words.txt
    seq 1 500000 > big.txt
    compare cksum big.txt
}

# --- env, printf, expr ---

@test "env_prints_and_changes_the_environment" {
    compare env -i A=1 B=two
    compare env -i A=1 "$B/env"
    FOO=bar compare env -u FOO -i X=y
    compare env -i /nope
    compare env -i "$BATS_TEST_TMPDIR"
    compare_usage env -z
}

@test "printf_formats_arguments" {
    compare printf 'plain\n'
    compare printf '%s-%d-%i|%5s|%-5s|%.2s\n' a 42 -7 r l precision
    compare printf '%x %X %o %u %c %%\n' 255 255 8 3000000000 xyz
    compare printf '%05d|%+d|% d|%#x|%#o\n' 42 5 7 255 8
    compare printf '%*d|%-*d|%.*s\n' 5 1 4 2 3 abcdef
    compare printf '%s\n' one two three
    compare printf '%s=%d\n' a 1 b
    compare printf 'tab\there\\ \101\x41 \n'
    compare printf '%b|%b\n' 'a\tb' 'c\0101'
    compare printf '%d %d %d\n' 0x10 010 "'A"
    compare printf '%d\n' abc 12abc
    compare printf 'stop\c here'
}

@test "expr_evaluates_expressions" {
    compare expr 1 + 2
    compare expr 7 \* 6 - 2
    compare expr 17 / 5 % 3
    compare expr \( 1 + 2 \) \* 3
    compare expr 3 \< 10
    compare expr abc \< abd
    compare expr 10 = 10
    compare expr a != a
    compare expr 0 \| 5
    compare expr 0 \& 5
    compare expr '' \| 0
    compare expr abcdef : 'a\(.*\)e'
    compare expr abcdef : 'abc'
    compare expr abcdef : 'x'
    compare expr length hello
    compare expr substr hello 2 3
    compare expr index hello l
    compare expr match abc 'a.'
    compare expr -5 + 3
}

@test "expr_reports_errors" {
    compare expr 1 / 0
    compare expr a + 1
    compare expr 1 +
    compare expr 1 2
    compare expr \( 1
}

# --- sleep ---

@test "sleep_waits_whole_seconds" {
    compare sleep 0
    compare sleep 0 0
    start=$(date +%s)
    "$B/sleep" 1
    end=$(date +%s)
    [ $((end - start)) -ge 1 ]
}

@test "sleep_rejects_non_numbers" {
    compare_usage sleep abc
    compare_usage sleep
    compare_usage sleep 1x
}

# --- kill ---

@test "kill_l_lists_and_translates_signal_names" {
    run "$B/kill" -l
    [ "$status" -eq 0 ]
    [ "$(echo "$output" | head -n 15 | tr '\n' ' ')" = "HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM " ]
    # The numbers are the host's (Linux's, as Samsara's): compare with bash's kill.
    for sig in HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM CHLD CONT STOP; do
        [ "$("$B/kill" -l "$sig")" = "$(kill -l "$sig")" ]
        [ "$("$B/kill" -l "SIG$sig")" = "$(kill -l "$sig")" ]
    done
    [ "$("$B/kill" -l 9)" = KILL ]
    [ "$("$B/kill" -l 143)" = TERM ]
    run "$B/kill" -l NOSUCH
    [ "$status" -eq 1 ]
}

@test "kill_sends_signals" {
    sleep 30 & pid=$!
    "$B/kill" "$pid"
    wait "$pid" || st=$?
    [ "$st" -eq $((128 + 15)) ]
    sleep 30 & pid=$!
    "$B/kill" -KILL "$pid"
    wait "$pid" || st=$?
    [ "$st" -eq $((128 + 9)) ]
    sleep 30 & pid=$!
    "$B/kill" -s USR1 "$pid"
    wait "$pid" || st=$?
    [ "$st" -eq $((128 + 10)) ]
    sleep 30 & pid=$!
    "$B/kill" -1 "$pid"
    wait "$pid" || st=$?
    [ "$st" -eq $((128 + 1)) ]
    "$B/kill" -0 $$
}

@test "kill_reports_errors" {
    run "$B/kill" 999999999
    [ "$status" -eq 1 ]
    [ "$output" = "kill: 999999999: No such process" ]
    run "$B/kill" -NOSUCH 1
    [ "$status" -eq 1 ]
    run "$B/kill"
    [ "$status" -eq 1 ]
    [[ "$output" == *"usage: "* ]]
    run "$B/kill" abc
    [ "$status" -eq 1 ]
}

# --- uname, hostname ---

@test "uname_fields_match_the_host" {
    # On the host the values are Linux's; inside Samsara -s prints Samsara.
    compare uname
    compare uname -s
    compare uname -n
    compare uname -r
    compare uname -v
    compare uname -m
    compare uname -snrvm
    compare uname -m -s
    compare_usage uname -z
    compare_usage uname extra
}

@test "uname_a_prints_the_five_fields" {
    [ "$("$B/uname" -a)" = "$(uname -snrvm)" ]
}

@test "hostname_prints_the_node_name" {
    [ "$("$B/hostname")" = "$(uname -n)" ]
    run "$B/hostname" -z
    [ "$status" -eq 1 ]
}

# --- date ---

# date_like FORMAT...: ours and the host's date -u, allowing for the second
# that may tick between the two.
date_like() {
    local a b c
    a=$(date -u "$@")
    b=$("$B/date" "$@")
    c=$(date -u "$@")
    [ "$b" = "$a" ] || [ "$b" = "$c" ] || { echo "ours '$b', host '$a'/'$c'"; return 1; }
}

@test "date_matches_the_host" {
    date_like
    date_like +%Y-%m-%d
    date_like '+%a %A %b %B %d %e %H %I %j %m %M %p %S %u %w %y %Y %Z %z %%'
    date_like +%F_%T
    date_like +%s
    date_like +
    date_like '+plain text'
    run "$B/date" -u +%Y
    [ "$output" = "$(date -u +%Y)" ]
}

@test "date_default_has_the_expected_shape" {
    run "$B/date"
    [[ "$output" =~ ^[A-Z][a-z][a-z]\ [A-Z][a-z][a-z]\ [\ 0-9][0-9]\ [0-9][0-9]:[0-9][0-9]:[0-9][0-9]\ UTC\ [0-9]{4}$ ]]
}

@test "date_rejects_bad_operands" {
    compare_usage date -z
    compare_usage date yesterday
    compare_usage date +%Y extra
}

# --- sync, clear ---

@test "sync_succeeds" {
    compare sync
}

@test "clear_writes_the_ansi_sequence" {
    [ "$("$B/clear" | od -An -c | tr -s ' ')" = "$(printf '\033[H\033[2J' | od -An -c | tr -s ' ')" ]
    run "$B/clear" x
    [ "$status" -eq 1 ]
}

# --- chmod ---

# chmod_like MODE: the mode ours and the host's give a file that starts as START.
chmod_like() {
    local mode=$1 start=${2:-644} kind=${3:-f} ours host
    rm -rf t; if [ "$kind" = d ]; then mkdir t; else : > t; fi
    chmod "$start" t; "$B/chmod" "$mode" t; ours=$(stat -c %a t)
    chmod "$start" t; chmod "$mode" t; host=$(stat -c %a t)
    [ "$ours" = "$host" ] || { echo "chmod $mode from $start: host $host, ours $ours"; return 1; }
}

@test "chmod_octal_and_symbolic_modes_match_the_host" {
    # Without u/g/o/a ours ignores the umask (Samsara has none); GNU uses it.
    umask 000
    for m in 755 0600 4755 1777 000 u+x go-w a=r u=rwx,g=rx,o= o=u g+s,o+t \
            u-s =rw +x -w a+X ug=w,o-r u+rw-x a-rwx +t; do
        chmod_like "$m"
        chmod_like "$m" 751
        chmod_like "$m" 7000
    done
    chmod_like a+X 644 d
    chmod_like a+X 640
    chmod_like a+X 740
}

@test "chmod_changes_several_files" {
    : > a; : > b
    compare chmod 600 a b
    [ "$(stat -c %a a)" = 600 ]
    [ "$(stat -c %a b)" = 600 ]
}

@test "chmod_reports_errors" {
    compare chmod 644 /nope words.txt
    compare_usage chmod
    compare_usage chmod 644
    compare_usage chmod 9 words.txt
    compare_usage chmod u+q words.txt
    compare_usage chmod 'u+x,' words.txt
}

# --- tee ---

@test "tee_copies_stdin_to_stdout_and_files" {
    STDIN=words.txt compare tee
    STDIN=binary.bin compare tee
    "$B/tee" o1 o2 < words.txt > o0
    cmp words.txt o0
    cmp words.txt o1
    cmp words.txt o2
    echo old > o1
    "$B/tee" -a o1 < nums.txt > /dev/null
    [ "$(cat o1)" = "$(echo old; cat nums.txt)" ]
    "$B/tee" o1 < nonl.txt > /dev/null
    cmp nonl.txt o1
}

@test "tee_reports_a_bad_file_and_goes_on" {
    STDIN=words.txt compare tee /nope/x
    "$B/tee" /nope/x good < words.txt > o0 2> err || st=$?
    [ "$st" -eq 1 ]
    cmp words.txt good
    cmp words.txt o0
    compare_usage tee -z
}

@test "tee_copies_megabytes" {
    seq 1 300000 > big.txt
    "$B/tee" copy < big.txt | cmp - big.txt
    cmp copy big.txt
}

# --- which ---

@test "which_searches_path_like_the_host" {
    mkdir -p d1 d2
    printf '#!/bin/sh\n' > d1/prog; printf '#!/bin/sh\n' > d2/prog; printf '#!/bin/sh\n' > d2/other
    chmod +x d1/prog d2/prog d2/other
    : > d1/notexec
    mkdir d1/adir; chmod +x d1/adir
    # compare itself needs mkdir, env and the host's which: keep /usr/bin:/bin.
    local sys=/usr/bin:/bin
    PATH="$PWD/d1:$PWD/d2:$sys" compare which prog other notexec adir nosuch-zz
    PATH="$PWD/d1:$PWD/d2:$sys" compare which prog
    PATH="$PWD/d1:$PWD/d2:$sys" compare which -a prog
    PATH="$PWD/d1:$PWD/d2:$sys" compare which nosuch-zz
    PATH="$PWD/d2:$sys" compare which d1/prog ./d1/notexec "$PWD/d2/other"
    PATH="$PWD/d1:$PWD/d2:$sys" compare which
}

@test "which_finds_ls" {
    [ "$("$B/which" ls)" = "$(which ls)" ]
}

# --- id, whoami ---

@test "id_and_whoami_match_the_host" {
    compare id -u
    compare id -g
    compare id -un
    compare id -gn
    compare whoami
    # The host adds groups=...; ours stops after gid.
    [[ "$(id)" == "$("$B/id")"* ]]
    compare_usage id -z
    compare_usage id -n
    compare_usage whoami x
}

# --- a pipeline ---

@test "pipeline_matches_the_host" {
    ours=$("$B/seq" 1 5000 | "$B/sort" -r | "$B/uniq" -c | "$B/sort" -n | "$B/head" -n 5 | "$B/cksum")
    host=$(seq 1 5000 | sort -r | uniq -c | sort -n | head -n 5 | cksum)
    [ "$ours" = "$host" ]
    ours=$("$B/cat" words.txt | "$B/tr" a-z A-Z | "$B/grep" -v APPLE | "$B/cut" -c 1-4 | "$B/sort" -u | "$B/wc" -l)
    host=$(cat words.txt | tr a-z A-Z | grep -v APPLE | cut -c 1-4 | sort -u | wc -l)
    [ "$ours" = "$host" ]
}
