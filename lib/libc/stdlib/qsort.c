/* qsort: heapsort, O(n log n) worst case and no recursion. */
#include <stdlib.h>
#include <stdint.h>

static void swap(uint8_t *a, uint8_t *b, size_t size)
{
	while (size--) {
		uint8_t t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

static void sift_down(uint8_t *base, size_t root, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	for (size_t child; (child = 2 * root + 1) < n; root = child) {
		if (child + 1 < n && cmp(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (cmp(base + root * size, base + child * size) >= 0)
			return;
		swap(base + root * size, base + child * size, size);
	}
}

void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	uint8_t *b = base;
	for (size_t i = n / 2; i-- > 0; )
		sift_down(b, i, n, size, cmp);
	for (size_t end = n; end-- > 1; ) {
		swap(b, b + end * size, size);
		sift_down(b, 0, end, size, cmp);
	}
}
