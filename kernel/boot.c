/*
 * From the boot loader to the first processes: physical memory from the
 * Multiboot map, and one process per boot module, each an ELF executable
 * started with the privileges its boot-table row gives it.
 */
#include "kernel.h"
#include "multiboot.h"
#include "priv.h"

extern char kernel_image_start[], kernel_image_end[];

#define MAX_BOOT_MODULES 16
#define LOW_MEMORY_END 0x100000u

static struct multiboot_module modules[MAX_BOOT_MODULES];
static unsigned nr_modules;

static uint32_t max_u32(uint32_t a, uint32_t b) { return a > b ? a : b; }

/* Reads the memory map and reserves what is in use; returns the top of RAM. */
static phys_addr_t init_memory(const struct multiboot_info *mbi)
{
	phys_addr_t top = 0, used_end = (phys_addr_t)kernel_image_end;
	if (mbi->flags & MULTIBOOT_INFO_MODS) {
		const struct multiboot_module *m = (const void *)mbi->mods_addr;
		nr_modules = mbi->mods_count < MAX_BOOT_MODULES ? mbi->mods_count : MAX_BOOT_MODULES;
		for (unsigned i = 0; i < nr_modules; i++) {
			modules[i] = m[i];
			used_end = max_u32(used_end, m[i].mod_end);
		}
	}
	if (!(mbi->flags & MULTIBOOT_INFO_MEM_MAP))
		panic("boot loader gave no memory map");
	for (uint32_t off = 0; off < mbi->mmap_length; ) {
		const struct multiboot_mmap_entry *e = (const void *)(mbi->mmap_addr + off);
		if (e->type == 1 && e->addr < USER_BASE) {
			uint64_t end = e->addr + e->len;
			top = max_u32(top, (phys_addr_t)(end > USER_BASE ? USER_BASE : end));
		}
		off += e->size + 4;
	}
	memory_init(used_end, top);
	for (uint32_t off = 0; off < mbi->mmap_length; ) {
		const struct multiboot_mmap_entry *e = (const void *)(mbi->mmap_addr + off);
		if (e->type == 1 && e->addr < top)
			memory_add_range((phys_addr_t)e->addr,
					 (phys_addr_t)(e->addr + e->len > top ? top : e->addr + e->len));
		off += e->size + 4;
	}
	/* Module command lines and the info structure itself sit in low memory
	 * or right after the kernel; boot modules stay reserved for restarts. */
	memory_reserve(0, LOW_MEMORY_END);
	memory_reserve((phys_addr_t)kernel_image_start, (phys_addr_t)kernel_image_end);
	for (unsigned i = 0; i < nr_modules; i++)
		memory_reserve(modules[i].mod_start, modules[i].mod_end);
	return top;
}

/* The module's name: the last path component of the first word of its command line. */
static void module_name(const struct multiboot_module *m, char *name, size_t size)
{
	const char *s = m->cmdline ? (const char *)m->cmdline : "";
	const char *base = s;
	for (const char *c = s; *c && *c != ' '; c++) {
		if (*c == '/')
			base = c + 1;
	}
	size_t n = 0;
	while (base[n] && base[n] != ' ' && n < size - 1) {
		name[n] = base[n];
		n++;
	}
	name[n] = '\0';
}

int boot_module(unsigned index, phys_addr_t *start, uint32_t *len, char name[16])
{
	if (index >= nr_modules)
		return -ENOENT;
	*start = modules[index].mod_start;
	*len = modules[index].mod_end - modules[index].mod_start;
	module_name(&modules[index], name, 16);
	return 0;
}

/* The initial stack: argv = { name, NULL } or { name, "restart", NULL }, envp = { NULL }. */
struct boot_stack {
	uint32_t argc;
	uint32_t argv[3];
	uint32_t envp[1];
	char name[16];
	char restart[8];
};

/*
 * Starts boot module index as a new process (a restarted instance if
 * restart), managed by manager. Returns it, or NULL with *error set.
 */
static struct proc *start_module(unsigned index, bool restart, endpoint_t manager, int *error)
{
	char name[16];
	unsigned entry_index;
	const struct multiboot_module *m = &modules[index];
	module_name(m, name, sizeof(name));
	const struct boot_entry *entry = boot_entry_find(name, &entry_index);
	*error = -ENOENT;
	if (!entry) {
		kprintf("kernel: boot module '%s' is not in the boot table; not started\n", name);
		return NULL;
	}
	*error = -EINVAL;
	if (entry->dormant || (restart && entry->program))
		return NULL;           /* data; or a program, which PM restarts if anyone */
	struct proc *p = proc_alloc(name);
	struct priv *priv = priv_for_boot_entry(entry_index);
	*error = -EBUSY;           /* out of slots, or the module still runs */
	if (!p || !priv) {
		if (p)
			p->block = BLOCK_FREE;
		return NULL;
	}
	p->priv = priv;
	p->priority = entry->priority;
	p->quantum_ticks = p->ticks_left = max_u32(1, entry->quantum_ms * CONFIG_HZ / 1000);
	p->boot_module = (int)index + 1;
	p->manager = manager;

	struct boot_stack stack = { .argc = restart ? 2 : 1 };
	uint32_t base = USER_STACK_TOP - sizeof(stack);
	stack.argv[0] = base + offsetof(struct boot_stack, name);
	if (restart)
		stack.argv[1] = base + offsetof(struct boot_stack, restart);
	strlcpy(stack.name, name, sizeof(stack.name));
	strlcpy(stack.restart, "restart", sizeof(stack.restart));
	int r = exec_load(p, NULL, m->mod_start, m->mod_end - m->mod_start,
			  (vir_addr_t)&stack, sizeof(stack));
	if (r < 0) {
		kprintf("kernel: boot module '%s' is not a valid executable (error %d)\n", name, r);
		priv_release(priv);
		p->block = BLOCK_FREE;
		*error = r;
		return NULL;
	}
	proc_set_runnable_flags(p, 0, BLOCK_STOPPED);
	kprintf("kernel: %s %s (endpoint %d)\n", restart ? "restarted" : "started", name, p->endpoint);
	return p;
}

int boot_spawn(unsigned index, endpoint_t manager)
{
	int error;
	if (index >= nr_modules)
		return -ENOENT;
	struct proc *p = start_module(index, true, manager, &error);
	return p ? p->endpoint : error;
}

/* The live process whose boot-table row is called name, or NULL. */
static struct proc *find_boot_process(const char *label)
{
	for (int slot = 0; slot < NR_PROCS; slot++) {
		struct proc *p = proc_slot(slot);
		if (proc_is_live(p) && strcmp(p->priv->label, label) == 0)
			return p;
	}
	return NULL;
}

/*
 * Boot processes get their managers: ordinary programs (init) PM, system
 * services RS (when the boot image has one). A restarted RS gets the
 * services back the same way.
 */
static void hand_out_boot_processes(void)
{
	const struct proc *pm = find_boot_process("pm"), *rs = find_boot_process("rs");
	for (int slot = 0; slot < NR_PROCS; slot++) {
		struct proc *p = proc_slot(slot);
		unsigned index;
		const struct boot_entry *e = boot_entry_find(p->name, &index);
		if (!proc_is_live(p) || !e || p == rs || p->boot_module == 0)
			continue;
		if (e->program && pm)
			p->manager = pm->endpoint;
		else if (!e->program && rs && !(e->flags & PRIV_KILL_ANY) && p->manager == NONE)
			p->manager = rs->endpoint;
	}
}

void boot_respawn_rs(unsigned index)
{
	int error;
	const struct proc *rs = start_module(index, true, NONE, &error);
	if (rs) {
		hand_out_boot_processes();
		image_adopt_orphans(rs->endpoint);
	}
	else
		kprintf("kernel: rs could not be restarted (error %d)\n", error);
}

/* Is word one of the space-separated words of the kernel command line? */
static bool has_boot_option(const struct multiboot_info *mbi, const char *word)
{
	if (!(mbi->flags & MULTIBOOT_INFO_CMDLINE) || !mbi->cmdline)
		return false;
	size_t n = strlen(word);
	for (const char *s = (const char *)mbi->cmdline; *s; s++) {
		if ((s == (const char *)mbi->cmdline || s[-1] == ' ') && memcmp(s, word, n) == 0 &&
		    (s[n] == ' ' || s[n] == '\0'))
			return true;
	}
	return false;
}

/*
 * "selftest=kernel-fault" on the command line makes the kernel fault on
 * purpose once booted, so the tests can see the panic path report it.
 */
static void maybe_fault_on_purpose(const struct multiboot_info *mbi)
{
	if (has_boot_option(mbi, "selftest=kernel-fault")) {
		kprintf("kernel: faulting on purpose (selftest=kernel-fault)\n");
		*(volatile uint32_t *)(USER_TOP - PAGE_SIZE) = 0;
	}
}

void boot_start(uint32_t magic, const struct multiboot_info *mbi)
{
	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		panic("not started by a Multiboot loader (magic %x)", magic);
	phys_addr_t top = init_memory(mbi);
	arch_paging_init(top);
	kprintf("kernel: %u KiB of memory, %u KiB free, %u boot modules\n",
		top / 1024, memory_free_pages() * 4, nr_modules);
	for (int slot = 0; slot < NR_PROCS; slot++)
		proc_slot(slot)->block = BLOCK_FREE;
	maybe_fault_on_purpose(mbi);
	for (unsigned i = 0; i < nr_modules; i++) {
		int error;
		start_module(i, false, NONE, &error);
	}
	hand_out_boot_processes();
}
