/*
 * /dev/null (minor 0): reads end at once, writes vanish. /dev/zero (minor 1):
 * reads give zeros, writes vanish. Both through the character-device
 * protocol; neither ever has to suspend a request.
 */
#include <string.h>
#include "memory.h"

#define DEV_NULL 0
#define DEV_ZERO 1

static const uint8_t zeros[4096];

int do_cdev_open(message *m)
{
	return m->cdev.minor <= DEV_ZERO ? 0 : -ENXIO;
}

int do_cdev_read(message *m)
{
	if (m->cdev.minor > DEV_ZERO)
		return -ENXIO;
	if (m->cdev.minor == DEV_NULL)
		return 0;
	for (uint32_t done = 0; done < m->cdev.len; ) {
		uint32_t n = m->cdev.len - done < sizeof(zeros) ? m->cdev.len - done : (uint32_t)sizeof(zeros);
		int r = sys_safecopy_to(m->source, m->cdev.grant, done, zeros, n);
		if (r < 0)
			return r;
		done += n;
	}
	return (int)m->cdev.len;
}

int do_cdev_write(message *m)
{
	return m->cdev.minor <= DEV_ZERO ? (int)m->cdev.len : -ENXIO;
}

int do_cdev_ioctl(message *m)
{
	return m->cdev.minor <= DEV_ZERO ? -ENOTTY : -ENXIO;
}
