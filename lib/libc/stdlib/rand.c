/*
 * rand and srand: the linear congruential generator of the ISO C standard's
 * example, so sequences are reproducible and match other small libcs.
 */
#include <stdlib.h>

static unsigned long long next = 1;

int rand(void)
{
	next = next * 1103515245 + 12345;
	return (int)((next / 65536) % 32768);
}

void srand(unsigned seed)
{
	next = seed;
}
