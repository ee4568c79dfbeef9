/*
 * The default diagnostic hook drops the text: there is no standard error
 * stream yet. The stdio layer overrides it with a write to stderr.
 */
#include <libc_private.h>

__attribute__((weak)) void __libc_error_message(const char *text)
{
	(void)text;
}
