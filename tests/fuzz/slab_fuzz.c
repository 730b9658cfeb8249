// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the slab allocator: random sequences of cache
 * create/destroy/shrink, kmem_cache_alloc/free, kmalloc/kzalloc/kfree and
 * krealloc, checked against a reference model.  Every live block carries
 * a pattern derived from its address and a seed, written at allocation
 * and verified before it is freed or resized; blocks must never overlap,
 * must be aligned as promised, the caches' slabinfo must match the model,
 * no report may be raised, and after each input the page allocator gets
 * every page back.  Caches are created with and without debug flags and
 * constructors (which move the free pointer out of the object); the
 * machine boots with every debug flag on for some kmalloc caches (the
 * others keep the fast paths) and with page poisoning under the slabs.
 */
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <linux/sizes.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/host.h>
#include "../mm/boot_fixture.h"
#include "../../mm/slab.h"

#define MAX_LIVE	256
#define MAX_CACHES	6

struct block {
	u8 *p;
	size_t size;		/* bytes the caller asked for */
	int cache;		/* index into caches[], or -1 for kmalloc */
	u8 seed;
};

struct model_cache {
	struct kmem_cache *s;
	unsigned int size;
	unsigned int align;
	unsigned long live;
};

static struct block live[MAX_LIVE];
static unsigned int nr_live;
static struct model_cache caches[MAX_CACHES];
static unsigned long baseline_free;
static char names[MAX_CACHES][16];

static const u8 *in;
static size_t in_len;

static unsigned int take(unsigned int bytes)
{
	unsigned int v = 0;

	while (bytes--) {
		v <<= 8;
		if (in_len) {
			v |= *in++;
			in_len--;
		}
	}
	return v;
}

static u8 pattern(const struct block *b, size_t i)
{
	return (u8)(b->seed + i * 31 + ((unsigned long)b->p >> 3));
}

static void fill(struct block *b)
{
	size_t i;

	for (i = 0; i < b->size; i++)
		b->p[i] = pattern(b, i);
}

static void verify(const struct block *b, size_t upto)
{
	size_t i;

	for (i = 0; i < upto; i++)
		if (b->p[i] != pattern(b, i))
			abort();
}

/* A new block must be aligned and must not overlap any live block (a NULL one is being resized). */
static void check_new(const u8 *p, size_t size, unsigned int align)
{
	unsigned int i;

	if (!p || ((unsigned long)p & (align - 1)))
		abort();
	for (i = 0; i < nr_live; i++) {
		const struct block *b = &live[i];

		if (b->p && p < b->p + b->size && b->p < p + size)
			abort();
	}
}

static void add_block(u8 *p, size_t size, int cache, bool zeroed)
{
	struct block *b = &live[nr_live++];

	if (zeroed && memchr_inv(p, 0, size))
		abort();
	b->p = p;
	b->size = size;
	b->cache = cache;
	b->seed = (u8)take(1);
	fill(b);
	if (cache >= 0)
		caches[cache].live++;
}

static void free_block(unsigned int i)
{
	struct block *b = &live[i];

	verify(b, b->size);
	if (b->cache >= 0) {
		kmem_cache_free(caches[b->cache].s, b->p);
		caches[b->cache].live--;
	} else {
		kfree(b->p);
	}
	live[i] = live[--nr_live];
}

static unsigned int kmalloc_align(size_t size)
{
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return PAGE_SIZE;
	size = kmalloc_slab(size, GFP_KERNEL)->object_size;
	return is_power_of_2(size) ? size : ARCH_KMALLOC_MINALIGN;
}

/* A constructor: its caches keep the free pointer outside the object. */
static void fuzz_ctor(void *obj)
{
	*(u8 *)obj = 0xc7;
}

static void op_create(void)
{
	static const slab_flags_t flag_sets[] = {
		0, SLAB_HWCACHE_ALIGN, SLAB_CACHE_DMA,
		SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER,
		SLAB_RED_ZONE, SLAB_POISON | SLAB_STORE_USER,
	};
	unsigned int slot = take(1) % MAX_CACHES;
	unsigned int size = take(2) % 5000 + 1;
	unsigned int align = take(1) % 8;
	unsigned int how = take(1);
	struct model_cache *c = &caches[slot];

	if (c->s)
		return;
	align = align < 4 ? 0 : 1U << (align - 1);	/* 0, 8, 16, 32, 64 */
	snprintf(names[slot], sizeof(names[slot]), "fuzz-%u", slot);
	c->s = kmem_cache_create(names[slot], size, align,
				 flag_sets[how % ARRAY_SIZE(flag_sets)],
				 how & 0x80 ? fuzz_ctor : NULL);
	if (!c->s)
		abort();
	c->size = size;
	c->align = align ? align : ARCH_SLAB_MINALIGN;
	c->live = 0;
}

static void op_destroy(void)
{
	unsigned int slot = take(1) % MAX_CACHES, i;
	struct slabinfo si;

	if (!caches[slot].s)
		return;
	for (i = nr_live; i-- > 0;)
		if (live[i].cache == (int)slot)
			free_block(i);
	kmem_cache_shrink(caches[slot].s);
	get_slabinfo(caches[slot].s, &si);
	if (si.num_slabs)
		abort();
	kmem_cache_destroy(caches[slot].s);
	caches[slot].s = NULL;
}

static void op_cache_alloc(void)
{
	unsigned int slot = take(1) % MAX_CACHES;
	bool zero = take(1) & 1;
	struct model_cache *c = &caches[slot];
	u8 *p;

	if (!c->s || nr_live == MAX_LIVE)
		return;
	p = zero ? kmem_cache_zalloc(c->s, GFP_KERNEL) : kmem_cache_alloc(c->s, GFP_KERNEL);
	check_new(p, c->size, c->align);
	add_block(p, c->size, slot, zero);
}

static void op_kmalloc(void)
{
	size_t size = take(2) % (3 * KMALLOC_MAX_CACHE_SIZE) + 1;
	unsigned int how = take(1) % 4;
	u8 *p;

	if (nr_live == MAX_LIVE)
		return;
	if (how == 0)
		p = kzalloc(size, GFP_KERNEL);
	else if (how == 1)
		p = kmalloc(size, GFP_KERNEL | __GFP_DMA);
	else
		p = kmalloc(size, GFP_KERNEL);
	check_new(p, size, kmalloc_align(size));
	if (ksize(p) < size)
		abort();
	add_block(p, size, -1, how == 0);
}

static void op_free(void)
{
	if (nr_live)
		free_block(take(1) % nr_live);
}

static void op_krealloc(void)
{
	size_t size = take(2) % (3 * KMALLOC_MAX_CACHE_SIZE) + 1;
	struct block *b;
	unsigned int i;
	u8 *p, *old;

	if (!nr_live)
		return;
	i = take(1) % nr_live;
	b = &live[i];
	if (b->cache >= 0)
		return;
	verify(b, b->size);
	old = b->p;
	p = krealloc(old, size, GFP_KERNEL);
	if (!p)
		abort();
	/* the old contents survive up to the smaller size */
	for (i = 0; i < min(size, b->size); i++)
		if (p[i] != pattern(b, i))
			abort();
	b->p = NULL;
	b->size = 0;
	check_new(p, size, p == old ? 1 : kmalloc_align(size));
	b->p = p;
	b->size = size;
	fill(b);
}

static void op_shrink(void)
{
	struct kmem_cache *s;

	list_for_each_entry(s, &slab_caches, list)
		kmem_cache_shrink(s);
}

/* Each model cache's live count must be what slabinfo reports. */
static void check_counts(void)
{
	struct slabinfo si;
	unsigned int i;

	for (i = 0; i < MAX_CACHES; i++) {
		if (!caches[i].s)
			continue;
		get_slabinfo(caches[i].s, &si);
		if (si.active_objs != caches[i].live || si.num_objs < si.active_objs)
			abort();
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	if (boot_fixture_slab(SZ_64M, "page_poison=1 slub_debug=FZPU,"
			      "kmalloc-8,kmalloc-96,kmalloc-256,kmalloc-2k,dma-kmalloc-64"))
		abort();
	if (!(kmalloc_slab(96, GFP_KERNEL)->flags & SLAB_RED_ZONE) ||
	    (kmalloc_slab(64, GFP_KERNEL)->flags & SLAB_DEBUG_FLAGS))
		abort();
	host_console_quiet(true);	/* expected allocation failures stay quiet */
	op_shrink();
	baseline_free = nr_free_pages();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned long errors = slab_errors;
	unsigned int i;

	in = data;
	in_len = size;
	while (in_len) {
		switch (take(1) % 8) {
		case 0: op_create(); break;
		case 1: op_destroy(); break;
		case 2: case 3: op_cache_alloc(); break;
		case 4: op_kmalloc(); break;
		case 5: op_free(); break;
		case 6: op_krealloc(); break;
		default: op_shrink(); break;
		}
		check_counts();
	}
	while (nr_live)
		free_block(nr_live - 1);
	for (i = 0; i < MAX_CACHES; i++) {
		if (caches[i].s) {
			kmem_cache_destroy(caches[i].s);
			caches[i].s = NULL;
		}
	}
	op_shrink();
	if (slab_errors != errors || nr_free_pages() != baseline_free)
		abort();
	return 0;
}
