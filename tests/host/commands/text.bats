#!/usr/bin/env bats
# The text and file-tree commands (sed, diff, find, xargs, more, tail -f,
# tr) against the host's GNU tools, as in commands.bats: stdout, stderr and
# exit status byte for byte, usage errors by status. Run through
# run-tests.sh, which builds the commands.

load common

# compare_filtered FILTER CMD ARGS...: as compare, but stdout goes through
# the command or function FILTER on both sides before comparing.
compare_filtered() {
    local filter=$1 cmd=$2 ours=0 host=0 o=$BATS_TEST_TMPDIR/out
    shift 2
    mkdir -p "$o"
    "$B/$cmd" "$@" < "${STDIN:-/dev/null}" > "$o/ours.raw" 2> "$o/ours.err" || ours=$?
    env "$cmd" "$@" < "${STDIN:-/dev/null}" > "$o/host.raw" 2> "$o/host.err" || host=$?
    $filter < "$o/ours.raw" > "$o/ours.out"
    $filter < "$o/host.raw" > "$o/host.out"
    cmp -s "$o/ours.out" "$o/host.out" || { echo "stdout differs: $cmd $*"; diff "$o/host.out" "$o/ours.out" | head -40; return 1; }
    cmp -s "$o/ours.err" "$o/host.err" || { echo "stderr differs: $cmd $*"; diff "$o/host.err" "$o/ours.err"; return 1; }
    [ "$ours" = "$host" ] || { echo "status differs: $cmd $*: host $host, ours $ours"; return 1; }
}

# text.bats' own fixtures, beside common.bash's.
text_fixtures() {
    printf 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n' > ten.txt
    printf 'hello world\nfoo bar baz\n\nHello again\nlast line' > hello.txt
}

# --- sed ---

@test "sed_prints_deletes_and_quits_by_line_number_last_line_and_regex" {
    text_fixtures
    export STDIN=ten.txt
    for script in p 2,4d 3q '3q7' '2Q' '$d' '$!d' '2!d' '2,5!d' '/t/p' '5,3p' '$=' =; do
        compare sed -e "$script"
        compare sed -n -e "$script"
    done
}

@test "sed_ranges_with_regex_step_plus_and_zero_addresses" {
    text_fixtures
    export STDIN=ten.txt
    for script in '/^t/,/^f/d' '0,/o/d' '1,/o/d' '2,+2d' '3,~4d' '0~3p' '1~2d' \
        '/four/,3p' '/x/I,+1p' '/two/,+2{/three/d}' '/o/,/e/d'; do
        compare sed -e "$script"
        compare sed -n -e "$script"
    done
}

@test "sed_substitutes_with_flags_groups_and_any_delimiter" {
    text_fixtures
    export STDIN=ten.txt
    for script in 's/e/E/' 's/e/E/g' 's/e/E/2' 's/e/E/2g' 's/e/E/gp' 's/\(.\)\(.\)/\2\1/' \
        's/o*/X/g' 's/[aeiou]/<&>/g' 's/T/x/I' 's|e|/|g' 's,\,,x,' 's/e/a\&b/' \
        's/\(o\)\(n\)\(e\)/\3\2\1\n/' 's/e/\t/g' 's/.*/\U&/' 's/\w\+/[\u&]/' \
        's/e\|o/_/g' 's/\</[/g' 's/x*$/!/' 's/./&\n/3;P;D' 's/[/]/x/' 's/o/0/w /dev/stdout'; do
        compare sed -e "$script"
    done
    compare sed -E 's/(o+)|(e+)/[\1\2]/g'
    compare sed -r 's/t(w|h)/<&>/; s/^(.)(.*)$/\2\1/'
}

@test "sed_y_text_commands_blocks_and_branches" {
    text_fixtures
    export STDIN=ten.txt
    for script in 'y/abcdefghij/ABCDEFGHIJ/' 'y/\n/x/' '2i\
inserted' '2a appended' '2,3c\
changed' '$a\
end1\
end2' '2c foo' 'c\' '3{p;p}' '/e/{/n/d}' '2{s/t/T/;s/w/W/}' '$!{$!d}' '2,4!{s/^/#/}' \
        ':a;N;$!ba;s/\n/+/g' 's/o/0/;ta;s/$/-/;:a' 's/o/0/;Tb;s/$/!/;:b' '2q;a X' \
        'a\  kept' 'a   one-line \t text'; do
        compare sed -e "$script"
    done
    compare sed -e 'a\' -e 'continued\' -e 'over pieces'
    compare sed -n -e '/two/{' -e 'p;=' -e '}'
}

@test "sed_hold_space_next_and_the_last_line_without_newline" {
    text_fixtures
    for input in ten.txt hello.txt; do
        for script in 'h;$!d;x' G 'x;G' 'H;$!d;x;s/\n/,/g' '1!G;h;$!d' 'n;d' 'N;N;s/\n/ /g' \
            '$!N;P;D' 'N;P;D' p 'a x' 'i x' l 'l 5' 'l 0' 'c X' 'r ten.txt' z; do
            STDIN=$input compare sed -e "$script"
        done
    done
}

@test "sed_reads_files_as_one_stream_or_separately_with_s" {
    text_fixtures
    compare sed -n '$=' ten.txt hello.txt ten.txt
    compare sed -s -n '$=;1p' ten.txt hello.txt
    compare sed -s 'N;P;D' hello.txt ten.txt
    compare sed -s x hello.txt ten.txt
    compare sed F ten.txt
}

@test "sed_scripts_from_f_and_the_hash_n_line" {
    text_fixtures
    printf '2,3{\n  s/t/T/\n  p\n}\n$a\\\nthe end\n' > script.sed
    compare sed -f script.sed ten.txt
    printf '#n\n/e/p\n' > quiet.sed
    compare sed -f quiet.sed ten.txt
    compare sed -f script.sed -e '1d' ten.txt
}

@test "sed_i_edits_files_in_place_keeping_a_backup" {
    text_fixtures
    cp ten.txt ours.txt
    cp ten.txt host.txt
    "$B/sed" -i.orig -e '2d;s/o/0/' ours.txt
    sed -i.orig -e '2d;s/o/0/' host.txt
    cmp ours.txt host.txt
    cmp ours.txt.orig ten.txt
    "$B/sed" -i 's/$/!/' ours.txt hello.txt
    sed -i 's/$/!/' host.txt
    cmp ours.txt host.txt
}

@test "sed_reports_script_errors_with_their_place" {
    text_fixtures
    export STDIN=ten.txt
    for script in 's/a/b' k 'p x' 's/a/b/q' /abc 'y/ab/c/' '{p' '}' 'bfoo' 's/\(a\)/\2/' \
        '3,p' a 's/a/b/gg' 's/a/b/2p3' 's/a/b/0' 'y/a/' 's/x/y/w' r '5!!p' 0p '0,5p' \
        's/\(/x/' '/[/p' '1:a' '1#x' 1 '//p' 'q 5 x' 1,2q; do
        compare sed -e "$script"
    done
    compare sed -e '1{' -e '2{' -e p
    compare sed -f /nonexistent
}

@test "sed_reports_unreadable_input_and_goes_on" {
    text_fixtures
    compare sed p ten.txt /nonexistent hello.txt
    compare sed -n '$p' ten.txt /nonexistent
}

@test "sed_bad_option_or_no_script_is_a_usage_error" {
    compare_usage sed
    compare_usage sed -k p
    compare_usage sed -e
}

# --- tr ---

@test "tr_classes_equivalence_classes_and_repeats" {
    printf 'Hello World 123\tfoo-bar\n' > in.txt
    export STDIN=in.txt
    compare tr '[:lower:]' '[:upper:]'
    compare tr '[:upper:][:lower:]' '[:lower:][:upper:]'
    compare tr -d '[:digit:][:space:]'
    compare tr -cd '[:alpha:]'
    compare tr -s '[:alpha:]' '[x*]'
    compare tr '[=o=]' 0
    compare tr -d '[=l=]'
    compare tr -s '[=l=]'
    compare tr a-z '[A*3]x'
    compare tr a-z '[A*]'
    compare tr abc '[x*]yz'
    compare tr a '[b*010]'
    compare tr '[a-z*2]' x
    compare tr 'x[:lower:]' 'y[:upper:]'
    compare tr -c a-z '[:upper:]z'
}

@test "tr_rejects_what_gnu_rejects_in_its_sets" {
    export STDIN=/dev/null
    compare tr -d '[=ab=]'
    compare tr '[:foo:]' x
    compare tr a-z '[:digit:]'
    compare tr '[:digit:]' '[:lower:]'
    compare tr lo '[=x=]Y'
    compare tr a-z '[:upper:]'
    compare tr '[:lower:]x' '[:upper:]'
    compare tr -c a '[:upper:]'
    compare tr '[b*]' x
    compare tr a '[b*]c[d*]'
    compare tr a '[b*z]'
    compare tr z-a x
}

# --- diff ---

# compare_diff ARGS...: as compare, but the dates in "---" and "+++" headers
# are left out (GNU prints nanoseconds, Samsara's stat has seconds).
compare_diff() {
    compare_filtered without_dates diff "$@"
}

without_dates() {
    sed 's/^\(---\|+++\) \([^\t]*\)\t.*/\1 \2/'
}

# diff_pair SEED LINES ALPHABET: writes a.txt and b.txt, b an edited copy of a.
diff_pair() {
    awk -v seed="$1" -v n="$2" -v k="$3" 'BEGIN {
        srand(seed)
        for (i = 0; i < n; i++) a[i] = int(rand() * k)
        for (i = 0; i < n; i++) print a[i] > "a.txt"
        for (i = 0; i < n; i++) {
            r = rand()
            if (r < 0.05) continue
            if (r < 0.10) print int(rand() * k) > "b.txt"
            if (r < 0.13) print "new" i > "b.txt"
            else print a[i] > "b.txt"
        }
    }'
}

@test "diff_normal_format_marks_added_deleted_and_changed_lines" {
    text_fixtures
    printf 'one\nTWO\nthree\nfour\nextra\nfive\nsix\nseven\nnine\nten\neleven\n' > edited.txt
    compare_diff ten.txt edited.txt
    compare_diff edited.txt ten.txt
    compare_diff ten.txt ten.txt
    compare_diff empty.txt ten.txt
    compare_diff ten.txt empty.txt
}

@test "diff_unified_format_with_context_and_merged_hunks" {
    seq 1 100 > a.txt
    seq 1 100 | sed -e '5d;10s/$/x/;20a new' -e '50,52d;90c\
changed' > b.txt
    compare_diff -u a.txt b.txt
    compare_diff -u b.txt a.txt
    compare_diff -U 1 a.txt b.txt
    compare_diff -U 0 a.txt b.txt
    compare_diff -U 10 a.txt b.txt
}

@test "diff_matches_gnu_on_many_edited_files" {
    for seed in 1 2 3 4 5 6 7 8; do
        rm -f a.txt b.txt
        diff_pair "$seed" $((seed * 40)) $((seed % 3 * 20 + 3))
        compare_diff a.txt b.txt
        compare_diff -u a.txt b.txt
    done
}

@test "diff_finds_a_minimal_script_in_thousands_of_lines" {
    diff_pair 42 4000 1000
    compare_diff a.txt b.txt
    compare_diff -u a.txt b.txt
    seq 1 3000 > a.txt
    seq 2 3001 | sed 's/5$/five/' > b.txt
    compare_diff a.txt b.txt
}

@test "diff_reports_a_missing_newline_at_end_of_file" {
    text_fixtures
    printf 'a\nb' > nonl1.txt
    printf 'a\nb\n' > nl.txt
    printf 'a\nc' > nonl2.txt
    compare_diff nonl1.txt nl.txt
    compare_diff nl.txt nonl1.txt
    compare_diff nonl1.txt nonl2.txt
    compare_diff -u nonl1.txt nl.txt
    compare_diff -u hello.txt ten.txt
}

@test "diff_q_stdin_directories_and_binary_files" {
    text_fixtures
    cp ten.txt copy.txt
    compare_diff -q ten.txt hello.txt
    compare_diff -q ten.txt copy.txt
    STDIN=hello.txt compare_diff ten.txt -
    mkdir d
    cp hello.txt d/ten.txt
    compare_diff ten.txt d
    compare_diff d ten.txt
    compare_diff binary.bin ten.txt
}

@test "diff_trouble_is_status_2" {
    text_fixtures
    compare_diff ten.txt /nonexistent
    compare_diff /nonexistent ten.txt
    compare_usage diff
    compare_usage diff ten.txt
    compare_usage diff a b c
    compare_usage diff -z ten.txt hello.txt
    compare_usage diff -U x ten.txt hello.txt
}

# --- find ---

# compare_sorted CMD ARGS...: as compare, with stdout sorted on both sides
# (find lists a directory in readdir order, which is the file system's).
compare_sorted() {
    compare_filtered sort "$@"
}

# A small tree: files of several sizes, an empty directory, a symbolic link.
find_tree() {
    mkdir -p t/a/b t/c t/empty
    touch t/a/x.c t/a/b/y.c t/c/z.txt
    echo hello > t/a/b/hello
    head -c 5000 /dev/zero > t/c/five
    head -c 1048577 /dev/zero > t/c/mega
    ln -s a t/c/link
}

@test "find_walks_trees_with_name_path_and_type_tests" {
    find_tree
    for expr in '' -print '-name *.c' '-name [xy].?' '-name b' '-path t/a/*' '-type f' '-type d' \
        '-type l' '-type f,l' -empty '-type d -empty' -true -false; do
        compare_sorted find t $expr
    done
    cd t
    compare_sorted find
    compare_sorted find . a/ c
}

@test "find_size_rounds_up_to_whole_units" {
    find_tree
    for size in -1k 1k +1k -5k 5k 10 -10 +10 5000c +4999c -2 1M +1M 2M -1G 1G 3w; do
        compare_sorted find t -type f -size "$size"
    done
}

@test "find_depth_limits_and_operators" {
    find_tree
    for expr in '-maxdepth 0' '-maxdepth 1' '-mindepth 2' '-mindepth 1 -maxdepth 1' -depth \
        '! -name *.c' '-not -type d' '-name *.c -o -name *.txt' '( -name *.c -o -type l ) -print' \
        '-name b -prune -o -print' '-name b -prune' '-type f -a -name h*' '-name *.c -print -o -print0'; do
        compare_sorted find t $expr
    done
}

@test "find_newer_compares_modification_times" {
    find_tree
    touch -d '2020-01-01 00:00:00' t/a/x.c t/c/z.txt
    touch -d '2021-01-01 00:00:00' ref
    compare_sorted find t -newer ref
    compare_sorted find t ! -newer ref
}

@test "find_exec_runs_a_command_per_file_or_per_batch" {
    find_tree
    compare_sorted find t -type f -exec echo {} \;
    compare_sorted find t -name '*.c' -exec echo 'x{}y' {} \;
    compare_sorted find t -type f -exec false \;
    compare_sorted find t -type f -exec nosuchcommand {} \;
    compare_sorted find t -type f -exec false {} +
    compare_sorted find t -type f -exec nosuchcommand {} +
    compare find t -name '*.c' -exec echo batch {} + -o -name '*.txt' -print
    mkdir many
    (cd many && seq 1 6000 | sed 's/^/a_long_file_name_/' | xargs touch)
    "$B/find" many -exec echo {} + | awk '{ print NF }' > ours.counts
    find many -exec echo {} + | awk '{ print NF }' > host.counts
    cmp ours.counts host.counts
}

@test "find_reports_missing_paths_and_bad_expressions" {
    find_tree
    compare_sorted find t /nonexistent t/c
    for expr in -foo -name '-type x' -type '-size x' '-size 5q' '-size 5kk' '-type fd' '-type f,' \
        '-o -print' '-print -o' '!' '( -print' '-print )' '-maxdepth x' '-maxdepth -1' -exec \
        '-exec echo' '-exec echo {} x +' '-exec echo {} {} +' '-exec ;' '-name x y' '( )' -a \
        '-newer /nonexistent'; do
        compare find t $expr
    done
}

# --- xargs ---

xargs_inputs() {
    printf 'a b\n  c d  \n\ne\n' > lines.txt
    printf "a\\\\ b 'c d' \"e f\" g\\\\\"h\n''\n x\n" > quoted.txt
    printf 'a\0b c\0\0d' > nul.bin
}

@test "xargs_gathers_items_onto_command_lines" {
    xargs_inputs
    for input in lines.txt quoted.txt; do
        STDIN=$input compare xargs
        STDIN=$input compare xargs -n 1
        STDIN=$input compare xargs -n 2 echo x
        STDIN=$input compare xargs -t -n 2 echo
        STDIN=$input compare xargs -r
    done
    STDIN=nul.bin compare xargs -0 -n 1 echo
    STDIN=nul.bin compare xargs -0
    compare xargs
    compare xargs -r echo not run
}

@test "xargs_splits_long_input_as_gnu_does" {
    seq 1 40000 > numbers.txt
    STDIN=numbers.txt compare xargs
    STDIN=numbers.txt compare xargs echo start
    STDIN=numbers.txt compare xargs -n 4000
}

@test "xargs_i_runs_once_per_line_with_the_line_substituted" {
    xargs_inputs
    STDIN=lines.txt compare xargs -I X echo '[X]' 'X-X'
    STDIN=quoted.txt compare xargs -I {} echo {}{}
    STDIN=lines.txt compare xargs -n 1 -I X echo X
}

@test "xargs_t_quotes_as_the_shell_would" {
    printf '%s\0' "it's" 'a$b' 'x*' 'tab	x' 'é' '~a' 'a~' '#x' 'a=b' '{x}' '{' '' 'a:b' "x'" \
        "it's \$x" "é'x" 'new
line' > odd.bin
    STDIN=odd.bin compare xargs -0 -t -n 1 true
}

@test "xargs_exit_status_tells_what_the_command_did" {
    xargs_inputs
    export STDIN=lines.txt
    compare xargs nosuchcommand
    compare xargs /etc/passwd
    compare xargs sh -c 'exit 255'
    compare xargs sh -c 'kill -9 $$'
    compare xargs sh -c 'exit 3'
    compare xargs -n 1 sh -c 'echo $0; exit 3'
}

@test "xargs_reports_unmatched_quotes_and_bad_options" {
    echo "a 'b" > single.txt
    echo 'a "b' > double.txt
    STDIN=single.txt compare xargs
    STDIN=double.txt compare xargs
    STDIN=single.txt compare xargs -I X echo X
    compare_usage xargs -n 0
    compare_usage xargs -n x
    compare_usage xargs -k
    compare_usage xargs -I
}

# --- tail -f ---

# Appends the same text to the same file in both directories.
append_both() {
    printf "$2" >> "ours/$1"
    printf "$2" >> "host/$1"
}

@test "tail_f_prints_appended_data_and_notices_truncation" {
    mkdir ours host
    for dir in ours host; do
        printf 'a\nb\n' > "$dir/f1"
        printf 'c\n' > "$dir/f2"
    done
    (cd ours && exec "$B/tail" -f f1 f2 > ../ours.out 2> ../ours.err) &
    local ours_pid=$!
    (cd host && exec tail -f f1 f2 > ../host.out 2> ../host.err) &
    local host_pid=$!
    sleep 1.5
    append_both f2 'more\n'
    sleep 1.5
    append_both f1 'x\ny\n'
    sleep 1.5
    : > ours/f1
    : > host/f1
    sleep 1.5
    append_both f1 'z\n'
    sleep 2.5
    kill "$ours_pid" "$host_pid"
    wait "$ours_pid" "$host_pid" || true
    cmp ours.out host.out
    cmp ours.err host.err
    grep -qx z ours.out
}

@test "tail_f_leaves_pipes_and_missing_files" {
    ours=$(printf 'a\nb\n' | timeout 5 "$B/tail" -f -n 1)
    [ "$ours" = b ]
    compare tail -f /nonexistent
    compare_usage tail -f -k
}

# --- more ---

@test "more_copies_like_cat_when_output_is_no_terminal" {
    text_fixtures
    compare more ten.txt
    compare more ten.txt hello.txt
    STDIN=ten.txt compare more
    run "$B/more" ten.txt /nonexistent
    [ "$status" -eq 1 ]
    [[ "$output" == *"more: cannot open /nonexistent: No such file or directory"* ]]
    compare_usage more -x
}

@test "more_pages_on_a_terminal_space_page_enter_line_q_quit" {
    seq 1 60 > sixty.txt
    # space: the next 23 lines; x: ignored; Enter: one line; then q
    run python3 "$BATS_TEST_DIRNAME/pty_keys.py" ' x
' "$B/more" sixty.txt
    [ "$status" -eq 0 ]
    expected="$(seq 1 23)
--More--        $(seq 24 46)
--More--        47
--More--        "
    [ "$output" = "$expected" ]
}

@test "more_reads_keys_from_the_terminal_when_paging_standard_input" {
    seq 1 30 > thirty.txt
    run python3 "$BATS_TEST_DIRNAME/pty_keys.py" ' ' /bin/sh -c "exec '$B/more' < thirty.txt"
    [ "$status" -eq 0 ]
    [ "$output" = "$(seq 1 23)
--More--        $(seq 24 30)" ]
}
