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
