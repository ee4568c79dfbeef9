/* bsearch: binary search in an array sorted by cmp. */
#include <stdlib.h>

void *bsearch(const void *key, const void *base, size_t n, size_t size,
	int (*cmp)(const void *, const void *))
{
	const char *first = base;
	while (n > 0) {
		const char *middle = first + (n / 2) * size;
		int order = cmp(key, middle);
		if (order == 0)
			return (void *)middle;
		if (order > 0) {
			first = middle + size;
			n -= n / 2 + 1;
		} else {
			n /= 2;
		}
	}
	return NULL;
}
