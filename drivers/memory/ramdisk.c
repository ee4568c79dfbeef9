/*
 * The RAM disk: a boot module copied into this driver's own memory (mapped
 * with KC_VM), served through the block-device protocol. Every request is
 * checked against the disk's size and the sector granularity first.
 */
#include <string.h>
#include <service.h>
#include "memory.h"

#define RAMDISK_BASE 0x60000000u   /* in this driver's address space */

static uint8_t *disk = (uint8_t *)RAMDISK_BASE;
static uint32_t disk_size;

int ramdisk_load(const char *name)
{
	char module[16];
	for (uint32_t index = 0;; index++) {
		int size = sys_bootimage(index, 0, NULL, 0, module);
		if (size < 0)
			return size;
		if (strcmp(module, name) != 0)
			continue;
		if (size % BDEV_SECTOR || (uint32_t)size > USER_HEAP_TOP - RAMDISK_BASE)
			return -EINVAL;
		int r = sys_vm(VM_ALLOC, SELF, RAMDISK_BASE, (uint32_t)size);
		if (r == 0)
			r = sys_bootimage(index, 0, disk, (uint32_t)size, NULL);
		if (r < 0)
			return r;
		disk_size = (uint32_t)size;
		return size;
	}
}

static bool is_ramdisk(const message *m) { return m->bdev.minor == 0 && disk_size; }

int do_bdev_open(message *m)
{
	if (m->bdev.minor == 0 && !disk_size) {
		int r = ramdisk_load("rootfs.img");
		if (r < 0)
			service_log("no RAM disk: boot module rootfs.img %s (error %d)",
				    r == -ENOENT ? "is missing" : "could not be loaded", r);
		else
			service_log("RAM disk of %d KiB from rootfs.img", r / 1024);
	}
	return is_ramdisk(m) ? 0 : -ENXIO;
}

int do_bdev_size(message *m)
{
	if (!is_ramdisk(m))
		return -ENXIO;
	m->bdev.position = disk_size;
	return 0;
}

int do_bdev_transfer(message *m)
{
	uint64_t pos = m->bdev.position;
	uint32_t len = m->bdev.len;
	if (!is_ramdisk(m))
		return -ENXIO;
	if (pos % BDEV_SECTOR || len % BDEV_SECTOR || len > BDEV_MAX_TRANSFER)
		return -EINVAL;
	if (pos > disk_size || len > disk_size - pos)
		return -EINVAL;  /* nothing beyond the end */
	int r = m->type == BDEV_READ ? sys_safecopy_to(m->source, m->bdev.grant, 0, disk + pos, len)
				     : sys_safecopy_from(m->source, m->bdev.grant, 0, disk + pos, len);
	return r < 0 ? r : (int)len;
}
