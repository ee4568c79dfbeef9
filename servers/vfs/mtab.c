/* The mount table's text and unmount order; see mtab.h. */
#include <stdio.h>
#include "mtab.h"

/* snprintf at buf + at, whatever is left of size (maybe nothing). */
#define PUT(...) (at += (size_t)snprintf(buf + (at < size ? at : size), at < size ? size - at : 0, __VA_ARGS__))

static size_t put_escaped(char *buf, size_t size, size_t at, const char *s)
{
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\\')
			PUT("\\%03o", (unsigned char)*s);
		else
			PUT("%c", *s);
	}
	return at;
}

size_t mtab_line(char *buf, size_t size, size_t at, const char *device, const char *dir,
		 const char *type, bool read_only)
{
	at = put_escaped(buf, size, at, device);
	PUT(" ");
	at = put_escaped(buf, size, at, dir);
	PUT(" %s %s 0 0\n", type, read_only ? "ro" : "rw");
	return at;
}

/* Whether some used mount not yet in the order lies on mount i. */
static bool has_children(const int *parent, const bool *used, const bool *done, int count, int i)
{
	for (int j = 0; j < count; j++)
		if (used[j] && !done[j] && j != i && parent[j] == i)
			return true;
	return false;
}

int mtab_unmount_order(const int *parent, const bool *used, int count, int *order)
{
	bool done[64] = { false };
	int n = 0;
	if (count > 64)
		return -1;
	for (bool progress = true; progress; ) {
		progress = false;
		for (int i = count - 1; i >= 0; i--) {
			if (!used[i] || done[i] || has_children(parent, used, done, count, i))
				continue;
			done[i] = true;
			order[n++] = i;
			progress = true;
		}
	}
	return n;
}
