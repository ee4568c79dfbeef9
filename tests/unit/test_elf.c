/*
 * Unit tests for elf_check() and elf_phdr() in kernel/lib/elf.c: a valid
 * image is accepted and every malformed or hostile variant is refused.
 * Images are built in memory and handed over in a heap copy of exactly the
 * stated length, so the sanitizers catch any read past it.
 */
#include <stdlib.h>
#include <string.h>

#include <samsara/errno.h>
#include "lib/elf.h"
#include "unit.h"

#define USER_BASE 0x40000000u
#define USER_TOP  0xc0000000u

/* Header, program-header table and some segment bytes, in file order. */
struct image {
	struct elf32_header h;
	struct elf32_phdr ph[ELF_MAX_PHDRS + 1];
	uint8_t data[256];
};

#define PH_OFF ((uint32_t)offsetof(struct image, ph))
#define DATA_OFF ((uint32_t)offsetof(struct image, data))

static void set_load(struct elf32_phdr *ph, uint32_t offset, uint32_t filesz,
                     uint32_t vaddr, uint32_t memsz)
{
	*ph = (struct elf32_phdr){ .type = ELF_PT_LOAD, .offset = offset, .vaddr = vaddr,
	                           .paddr = vaddr, .filesz = filesz, .memsz = memsz,
	                           .align = 0x1000 };
}

/* A valid executable: a text segment and a data segment with bss. */
static void make_valid(struct image *im)
{
	static const uint8_t ident[16] = { 0x7f, 'E', 'L', 'F', 1, 1, 1 };
	memset(im, 0, sizeof(*im));
	memcpy(im->h.ident, ident, sizeof(ident));
	memset(im->data, 0x90, sizeof(im->data)); /* segment contents: nops */
	im->h.type = 2;
	im->h.machine = 3;
	im->h.version = 1;
	im->h.entry = USER_BASE + DATA_OFF;
	im->h.phoff = PH_OFF;
	im->h.ehsize = sizeof(struct elf32_header);
	im->h.phentsize = sizeof(struct elf32_phdr);
	im->h.phnum = 2;
	set_load(&im->ph[0], 0, DATA_OFF + 128, USER_BASE, DATA_OFF + 128);
	set_load(&im->ph[1], DATA_OFF + 128, 128, USER_BASE + 0x1000, 0x2000);
	im->ph[1].flags = ELF_PF_W;
}

/* elf_check on a heap copy of exactly the first `len` bytes of `im`. */
static int check_range(const struct image *im, size_t len, uint32_t base, uint32_t top)
{
	void *copy = malloc(len ? len : 1);
	if (!copy)
		abort();
	memcpy(copy, im, len);
	int r = elf_check(copy, len, base, top);
	free(copy);
	return r;
}

static int check_len(const struct image *im, size_t len)
{
	return check_range(im, len, USER_BASE, USER_TOP);
}

static int check(const struct image *im) { return check_len(im, sizeof(*im)); }

static void elf_check_accepts_valid_image(void)
{
	struct image im;
	make_valid(&im);
	CHECK(check(&im) == 0);
	CHECK(elf_check(&im, sizeof(im), USER_BASE, USER_TOP) == 0);
}

static void elf_phdr_returns_the_ith_program_header(void)
{
	struct image im;
	make_valid(&im);
	CHECK(elf_phdr(&im, 0) == &im.ph[0]);
	CHECK(elf_phdr(&im, 1) == &im.ph[1]);
	CHECK(elf_phdr(&im, 1)->memsz == 0x2000);
}

static void elf_check_rejects_truncated_header(void)
{
	struct image im;
	make_valid(&im);
	const size_t lens[] = { 0, 4, 16, 24, 32, 40, 44, sizeof(struct elf32_header) - 1 };
	for (unsigned i = 0; i < sizeof(lens) / sizeof(lens[0]); i++)
		CHECK(check_len(&im, lens[i]) == -ENOEXEC);
}

static void elf_check_rejects_wrong_magic(void)
{
	for (int i = 0; i < 4; i++) {
		struct image im;
		make_valid(&im);
		im.h.ident[i] ^= 0x20;
		CHECK(check(&im) == -ENOEXEC);
	}
}

static void elf_check_rejects_wrong_class(void)
{
	struct image im;
	make_valid(&im);
	im.h.ident[4] = 2; /* ELFCLASS64 */
	CHECK(check(&im) == -ENOEXEC);
	im.h.ident[4] = 0;
	CHECK(check(&im) == -ENOEXEC);
}

static void elf_check_rejects_big_endian(void)
{
	struct image im;
	make_valid(&im);
	im.h.ident[5] = 2; /* ELFDATA2MSB */
	CHECK(check(&im) == -ENOEXEC);
}

static void elf_check_rejects_wrong_version(void)
{
	struct image im;
	make_valid(&im);
	im.h.ident[6] = 0;
	CHECK(check(&im) == -ENOEXEC);
	make_valid(&im);
	im.h.version = 2;
	CHECK(check(&im) == -ENOEXEC);
}

static void elf_check_rejects_wrong_machine(void)
{
	const uint16_t machines[] = { 0, 62 /* x86-64 */, 40 /* ARM */, 0x0300 };
	for (unsigned i = 0; i < sizeof(machines) / sizeof(machines[0]); i++) {
		struct image im;
		make_valid(&im);
		im.h.machine = machines[i];
		CHECK(check(&im) == -ENOEXEC);
	}
}

static void elf_check_rejects_wrong_type(void)
{
	const uint16_t types[] = { 0, 1 /* REL */, 3 /* DYN */, 4 /* CORE */, 0x0200 };
	for (unsigned i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		struct image im;
		make_valid(&im);
		im.h.type = types[i];
		CHECK(check(&im) == -ENOEXEC);
	}
}

static void elf_check_rejects_phentsize_mismatch(void)
{
	const uint16_t sizes[] = { 0, 31, 33, 56 /* ELF64 */, 0xffff };
	for (unsigned i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		struct image im;
		make_valid(&im);
		im.h.phentsize = sizes[i];
		CHECK(check(&im) == -ENOEXEC);
	}
}

static void elf_check_rejects_zero_phnum(void)
{
	struct image im;
	make_valid(&im);
	im.h.phnum = 0;
	CHECK(check(&im) == -ENOEXEC);
}

static void elf_check_accepts_max_phnum_and_rejects_more(void)
{
	struct image im;
	make_valid(&im);
	im.h.phnum = ELF_MAX_PHDRS; /* the extra headers are zero: not PT_LOAD */
	CHECK(check(&im) == 0);
	im.h.phnum = ELF_MAX_PHDRS + 1;
	CHECK(check(&im) == -ENOEXEC);
	im.h.phnum = 0xffff;
	CHECK(check(&im) == -ENOEXEC);
}

static void elf_check_rejects_phdr_table_outside_image(void)
{
	struct image im;
	make_valid(&im);
	const uint32_t len = sizeof(im);
	const uint32_t offsets[] = { len, len + 1, len - 32, len - 63, 0xffffffffu };
	const uint16_t counts[] = { 1, 1, 2, 2, 1 };
	for (unsigned i = 0; i < sizeof(offsets) / sizeof(offsets[0]); i++) {
		make_valid(&im);
		im.h.phoff = offsets[i];
		im.h.phnum = counts[i];
		CHECK(check(&im) == -ENOEXEC);
	}
}

static void elf_check_rejects_phoff_that_wraps_around(void)
{
	struct image im;
	make_valid(&im);
	im.h.phoff = 0xffffffe0u; /* phoff + 1 * 32 == 0 in 32 bits */
	im.h.phnum = 1;
	CHECK(check(&im) == -ENOEXEC);
	im.h.phoff = 0u - 2 * 32u;
	im.h.phnum = 4;
	CHECK(check(&im) == -ENOEXEC);
}

static void elf_check_rejects_misaligned_phdr_table(void)
{
	struct image im;
	make_valid(&im);
	im.h.phoff = PH_OFF + 2;  /* program headers must be 4-byte aligned */
	CHECK(check(&im) == -ENOEXEC);
}

static void elf_check_accepts_phdr_table_ending_at_image_end(void)
{
	const size_t table_end = PH_OFF + 2 * sizeof(struct elf32_phdr);
	struct image im;
	make_valid(&im);
	im.ph[0].offset = im.ph[0].filesz = 0; /* no segment reads file bytes */
	im.ph[1].offset = im.ph[1].filesz = 0;
	CHECK(check_len(&im, table_end) == 0);
	CHECK(check_len(&im, table_end - 1) == -ENOEXEC);
}

static void elf_check_rejects_filesz_above_memsz(void)
{
	struct image im;
	make_valid(&im);
	im.ph[1].memsz = im.ph[1].filesz - 1;
	CHECK(check(&im) == -ENOEXEC);
	im.ph[1].memsz = im.ph[1].filesz;
	CHECK(check(&im) == 0);
}

static void elf_check_rejects_segment_past_image_end(void)
{
	struct image im;
	make_valid(&im);
	im.ph[1].offset = sizeof(im) - 4;
	im.ph[1].filesz = 5;
	CHECK(check(&im) == -ENOEXEC);
	im.ph[1].filesz = 4;
	CHECK(check(&im) == 0);
	im.ph[1].offset = sizeof(im);      /* bss only, at the end of the file */
	im.ph[1].filesz = 0;
	CHECK(check(&im) == 0);
	im.ph[1].offset = sizeof(im) + 1;
	CHECK(check(&im) == -ENOEXEC);
}

static void elf_check_rejects_segment_offset_overflow(void)
{
	struct image im;
	make_valid(&im);
	im.ph[1].offset = 0xffffffffu; /* offset + filesz == 1 in 32 bits */
	im.ph[1].filesz = 2;
	CHECK(check(&im) == -ENOEXEC);
	make_valid(&im);
	im.ph[1].offset = 8;           /* offset + filesz == 4 in 32 bits */
	im.ph[1].filesz = 0xfffffffcu;
	im.ph[1].memsz = 0xfffffffcu;
	CHECK(check(&im) == -ENOEXEC);
	im.ph[1].vaddr = 0;            /* so that only the file bounds refuse it */
	CHECK(check_range(&im, sizeof(im), 0, 0xffffffffu) == -ENOEXEC);
	im.ph[1].filesz = sizeof(im) - 8;
	CHECK(check_range(&im, sizeof(im), 0, 0xffffffffu) == 0);
}

static void elf_check_rejects_vaddr_below_user_base(void)
{
	struct image im;
	make_valid(&im);
	im.ph[1].vaddr = USER_BASE - 1;
	CHECK(check(&im) == -ENOEXEC);
	im.ph[1].vaddr = 0;
	CHECK(check(&im) == -ENOEXEC);
}

static void elf_check_rejects_segment_past_user_top(void)
{
	struct image im;
	make_valid(&im);
	im.ph[1].vaddr = USER_TOP - 0x2000;
	CHECK(check(&im) == 0);            /* ends exactly at the top */
	im.ph[1].vaddr = USER_TOP - 0x1fff;
	CHECK(check(&im) == -ENOEXEC);
	im.ph[1].vaddr = USER_TOP;
	im.ph[1].filesz = im.ph[1].memsz = 0;
	CHECK(check(&im) == -ENOEXEC);
	im.ph[1].vaddr = 0xfffff000u;
	CHECK(check(&im) == -ENOEXEC);
}

static void elf_check_rejects_memsz_that_wraps_around(void)
{
	struct image im;
	make_valid(&im);
	im.ph[1].memsz = 0u - im.ph[1].vaddr; /* vaddr + memsz == 0 in 32 bits */
	CHECK(check(&im) == -ENOEXEC);
	im.ph[1].memsz = 0xffffffffu;
	CHECK(check(&im) == -ENOEXEC);
}

static void elf_check_rejects_entry_outside_user_range(void)
{
	const uint32_t bad[] = { 0, USER_BASE - 1, USER_TOP, 0xffffffffu };
	struct image im;
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		make_valid(&im);
		im.h.entry = bad[i];
		CHECK(check(&im) == -ENOEXEC);
	}
	im.h.entry = USER_BASE;
	CHECK(check(&im) == 0);
	im.h.entry = USER_TOP - 1;
	CHECK(check(&im) == 0);
}

static void elf_check_rejects_image_without_load_segment(void)
{
	struct image im;
	make_valid(&im);
	im.ph[0].type = 6; /* PT_PHDR */
	im.ph[1].type = 0x6474e551; /* PT_GNU_STACK */
	CHECK(check(&im) == -ENOEXEC);
}

static void elf_check_ignores_fields_of_other_segment_types(void)
{
	struct image im;
	make_valid(&im);
	im.h.phnum = 3;
	im.ph[2] = (struct elf32_phdr){ .type = 4 /* PT_NOTE */, .offset = 0xffffffffu,
	                                .vaddr = 1, .filesz = 0xffffffffu, .memsz = 1 };
	CHECK(check(&im) == 0);
}

static void elf_check_rejects_bad_segment_after_good_ones(void)
{
	struct image im;
	make_valid(&im);
	im.h.phnum = ELF_MAX_PHDRS;
	set_load(&im.ph[ELF_MAX_PHDRS - 1], 0, 16, USER_BASE - 0x1000, 16);
	CHECK(check(&im) == -ENOEXEC);
}

static void elf_check_honours_other_user_ranges(void)
{
	struct image im;
	make_valid(&im);
	CHECK(elf_check(&im, sizeof(im), USER_BASE, USER_BASE + 0x3000) == 0);
	CHECK(elf_check(&im, sizeof(im), USER_BASE, USER_BASE + 0x2fff) == -ENOEXEC);
	CHECK(elf_check(&im, sizeof(im), USER_BASE + 1, USER_TOP) == -ENOEXEC);
	CHECK(elf_check(&im, sizeof(im), 0, 0xffffffffu) == 0);
}

int main(void)
{
	RUN(elf_check_accepts_valid_image);
	RUN(elf_phdr_returns_the_ith_program_header);
	RUN(elf_check_rejects_truncated_header);
	RUN(elf_check_rejects_wrong_magic);
	RUN(elf_check_rejects_wrong_class);
	RUN(elf_check_rejects_big_endian);
	RUN(elf_check_rejects_wrong_version);
	RUN(elf_check_rejects_wrong_machine);
	RUN(elf_check_rejects_wrong_type);
	RUN(elf_check_rejects_phentsize_mismatch);
	RUN(elf_check_rejects_zero_phnum);
	RUN(elf_check_accepts_max_phnum_and_rejects_more);
	RUN(elf_check_rejects_phdr_table_outside_image);
	RUN(elf_check_rejects_phoff_that_wraps_around);
	RUN(elf_check_rejects_misaligned_phdr_table);
	RUN(elf_check_accepts_phdr_table_ending_at_image_end);
	RUN(elf_check_rejects_filesz_above_memsz);
	RUN(elf_check_rejects_segment_past_image_end);
	RUN(elf_check_rejects_segment_offset_overflow);
	RUN(elf_check_rejects_vaddr_below_user_base);
	RUN(elf_check_rejects_segment_past_user_top);
	RUN(elf_check_rejects_memsz_that_wraps_around);
	RUN(elf_check_rejects_entry_outside_user_range);
	RUN(elf_check_rejects_image_without_load_segment);
	RUN(elf_check_ignores_fields_of_other_segment_types);
	RUN(elf_check_rejects_bad_segment_after_good_ones);
	RUN(elf_check_honours_other_user_ranges);
	return unit_summary();
}
