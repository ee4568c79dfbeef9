/*
 * Service images: ELF files of services started from the file system
 * (`service up FILE -label L`), kept by the kernel as it keeps boot modules.
 * RS hands the file over once (IMAGE_KEEP, from a grant the `service`
 * command made); every later start is from the kernel's copy, so a service
 * comes back even when the disk, the file system or RS itself died. An
 * image lives in an address space of its own (the file mapped read-only at
 * USER_BASE), so the loader reads it like a program's memory.
 *
 * A process started from an image gets a dynamic privilege record with the
 * rights of file_service_entry and the image's label; the record is freed
 * when the process dies.
 */
#include "kernel.h"
#include "priv.h"

#define NR_IMAGES 8
#define IMAGE_MAX_WORDS 8        /* argv entries from an image's args */

struct service_image {
	uint32_t *dir;               /* the file at USER_BASE; NULL = slot free */
	uint32_t len;
	char label[LABEL_MAX];
	char args[IMAGE_ARGS_MAX];
};

static struct service_image images[NR_IMAGES];

struct grant *grant_lookup(struct proc *owner, grant_id_t id);

static bool label_running(const char *label)
{
	for (int slot = 0; slot < NR_PROCS; slot++) {
		const struct proc *p = proc_slot(slot);
		if (proc_is_live(p) && strcmp(p->priv->label, label) == 0)
			return true;
	}
	return false;
}

/* Whether a boot-table row, a kept image or a live process carries label. */
bool image_label_taken(const char *label)
{
	unsigned index;
	if (boot_entry_find(label, &index))
		return true;
	for (int i = 0; i < NR_IMAGES; i++)
		if (images[i].dir && strcmp(images[i].label, label) == 0)
			return true;
	return label_running(label);
}

/* A label is a short word of letters, digits, '-' and '_'. */
static bool label_valid(const char *label)
{
	if (!label[0])
		return false;
	for (const char *c = label; *c; c++) {
		bool ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
			  (*c >= '0' && *c <= '9') || *c == '-' || *c == '_';
		if (!ok)
			return false;
	}
	return true;
}

/* The grant req names, checked: owner alive, made to caller, readable, long enough. */
static int check_source(struct proc *caller, const struct kc_image *req, struct proc **owner,
			vir_addr_t *base)
{
	int r = proc_lookup_checked(req->owner, caller, owner);
	if (r < 0)
		return r;
	const struct grant *g = grant_lookup(*owner, req->grant);
	if (!g)
		return -EBADGRANT;
	if ((g->grantee != ANY && g->grantee != caller->endpoint) || !(g->access & GRANT_READ))
		return -EPERM;
	if (req->len == 0 || req->len > IMAGE_MAX_LEN || req->len > g->len)
		return -EINVAL;
	*base = g->base;
	return 0;
}

int image_keep(struct proc *caller, const struct kc_image *req)
{
	struct proc *owner;
	vir_addr_t base;
	int r = check_source(caller, req, &owner, &base);
	if (r < 0)
		return r;
	if (!label_valid(req->label))
		return -EINVAL;
	if (image_label_taken(req->label))
		return -EEXIST;
	struct service_image *img = NULL;
	for (int i = 0; i < NR_IMAGES && !img; i++)
		img = images[i].dir ? NULL : &images[i];
	if (!img)
		return -ENOSPC;
	uint32_t *dir = arch_pagedir_create();
	if (!dir)
		return -ENOMEM;
	r = vm_alloc_range(dir, USER_BASE, req->len, false);
	if (r == 0)
		r = vm_copy_to_image(dir, USER_BASE, owner->pagedir, base, req->len);
	if (r == 0)
		r = exec_check(dir, USER_BASE, req->len);
	if (r < 0) {
		arch_pagedir_destroy(dir, true);
		return r;
	}
	img->dir = dir;
	img->len = req->len;
	strlcpy(img->label, req->label, sizeof(img->label));
	strlcpy(img->args, req->args, sizeof(img->args));
	kprintf("kernel: keeping service image '%s' (%u bytes)\n", img->label, img->len);
	return IMAGE_INDEX_BASE + (int)(img - images);
}

static struct service_image *image_at(uint32_t index)
{
	if (index < IMAGE_INDEX_BASE || index - IMAGE_INDEX_BASE >= NR_IMAGES)
		return NULL;
	struct service_image *img = &images[index - IMAGE_INDEX_BASE];
	return img->dir ? img : NULL;
}

static struct proc *image_process(const struct service_image *img)
{
	for (int slot = 0; slot < NR_PROCS; slot++) {
		struct proc *p = proc_slot(slot);
		if (proc_is_live(p) && p->image == img - images + 1)
			return p;
	}
	return NULL;
}

int image_drop(uint32_t index)
{
	struct service_image *img = image_at(index);
	if (!img)
		return -ENOENT;
	if (image_process(img))
		return -EBUSY;
	arch_pagedir_destroy(img->dir, true);
	memset(img, 0, sizeof(*img));
	return 0;
}

/*
 * The initial stack: argv = { label, ["restart"], the image's args... },
 * envp = { NULL }, with the strings after the pointers. Returns its length.
 */
static uint32_t build_stack(const struct service_image *img, bool fresh, uint32_t *stack,
			    size_t size)
{
	const char *words[IMAGE_MAX_WORDS + 2];
	char args[IMAGE_ARGS_MAX];
	unsigned argc = 0;
	words[argc++] = img->label;
	if (!fresh)
		words[argc++] = "restart";
	strlcpy(args, img->args, sizeof(args));
	for (char *c = args; *c && argc < IMAGE_MAX_WORDS + 2;) {
		while (*c == ' ')
			*c++ = '\0';
		if (*c)
			words[argc++] = c;
		while (*c && *c != ' ')
			c++;
	}
	uint32_t pointers = (1 + argc + 1 + 1) * 4, strings = 0;
	for (unsigned i = 0; i < argc; i++)
		strings += (uint32_t)strlen(words[i]) + 1;
	uint32_t len = (pointers + strings + 3) & ~3u;
	uint32_t base = USER_STACK_TOP - len;
	char *text = (char *)stack + pointers;
	if (len > size)
		return 0;
	memset(stack, 0, len);
	stack[0] = argc;
	for (unsigned i = 0; i < argc; i++) {
		stack[1 + i] = base + (uint32_t)(text - (char *)stack);
		strlcpy(text, words[i], strlen(words[i]) + 1);
		text += strlen(words[i]) + 1;
	}
	return len;    /* argv[argc] and envp[0] are the zeroes after the pointers */
}

int image_spawn(uint32_t index, endpoint_t manager, bool fresh)
{
	static uint32_t stack[128];
	const struct service_image *img = image_at(index);
	if (!img)
		return -ENOENT;
	if (label_running(img->label))
		return -EBUSY;            /* the old instance still runs: kill it first */
	uint32_t stack_len = build_stack(img, fresh, stack, sizeof(stack));
	struct proc *p = proc_alloc(img->label);
	struct priv *priv = p ? priv_alloc_dynamic() : NULL;
	if (!p || !priv || !stack_len) {
		if (p)
			p->block = BLOCK_FREE;
		return p && !stack_len ? -E2BIG : -EAGAIN;
	}
	int r = exec_load_split(p, img->dir, USER_BASE, img->len, NULL, (vir_addr_t)stack, stack_len);
	if (r < 0) {
		priv_release(priv);
		p->block = BLOCK_FREE;
		return r;
	}
	const struct boot_entry *e = &file_service_entry;
	priv_set_from_entry(priv, e, img->label);
	p->priv = priv;
	p->priority = e->priority;
	uint32_t quantum = e->quantum_ms * CONFIG_HZ / 1000;
	p->quantum_ticks = p->ticks_left = quantum ? quantum : 1;
	p->image = (int)(img - images) + 1;
	p->manager = manager;
	proc_set_runnable_flags(p, 0, BLOCK_STOPPED);
	kprintf("kernel: %s %s from its kept image (endpoint %d)\n", fresh ? "started" : "restarted",
		img->label, p->endpoint);
	return p->endpoint;
}

/* After RS died and came back: the services it started from images are its again. */
void image_adopt_orphans(endpoint_t rs)
{
	for (int slot = 0; slot < NR_PROCS; slot++) {
		struct proc *p = proc_slot(slot);
		if (proc_is_live(p) && p->image && p->manager == NONE)
			p->manager = rs;
	}
}
