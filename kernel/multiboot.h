/* The parts of the Multiboot (v1) information structure the kernel reads. */
#pragma once

#include <stdint.h>

#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002
#define MULTIBOOT_INFO_MEMORY   0x001
#define MULTIBOOT_INFO_CMDLINE  0x004
#define MULTIBOOT_INFO_MODS     0x008
#define MULTIBOOT_INFO_MEM_MAP  0x040

struct multiboot_info {
	uint32_t flags;
	uint32_t mem_lower, mem_upper;
	uint32_t boot_device;
	uint32_t cmdline;
	uint32_t mods_count, mods_addr;
	uint32_t syms[4];
	uint32_t mmap_length, mmap_addr;
};

struct multiboot_module {
	uint32_t mod_start, mod_end;
	uint32_t cmdline;
	uint32_t reserved;
};

struct multiboot_mmap_entry {
	uint32_t size;           /* of the rest of the entry */
	uint64_t addr, len;
	uint32_t type;           /* 1 = available RAM */
} __attribute__((packed));
