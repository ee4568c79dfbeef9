# The libc sources, relative to lib/libc, in two lists: the pure ones, which
# the host unit tests also compile (tests/unit/CMakeLists.txt), and the ones
# that need Samsara's system calls or its CPU.
set(LIBC_PURE_SOURCES
  ctype/ctype.c
  misc/errno.c
  stdio/format.c stdio/snprintf.c stdio/asprintf.c stdio/scan.c stdio/sscanf.c
  stdio/stream.c stdio/transfer.c stdio/lines.c stdio/seek.c stdio/fopen.c stdio/fprintf.c
  stdlib/strtol.c stdlib/atoi.c stdlib/arith.c stdlib/bsearch.c stdlib/qsort.c
  stdlib/rand.c stdlib/env.c stdlib/malloc.c stdlib/sbrk.c
  string/string.c string/copy.c string/search.c string/token.c string/dup.c
  string/case.c string/strerror.c
  time/calendar.c time/strftime.c time/asctime.c
  unistd/getopt.c)
set(LIBC_SYSTEM_SOURCES
  stdio/descriptors.c stdlib/exit.c arch/i386/udivdi3.c
  sys/server.c sys/pm.c sys/exec.c sys/vfs.c sys/signal.c dirent/dirent.c)
