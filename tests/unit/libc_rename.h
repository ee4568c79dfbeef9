/*
 * Gives every name that Samsara's libc defines a samsara_ prefix, so that
 * the host unit tests can link it next to the host's C library and compare
 * the two. The libc sources are compiled for the tests with
 * "-include libc_rename.h"; the tests see the renamed declarations through
 * libc_test.h. CMake derives libc_save.h and libc_restore.h, which set the
 * renames aside for the tests' own code, from the #define lines here; the
 * test unit.libc_symbols fails if the compiled library defines a global
 * name that this list misses.
 */
#pragma once

/* <string.h> and <strings.h> */
#define memcpy samsara_memcpy
#define memmove samsara_memmove
#define memset samsara_memset
#define memcmp samsara_memcmp
#define memchr samsara_memchr
#define memrchr samsara_memrchr
#define strlen samsara_strlen
#define strnlen samsara_strnlen
#define strcmp samsara_strcmp
#define strncmp samsara_strncmp
#define strcpy samsara_strcpy
#define strncpy samsara_strncpy
#define strcat samsara_strcat
#define strncat samsara_strncat
#define strlcpy samsara_strlcpy
#define strlcat samsara_strlcat
#define strdup samsara_strdup
#define strndup samsara_strndup
#define strchr samsara_strchr
#define strrchr samsara_strrchr
#define strstr samsara_strstr
#define strspn samsara_strspn
#define strcspn samsara_strcspn
#define strpbrk samsara_strpbrk
#define strtok samsara_strtok
#define strtok_r samsara_strtok_r
#define strerror samsara_strerror
#define strcasecmp samsara_strcasecmp
#define strncasecmp samsara_strncasecmp

/* <errno.h> */
#define errno samsara_errno

/* <ctype.h> */
#define isalnum samsara_isalnum
#define isalpha samsara_isalpha
#define isblank samsara_isblank
#define iscntrl samsara_iscntrl
#define isdigit samsara_isdigit
#define isgraph samsara_isgraph
#define islower samsara_islower
#define isprint samsara_isprint
#define ispunct samsara_ispunct
#define isspace samsara_isspace
#define isupper samsara_isupper
#define isxdigit samsara_isxdigit
#define tolower samsara_tolower
#define toupper samsara_toupper

/* <stdlib.h> */
#define div_t samsara_div_t
#define ldiv_t samsara_ldiv_t
#define lldiv_t samsara_lldiv_t
#define exit samsara_exit
#define atexit samsara_atexit
#define strtol samsara_strtol
#define strtoul samsara_strtoul
#define strtoll samsara_strtoll
#define strtoull samsara_strtoull
#define atoi samsara_atoi
#define atol samsara_atol
#define atoll samsara_atoll
#define malloc samsara_malloc
#define calloc samsara_calloc
#define realloc samsara_realloc
#define free samsara_free
#define environ samsara_environ
#define getenv samsara_getenv
#define setenv samsara_setenv
#define unsetenv samsara_unsetenv
#define putenv samsara_putenv
#define bsearch samsara_bsearch
#define qsort samsara_qsort
#define abs samsara_abs
#define labs samsara_labs
#define llabs samsara_llabs
#define div samsara_div
#define ldiv samsara_ldiv
#define lldiv samsara_lldiv
#define rand samsara_rand
#define srand samsara_srand

/* <stdio.h> */
#define FILE samsara_FILE
#define stdin samsara_stdin
#define stdout samsara_stdout
#define stderr samsara_stderr
#define fopen samsara_fopen
#define fdopen samsara_fdopen
#define freopen samsara_freopen
#define fclose samsara_fclose
#define fflush samsara_fflush
#define setvbuf samsara_setvbuf
#define setbuf samsara_setbuf
#define fileno samsara_fileno
#define fread samsara_fread
#define fwrite samsara_fwrite
#define fgetc samsara_fgetc
#define getc samsara_getc
#define getchar samsara_getchar
#define ungetc samsara_ungetc
#define fgets samsara_fgets
#define getdelim samsara_getdelim
#define getline samsara_getline
#define fputc samsara_fputc
#define putc samsara_putc
#define putchar samsara_putchar
#define fputs samsara_fputs
#define puts samsara_puts
#define fseek samsara_fseek
#define fseeko samsara_fseeko
#define ftell samsara_ftell
#define ftello samsara_ftello
#define rewind samsara_rewind
#define feof samsara_feof
#define ferror samsara_ferror
#define clearerr samsara_clearerr
#define perror samsara_perror
#define printf samsara_printf
#define fprintf samsara_fprintf
#define vprintf samsara_vprintf
#define vfprintf samsara_vfprintf
#define scanf samsara_scanf
#define fscanf samsara_fscanf
#define vscanf samsara_vscanf
#define vfscanf samsara_vfscanf
#define sprintf samsara_sprintf
#define snprintf samsara_snprintf
#define asprintf samsara_asprintf
#define vsprintf samsara_vsprintf
#define vsnprintf samsara_vsnprintf
#define vasprintf samsara_vasprintf
#define sscanf samsara_sscanf
#define vsscanf samsara_vsscanf

/* <time.h> */
#define time_t samsara_time_t
#define tm samsara_tm
#define timespec samsara_timespec
#define time samsara_time
#define nanosleep samsara_nanosleep
#define clockid_t samsara_clockid_t
#define clock_gettime samsara_clock_gettime
#define gmtime samsara_gmtime
#define gmtime_r samsara_gmtime_r
#define localtime samsara_localtime
#define localtime_r samsara_localtime_r
#define mktime samsara_mktime
#define timegm samsara_timegm
#define strftime samsara_strftime
#define asctime samsara_asctime
#define asctime_r samsara_asctime_r
#define ctime samsara_ctime
#define ctime_r samsara_ctime_r

/* <unistd.h> */
#define optarg samsara_optarg
#define optind samsara_optind
#define opterr samsara_opterr
#define optopt samsara_optopt
#define getopt samsara_getopt

/* <libc_private.h> (its type names cannot collide and stay as they are) */
#define __libc_sbrk samsara___libc_sbrk
#define __libc_error_message samsara___libc_error_message
#define __libc_stdio_io samsara___libc_stdio_io
#define __libc_stream_open samsara___libc_stream_open
#define __libc_stream_to_read samsara___libc_stream_to_read
#define __libc_stream_to_write samsara___libc_stream_to_write
#define __libc_stream_read samsara___libc_stream_read
#define __libc_stream_fill samsara___libc_stream_fill
#define __libc_stream_put samsara___libc_stream_put
#define __libc_stream_write samsara___libc_stream_write
#define __libc_stream_flush samsara___libc_stream_flush
#define __libc_stream_unread samsara___libc_stream_unread
#define __libc_stream_release samsara___libc_stream_release
#define __libc_stream_mode samsara___libc_stream_mode
#define __libc_stdio_exit samsara___libc_stdio_exit
#define __libc_vformat samsara___libc_vformat
#define __libc_vscan samsara___libc_vscan
#define __libc_heap_check samsara___libc_heap_check
