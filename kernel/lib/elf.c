/* ELF32 checks; see elf.h. */
#include "elf.h"
#include <samsara/errno.h>

static int check_segment(const struct elf32_phdr *ph, size_t len, uint32_t base, uint32_t top)
{
	if (ph->type != ELF_PT_LOAD)
		return 0;
	if (ph->filesz > ph->memsz || ph->offset > len || ph->filesz > len - ph->offset)
		return -ENOEXEC;
	if (ph->vaddr < base || ph->vaddr >= top || ph->memsz > top - ph->vaddr)
		return -ENOEXEC;
	return 0;
}

int elf_check(const void *image, size_t len, uint32_t user_base, uint32_t user_top)
{
	const struct elf32_header *h = image;
	static const uint8_t magic[7] = { 0x7f, 'E', 'L', 'F', 1 /* 32-bit */, 1 /* LE */, 1 };
	if (len < sizeof(*h))
		return -ENOEXEC;
	for (unsigned i = 0; i < sizeof(magic); i++) {
		if (h->ident[i] != magic[i])
			return -ENOEXEC;
	}
	if (h->type != 2 /* EXEC */ || h->machine != 3 /* 386 */ || h->version != 1)
		return -ENOEXEC;
	if (h->phentsize != sizeof(struct elf32_phdr) || h->phnum == 0 || h->phnum > ELF_MAX_PHDRS)
		return -ENOEXEC;
	if (h->phoff % 4 || h->phoff > len || (size_t)h->phnum * sizeof(struct elf32_phdr) > len - h->phoff)
		return -ENOEXEC;
	if (h->entry < user_base || h->entry >= user_top)
		return -ENOEXEC;
	int loadable = 0;
	for (unsigned i = 0; i < h->phnum; i++) {
		const struct elf32_phdr *ph = elf_phdr(image, i);
		if (check_segment(ph, len, user_base, user_top) < 0)
			return -ENOEXEC;
		loadable += ph->type == ELF_PT_LOAD;
	}
	return loadable ? 0 : -ENOEXEC;
}

const struct elf32_phdr *elf_phdr(const void *image, unsigned i)
{
	const struct elf32_header *h = image;
	return (const struct elf32_phdr *)((const uint8_t *)image + h->phoff) + i;
}
