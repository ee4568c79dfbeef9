/*
 * Declares Samsara's libc for a host unit test, every name with a samsara_
 * prefix (samsara_strlen, struct samsara_tm, samsara_errno...), next to the
 * host's C library under the usual names. Include it after the host headers.
 *
 * libc_save.h (generated) puts the host's macros of the renamed names aside
 * (glibc's errno, isalpha...); then the names are renamed, Samsara's
 * headers included, and libc_restore.h (generated) drops the renames and
 * brings the host's macros back. RAND_MAX and BUFSIZ, which both define
 * differently, are handled the same way; Samsara's stay as SAMSARA_RAND_MAX
 * and SAMSARA_BUFSIZ. Samsara's error numbers equal the host's Linux ones,
 * so those macros are identical and may be defined twice.
 */
#pragma once
#include <stdlib.h>

#include "libc_save.h"
#pragma push_macro("RAND_MAX")
#undef RAND_MAX
#pragma push_macro("BUFSIZ")
#undef BUFSIZ

#include "libc_rename.h"
#include "../../lib/libc/include/ctype.h"
#include "../../lib/libc/include/errno.h"
#include "../../lib/libc/include/stdio.h"
#include "../../lib/libc/include/stdlib.h"
#include "../../lib/libc/include/string.h"
#include "../../lib/libc/include/strings.h"
#include "../../lib/libc/include/time.h"
#include "../../lib/libc/include/unistd.h"
#include "../../lib/libc/include/libc_private.h"

enum { SAMSARA_RAND_MAX = RAND_MAX, SAMSARA_BUFSIZ = BUFSIZ };

#pragma pop_macro("RAND_MAX")
#pragma pop_macro("BUFSIZ")
#include "libc_restore.h"
