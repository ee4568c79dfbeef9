/*
 * ELF32 executable checks. elf_check() validates everything the loader will
 * rely on before anything is mapped: header identity, machine, program-header
 * table bounds, and each loadable segment's sizes and addresses against the
 * user address range. Pure; unit-tested on the host.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

struct elf32_header {
	uint8_t  ident[16];
	uint16_t type, machine;
	uint32_t version, entry, phoff, shoff, flags;
	uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf32_phdr {
	uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

#define ELF_PT_LOAD 1
#define ELF_PF_W 2
#define ELF_MAX_PHDRS 16

/* Returns 0 if the image may be loaded into [user_base, user_top), else -ENOEXEC. */
int elf_check(const void *image, size_t len, uint32_t user_base, uint32_t user_top);
/* The i-th program header of an image that passed elf_check. */
const struct elf32_phdr *elf_phdr(const void *image, unsigned i);
