/*
 * Symbolic modes, for chmod and the shell's umask: comma-separated
 * clauses [ugoa]*[+-=][rwxXst]* (or [+-=] and one of u, g, o to copy that
 * class's bits). Pure: it needs nothing else of cmdlib, so that sh, which
 * does not link cmdlib, can have it too.
 */
#include "mode_symbolic.h"
#include <string.h>

#define WHO_U 04700
#define WHO_G 02070
#define WHO_O 01007
#define WHO_ALL (WHO_U | WHO_G | WHO_O)

/* The bits of class who (WHO_U...) set in old, spread to all classes. */
static mode_t copy_class(mode_t old, char who)
{
	unsigned bits = who == 'u' ? (old >> 6) & 7 : who == 'g' ? (old >> 3) & 7 : old & 7;
	return (mode_t)(bits << 6 | bits << 3 | bits);
}

int mode_apply_symbolic(const char *text, mode_t old, int is_dir, mode_t umask_bits, mode_t *result)
{
	mode_t mode = old & 07777;
	for (;;) {
		mode_t who = 0;
		for (; strchr("ugoa", *text) && *text; text++)
			who |= *text == 'u' ? WHO_U : *text == 'g' ? WHO_G : *text == 'o' ? WHO_O : WHO_ALL;
		mode_t masked = who == 0 ? umask_bits : 0;
		if (who == 0)
			who = WHO_ALL;
		if (!*text || !strchr("+-=", *text))
			return -1;
		while (*text && strchr("+-=", *text)) {
			char op = *text++;
			mode_t perm = 0;
			if (*text && strchr("ugo", *text)) {
				perm = copy_class(mode, *text++) & 0777;
			} else {
				for (; *text && strchr("rwxXst", *text); text++) {
					switch (*text) {
					case 'r': perm |= 0444; break;
					case 'w': perm |= 0222; break;
					case 'x': perm |= 0111; break;
					case 'X': if (is_dir || (mode & 0111)) perm |= 0111; break;
					case 's': perm |= 06000; break;
					case 't': perm |= S_ISVTX; break;
					}
				}
			}
			perm &= who & ~masked;
			if (op == '+')
				mode |= perm;
			else if (op == '-')
				mode &= ~perm;
			else
				mode = (mode & ~(who & 0777) & ~(who & 06000 & ~perm) & ~(who & S_ISVTX & ~perm)) | perm;
		}
		if (*text == '\0')
			break;
		if (*text++ != ',')
			return -1;
	}
	*result = mode;
	return 0;
}
