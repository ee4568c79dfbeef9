/* errno: one global until there are threads. */
#include <errno.h>

int errno;
