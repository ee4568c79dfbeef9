#!/usr/bin/env bats
# The system commands (dd, md5sum, sha256sum, stat, chown, chgrp, du, df,
# uptime, chmod -R) against the host's GNU coreutils: ours and the host's
# run on the same input, and stdout, stderr and the exit status must be
# the same byte for byte, except where a test says what it leaves out (dd's
# bytes-and-time line, the clock in uptime). Run through run-tests.sh.

load common

# --- md5sum and sha256sum ---

@test "md5sum_and_sha256sum_digest_files_and_stdin" {
    head -c 100000 /dev/urandom > random.bin
    for n in 0 1 55 56 57 63 64 65 119 120 128 1000 4095 65537; do
        head -c "$n" random.bin > "part$n"
    done
    for cmd in md5sum sha256sum; do
        STDIN=words.txt compare "$cmd" words.txt - empty.txt binary.bin random.bin part*
        STDIN=random.bin compare "$cmd"
        compare "$cmd" -b words.txt
        compare "$cmd" --tag words.txt nonl.txt
        compare "$cmd" -z words.txt
    done
}

@test "md5sum_escapes_awkward_names" {
    printf x > 'back\slash'
    printf y > "$(printf 'new\nline')"
    compare md5sum 'back\slash' "$(printf 'new\nline')"
    compare sha256sum --tag 'back\slash'
    md5sum 'back\slash' "$(printf 'new\nline')" > list
    compare md5sum -c list
}

@test "md5sum_and_sha256sum_report_missing_files_and_directories" {
    mkdir d
    compare md5sum words.txt /nope d nums.txt
    compare sha256sum /nope
    compare md5sum 'a b' "it's" "it's \"x\"" '#x' 'x#' '~a' '{' '{a' 'a=b' 'a:b' 'a,b+c@d%e' \
        'a*b' '' "$(printf 'tab\there')" "$(printf 'new\nline')" 'a[b' 'a]b' 'a!b'
}

@test "md5sum_c_says_OK_FAILED_and_counts_problems" {
    for cmd in md5sum sha256sum; do
        "$cmd" words.txt nums.txt nonl.txt > list
        compare "$cmd" -c list
        compare "$cmd" --check --quiet list
        echo changed >> nums.txt
        echo 'not a checksum line' >> list
        echo '# a comment' >> list
        "$cmd" empty.txt | sed 's/empty.txt/gone.txt/' >> list
        compare "$cmd" -c list
        compare "$cmd" -c --quiet list
        compare "$cmd" -c --status list
        compare "$cmd" -c -w list
        compare "$cmd" -c --strict list
        STDIN=list compare "$cmd" -c
        STDIN=list compare "$cmd" -c - list
        printf 'words.txt\n' > bad
        compare "$cmd" -c bad
        compare "$cmd" -c /nope
        restore_nums
    done
}

restore_nums() {
    printf '10\n-3\n2.5\n  7\n-3.25\n0\nabc\n100\n-0\n007\n2.50\n' > nums.txt
}

@test "md5sum_c_reads_tagged_and_one_space_lines_and_upper_case" {
    { md5sum --tag words.txt; md5sum nums.txt | sed 's/  / /'; md5sum -b nonl.txt | tr a-f A-F; } > list
    compare md5sum -c list
    { sha256sum --tag words.txt; sha256sum -b nums.txt; } > list
    compare sha256sum -c list
}

@test "md5sum_refuses_bad_options_and_combinations" {
    compare_usage md5sum -x
    compare_usage sha256sum --bogus
    compare_usage md5sum -c --tag words.txt
    compare_usage md5sum --quiet words.txt
    compare_usage sha256sum -c -z words.txt
}

# --- dd ---

# compare_dd ARGS...: runs our dd and the host's, each in a fresh copy of
# the test's files (so that of= files can be compared afterwards), and
# requires the same stdout, status, files, and stderr but for the bytes
# line, which ours shortens to "N bytes copied" (GNU adds sizes, time and
# speed).
compare_dd() {
    local side status dir
    for side in ours host; do
        rm -rf "$BATS_TEST_TMPDIR/$side" && mkdir "$BATS_TEST_TMPDIR/$side"
        find "$BATS_TEST_TMPDIR" -maxdepth 1 -type f -exec cp {} "$BATS_TEST_TMPDIR/$side/" \;
    done
    for side in ours host; do
        dir=$BATS_TEST_TMPDIR/$side
        status=0
        if [ "$side" = ours ]; then
            (cd "$dir" && exec "$B/dd" "$@") < "${STDIN:-/dev/null}" > "$dir.out" 2> "$dir.err" || status=$?
        else
            (cd "$dir" && exec env dd "$@") < "${STDIN:-/dev/null}" > "$dir.out" 2> "$dir.err" || status=$?
        fi
        echo "$status" > "$dir.status"
        grep -v -E '^[0-9]+ bytes? (\(.*\) )?copied' "$dir.err" > "$dir.err.records" || true
    done
    cd "$BATS_TEST_TMPDIR"
    for part in out err.records status; do
        if ! cmp -s "host.$part" "ours.$part"; then
            echo "$part differs for dd $*"; diff "host.$part" "ours.$part" | head -20; return 1
        fi
    done
    diff -r host ours || { echo "files differ for dd $*"; return 1; }
    if grep -q -E '^[0-9]+ bytes? .*copied' host.err; then
        grep -q -E '^[0-9]+ bytes? copied$' ours.err || { echo "bytes line missing"; cat ours.err; return 1; }
    fi
}

@test "dd_copies_with_block_sizes_counts_and_reblocking" {
    seq 1 3000 > in.txt
    STDIN=in.txt compare_dd
    compare_dd if=in.txt of=out
    compare_dd if=in.txt of=out bs=100 count=3
    compare_dd if=in.txt of=out ibs=7 obs=100
    compare_dd if=in.txt of=out ibs=1000 obs=512 count=2
    compare_dd if=in.txt bs=1k count=2
    compare_dd if=in.txt of=out bs=2x3 count=5
    STDIN=in.txt compare_dd of=out bs=1 count=10B
    compare_dd if=in.txt of=out bs=1kB count=2
    compare_dd if=in.txt of=out bs=1KiB count=1
    compare_dd if=in.txt of=out bs=1b count=3
    compare_dd if=in.txt of=out bs=1w count=3
    compare_dd if=in.txt of=out count=0
    compare_dd if=empty.txt of=out
}

@test "dd_a_short_read_from_a_pipe_is_a_partial_record" {
    seq 1 100 > in.txt
    { cat in.txt; } | "$B/dd" bs=4096 of=ours.out 2> ours.err
    { cat in.txt; } | dd bs=4096 of=host.out 2> host.err
    cmp ours.out host.out
    [ "$(head -n 2 ours.err)" = "$(head -n 2 host.err)" ]
}

@test "dd_skips_and_seeks_and_truncates_unless_notrunc" {
    seq 1 3000 > in.txt
    printf 'abcdefghijklmnopqrstuvwxyz\n' > out
    compare_dd if=in.txt of=out bs=100 skip=3 count=2
    compare_dd if=in.txt of=out bs=1 skip=5B count=3
    compare_dd if=in.txt of=out bs=1 count=1 seek=1
    compare_dd if=in.txt of=out bs=1 count=1 conv=notrunc
    compare_dd if=in.txt of=out bs=5 count=2 seek=2 conv=notrunc
    compare_dd if=in.txt of=new bs=5 count=2 seek=3
    compare_dd if=in.txt of=out bs=1M skip=100
    STDIN=in.txt compare_dd of=out bs=10 skip=3 count=2
    cat in.txt | "$B/dd" of=ours.out bs=10 skip=3 count=2 2> /dev/null
    cat in.txt | dd of=host.out bs=10 skip=3 count=2 2> /dev/null
    cmp ours.out host.out
}

@test "dd_conv_sync_pads_and_status_controls_the_report" {
    seq 1 1000 > in.txt
    compare_dd if=in.txt of=out ibs=1000 obs=512 conv=sync
    compare_dd if=in.txt of=out bs=1000 conv=sync,notrunc
    compare_dd if=in.txt of=out status=none
    compare_dd if=in.txt of=out status=noxfer
    compare_dd if=in.txt of=out status=progress bs=10k
    compare_dd if=in.txt of=out conv=excl
    compare_dd if=in.txt of=absent conv=nocreat
}

@test "dd_reports_bad_operands_missing_files_and_unwritable_output" {
    mkdir dir
    compare_dd if=/nope
    compare_dd if=in.txt of=out
    compare_dd bs=abc
    compare_dd bs=0
    compare_dd bs=-1
    compare_dd count=1Q
    compare_dd count=2x
    compare_dd if=words.txt of=dir
    compare_dd if=words.txt of=/nope/out
    compare_dd if=dir of=out
    compare_usage dd foo=bar
    compare_usage dd conv=xyz
    compare_usage dd status=loud
    compare_usage dd -x
    compare_usage dd noequals
}

# --- stat ---

# Files whose times are whole seconds (Samsara keeps no fractions).
make_stat_files() {
    printf 'hello\n' > file
    : > empty
    mkdir dir
    ln -s file link
    ln -s nowhere dangling
    mkfifo fifo
    touch -h -d @1600000000 file empty dir link dangling fifo
    # reading a link sets its access time once (relatime): before, not between, the two stats
    readlink link dangling > /dev/null
}

@test "stat_c_formats_match_the_host" {
    make_stat_files
    local names='%n|%s|%b|%B|%o|%a|%A|%f|%F|%h|%i|%u|%U|%g|%G|%d|%D|%Hd|%Ld|%r|%R|%Hr|%Lr|%t|%T'
    local times='%y|%Y|%Z|%X|%.3Y|%10Y|%-12Y|'
    local widths='%-10s|%10s|%05a|%#o|%#a|%+s|% s|%.3s|%-12n|%15F|%-8U|'
    for f in file empty dir link dangling fifo /dev/null; do
        compare stat -c "$names" "$f"
        [ "$f" = /dev/null ] || compare stat -c "$times" "$f"  # its times have fractions
        compare stat -c "$widths" "$f"
        compare stat -c '%N' "$f"
        compare stat -c '%-20N|' "$f"
        [ "$f" = dangling ] || compare stat -L -c '%N %F %s' "$f"
    done
    compare stat -c 'one %n' file dir
    compare stat -c '100%% %Q %Hx %' file
    STDIN=file compare stat -c '%n %s %F' -
}

@test "stat_quotes_awkward_names_in_N" {
    touch "it's" 'a b' "$(printf 'new\nline')"
    compare stat -c %N "it's" 'a b' "$(printf 'new\nline')"
}

@test "stat_default_layout_matches_but_for_fractions_of_seconds" {
    make_stat_files
    for f in file empty dir link fifo /dev/null; do
        "$B/stat" "$f" > ours.out
        env stat "$f" | sed -E 's/(:[0-9][0-9])\.[0-9]{9} /\1.000000000 /; s/^ Birth: .*/ Birth: -/' > host.out
        diff host.out ours.out
    done
    "$B/stat" -t file | cut -d' ' -f1-14,16 > ours.out
    env stat -t file | cut -d' ' -f1-14,16 > host.out
    diff host.out ours.out
}

@test "stat_reports_missing_files_bad_directives_and_options" {
    make_stat_files
    # GNU on Linux says "cannot statx"
    run "$B/stat" -c %n file /nope
    [ "$status" -eq 1 ]
    [ "$output" = "file"$'\n'"stat: cannot stat '/nope': No such file or directory" ]
    ! env stat /nope 2> /dev/null
    compare stat -c '%5%' file
    compare stat -c 'x%5' file
    compare_usage stat
    compare_usage stat -z file
    compare_usage stat -c
}

# --- chown and chgrp ---

# compare_on_tree FORMAT CMD ARGS...: runs ours and the host's on fresh
# copies of a small tree (with a link in it) and compares output, status,
# and what `stat -c FORMAT` says of everything but the link afterwards
# (chown as root changes owners; as anyone else both fail the same way).
compare_on_tree() {
    local format=$1 cmd=$2 side status
    shift 2
    for side in ours host; do
        rm -rf "$BATS_TEST_TMPDIR/$side" && mkdir -p "$BATS_TEST_TMPDIR/$side/tree/sub/deep"
        (
            cd "$BATS_TEST_TMPDIR/$side" || exit 1
            echo a > tree/file; echo b > tree/sub/deep/f; echo c > top; chmod 600 top
            ln -s ../top tree/link
            status=0
            if [ "$side" = ours ]; then "$B/$cmd" "$@" || status=$?; else env "$cmd" "$@" || status=$?; fi
            echo "status $status"
            find . ! -type l -exec stat -c "$format" {} + | sort
        ) > "$BATS_TEST_TMPDIR/$side.out" 2> "$BATS_TEST_TMPDIR/$side.err"
    done
    cd "$BATS_TEST_TMPDIR"
    diff host.out ours.out || { echo "output or files differ for $cmd $*"; return 1; }
    diff host.err ours.err || { echo "stderr differs for $cmd $*"; return 1; }
}

compare_owners() {
    compare_on_tree '%n %u:%g' "$@"
}

@test "chown_sets_owner_and_group_by_name_or_number" {
    compare_owners chown daemon top
    compare_owners chown 2 top tree/file
    compare_owners chown daemon:bin top
    compare_owners chown 1:2 top
    compare_owners chown :bin top
    compare_owners chown daemon: top
    compare_owners chown +3 top
    compare_owners chown : top
    compare_owners chown '' top
    compare_owners chown bin tree/link
    compare_owners chown daemon.bin top
}

@test "chown_R_and_chgrp_R_change_whole_trees" {
    compare_owners chown -R daemon:bin tree
    compare_owners chown -R 7 tree top
    compare_owners chgrp -R bin tree
    compare_owners chgrp daemon top tree
    compare_owners chgrp 3 top
}

@test "chown_and_chgrp_report_bad_names_missing_files_and_operands" {
    compare_owners chown nobodyx top
    compare_owners chown daemon:nogroupx top
    compare_owners chown :nogroupx top
    compare_owners chown 'a:b:c' top
    compare_owners chown daemon top nope tree/file
    compare_owners chown -R daemon nope
    compare_owners chgrp nogroupx top
    compare_owners chgrp bin nope
    compare_usage chown
    compare_usage chown daemon
    compare_usage chown -x daemon top
    compare_usage chgrp
    compare_usage chgrp bin
}

# --- du ---

make_du_tree() {
    mkdir -p tree/a/b tree/c
    head -c 1 /dev/zero > tree/one
    head -c 10000 /dev/zero > tree/a/ten
    head -c 100000 /dev/zero > tree/a/b/hundred
    head -c 1100000 /dev/zero > tree/c/big
    ln tree/a/ten tree/c/hardlink
    ln -s ../one tree/a/link
}

@test "du_counts_blocks_of_trees_in_kibibytes" {
    make_du_tree
    compare du tree
    compare du -a tree
    compare du -s tree tree/a
    compare du -k tree/c
    compare du -c tree/a tree/c
    compare du -d 1 tree
    compare du -d 0 -a tree
    compare du tree/one tree/a/link
    compare du -x tree
    cd tree && compare du && compare du -s .
}

@test "du_counts_hard_links_and_repeated_operands_once" {
    make_du_tree
    compare du -a tree/a tree/c
    compare du -s tree tree/a tree
    compare du tree/a/ten tree/c/hardlink
}

@test "du_h_rounds_up_like_gnu" {
    make_du_tree
    compare du -h tree
    compare du -ah tree
    compare du -sh tree tree/c/big
    for n in 1 1023 1024 1025 1536 10239 10240 10241 1048575 1048576 1100000 10485760 20971520; do
        head -c "$n" /dev/zero > "f$n"
    done
    compare du -h f*
    compare du -hc f*
    mkdir -p deep/x/y && compare du -h deep
}

@test "du_reports_missing_files_and_bad_options" {
    make_du_tree
    compare du tree nope tree/a
    compare_usage du -s -a tree
    compare_usage du -d x tree
    compare_usage du -z
}

# --- df ---

# compare_settled CMD ARGS...: compare, tried up to 30 times, for figures
# of file systems that others are writing to (the disk under the test).
compare_settled() {
    local try
    for try in $(seq 1 30); do
        compare "$@" > /dev/null && return 0
        sleep 0.3
    done
    compare "$@"
}

@test "df_shows_the_file_systems_that_hold_the_operands" {
    compare df /dev
    compare df -k /dev /proc
    compare df -h /dev /dev/shm
    compare df -T /dev
    compare df -hT /dev/null
    compare_settled df .
    compare_settled df -h . /
}

@test "df_without_operands_lists_real_file_systems_once" {
    compare_settled df
    compare_settled df -h
    compare_settled df -T
    compare_settled df -a
    compare df -t tmpfs -t devtmpfs
    compare df -a -T -t cgroup
    compare_settled df -x tmpfs
}

@test "df_reports_missing_files_unknown_types_and_bad_options" {
    compare df /nope
    compare_settled df /dev /nope .
    compare df -t nosuchfs
    compare df -t ext4 /dev
    compare df -t tmpfs -x tmpfs
    compare_usage df -z
    compare_usage df -t
}

# --- uptime ---

# same_uptime ARGS...: ours and procps's uptime say the same, but for the
# number of users (ours always says 1); tried a few times, as the clock
# and the load averages move on between the two.
same_uptime() {
    local try
    for try in 1 2 3 4 5; do
        "$B/uptime" "$@" | sed -E 's/ +[0-9]+ users?,/ N users,/' > ours.out
        uptime "$@" | sed -E 's/ +[0-9]+ users?,/ N users,/' > host.out
        cmp -s ours.out host.out && return 0
        sleep 1
    done
    diff host.out ours.out
}

@test "uptime_says_what_procps_says_but_for_users" {
    same_uptime
    "$B/uptime" | grep -E '^ [0-9]{2}:[0-9]{2}:[0-9]{2} up ([0-9]+ days?, )?( ?[0-9]+:[0-9]{2}|[0-9]+ min),  1 user,  load average: [0-9.]+, [0-9.]+, [0-9.]+$'
    same_uptime -p
    same_uptime -s
}

@test "uptime_refuses_bad_options_and_operands" {
    compare_usage uptime -x
    compare_usage uptime now
}

# --- chmod -R ---

compare_modes() {
    compare_on_tree '%n %a' chmod "$@"
}

@test "chmod_R_changes_whole_trees_but_not_through_links" {
    umask 022
    compare_modes -R 750 tree
    compare_modes -R go-rwx tree top
    compare_modes -R a+X tree
    compare_modes -R u=rwx,go= tree/sub
    compare_modes 700 -R tree
    compare_modes -RR 711 tree
    compare_modes -R -- -w tree
    compare_modes -R 644 tree/link
    compare_modes 640 tree/link
}

@test "chmod_R_reports_missing_files_and_goes_on" {
    compare_modes -R 700 nope tree
    compare_usage chmod -R 9 tree
    compare_usage chmod -R
    compare_usage chmod -R 755
}
