/*
 * Integer arithmetic helpers: absolute values and division with remainder.
 * Division truncates toward zero, as the C operators do.
 */
#include <stdlib.h>

int abs(int x) { return x < 0 ? -x : x; }
long labs(long x) { return x < 0 ? -x : x; }
long long llabs(long long x) { return x < 0 ? -x : x; }

div_t div(int numerator, int denominator)
{
	return (div_t){ numerator / denominator, numerator % denominator };
}

ldiv_t ldiv(long numerator, long denominator)
{
	return (ldiv_t){ numerator / denominator, numerator % denominator };
}

lldiv_t lldiv(long long numerator, long long denominator)
{
	return (lldiv_t){ numerator / denominator, numerator % denominator };
}
