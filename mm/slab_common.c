// SPDX-License-Identifier: GPL-2.0
/*
 * What sits around the allocator: kmem_cache_init (the cache of caches
 * bootstrapped from static storage, then the kmalloc caches), the
 * kmem_cache_* entry points, and the /proc/slabinfo dump.  Seed 004 ends
 * here: "kmem_cache_init ... cache_cache and the general caches".
 */
#include <linux/string.h>
#include <linux/init.h>
#include "slab.h"

LIST_HEAD(slab_caches);
/* The cache of caches (Linux 2.6's cache_cache). */
struct kmem_cache *kmem_cache;

/* --- bootstrap ------------------------------------------------------------- */

static struct kmem_cache kmem_cache_boot;

/*
 * Linux's bootstrap(): the cache of caches first lives in static storage;
 * once it can allocate, it allocates its own successor, copies itself
 * there and repoints its slab, so every cache ends up a slab object.
 * At this point its only slab is the active one holding that object, so
 * its slab lists are empty and are simply re-initialised at the new place.
 */
static struct kmem_cache *bootstrap(struct kmem_cache *static_cache)
{
	struct kmem_cache *s = kmem_cache_zalloc(static_cache, GFP_NOWAIT);

	if (!s)
		panic("Out of memory when bootstrapping the kmem_cache cache");
	BUG_ON(static_cache->node.nr_slabs != 1 || !static_cache->slab);
	memcpy(s, static_cache, sizeof(*s));
	INIT_LIST_HEAD(&s->node.partial);
	INIT_LIST_HEAD(&s->node.full);
	INIT_LIST_HEAD(&s->node.empty);
	s->slab->slab_cache = s;
	list_add(&s->list, &slab_caches);
	memset(static_cache, 0, sizeof(*static_cache));
	return s;
}

/**
 * kmem_cache_init() - bring up the slab allocator
 *
 * Needs a working page allocator (after mem_init()).  Creates the cache
 * of caches from static storage, moves it into one of its own objects,
 * then creates the kmalloc caches 8 ... 8k with 96 and 192, and their
 * dma-kmalloc twins served from ZONE_DMA.  Prints Linux's "SLUB:" line.
 */
void __init kmem_cache_init(void)
{
	/*
	 * Start from nothing.  The kernel calls this once; a host program
	 * that boots a second simulated machine calls it again, and the
	 * first machine's caches went away with that machine's memory.
	 */
	INIT_LIST_HEAD(&slab_caches);
	memset(kmalloc_caches, 0, sizeof(kmalloc_caches));
	memset(&kmem_cache_boot, 0, sizeof(kmem_cache_boot));
	kmem_cache = NULL;

	if (__kmem_cache_create(&kmem_cache_boot, "kmem_cache",
				sizeof(struct kmem_cache), 0,
				SLAB_HWCACHE_ALIGN, NULL))
		panic("kmem_cache_init: cannot lay out the kmem_cache cache");
	kmem_cache_boot.refcount = -1;
	kmem_cache = bootstrap(&kmem_cache_boot);

	create_kmalloc_caches();
	pr_info("SLUB: HWalign=%d, Order=%d-%d, MinObjects=%d, CPUs=%d, Nodes=%d\n",
		L1_CACHE_BYTES, SLUB_MIN_ORDER, SLUB_MAX_ORDER, 0, 1, 1);
}

/* --- caches ---------------------------------------------------------------- */

/**
 * kmem_cache_create() - create an object cache
 * @name: name in /proc/slabinfo and reports (must outlive the cache)
 * @size: object size, 1 .. KMALLOC_MAX_SIZE
 * @align: alignment, 0 or a power of two
 * @flags: SLAB_* flags
 * @ctor: constructor run once per object when its slab is created
 *
 * Return: the cache, or NULL (with a message; SLAB_PANIC panics instead).
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s = NULL;
	int err = -EINVAL;

	if (!kmem_cache) {
		err = -ENODEV;
		goto out;
	}
	if (!name || !size || size > KMALLOC_MAX_SIZE ||
	    (align && !is_power_of_2(align)) || align > PAGE_SIZE) {
		pr_err("kmem_cache_create(%s) integrity check failed\n",
		       name ? name : "(null)");
		goto out;
	}
	s = kmem_cache_zalloc(kmem_cache, GFP_KERNEL);
	if (!s) {
		err = -ENOMEM;
		goto out;
	}
	err = __kmem_cache_create(s, name, size, align, flags, ctor);
	if (err) {
		kmem_cache_free(kmem_cache, s);
		s = NULL;
		goto out;
	}
	list_add(&s->list, &slab_caches);
out:
	if (err) {
		if (flags & SLAB_PANIC)
			panic("kmem_cache_create: Failed to create slab '%s'. Error %d",
			      name ? name : "(null)", err);
		pr_warn("kmem_cache_create(%s) failed with error %d\n",
			name ? name : "(null)", err);
	}
	return s;
}

/*
 * A slab with objects still allocated when its cache is destroyed: the
 * report names the slab, then each object left, with its owner when the
 * cache tracks them (Linux's list_slab_objects()).
 */
static void list_slab_objects(struct kmem_cache *s, struct slab *slab)
{
	void *base = slab_first_object(s, slab);
	unsigned int i;
	void *p;

	slab_err(s, slab, "Objects remaining in %s on __kmem_cache_shutdown()", s->name);
	for (i = 0; i < slab->objects; i++) {
		void *obj = (char *)base + (unsigned long)i * s->size;
		bool free = false;
		unsigned int n = 0;

		/* bounded: a corrupt freelist must not hang the report */
		for (p = slab->freelist; p && n < slab->objects;
		     p = get_freepointer(s, p), n++) {
			if (p == obj) {
				free = true;
				break;
			}
		}
		if (!free) {
			pr_err("Object 0x%lx @offset=%lu\n", (unsigned long)obj,
			       (unsigned long)obj - (unsigned long)slab_address(slab));
			print_tracking(s, obj);
		}
	}
}

/**
 * kmem_cache_destroy() - remove a cache that no longer has objects
 * @s: the cache (NULL is ignored)
 *
 * Objects still allocated are listed and the cache is kept (leaked), as
 * Linux does: freeing their pages would turn the leak into corruption.
 */
void kmem_cache_destroy(struct kmem_cache *s)
{
	struct slab *slab;

	if (!s)
		return;
	if (s->refcount < 0) {
		WARN(1, "kmem_cache_destroy %s: boot cache cannot be destroyed\n", s->name);
		return;
	}
	if (--s->refcount)
		return;
	if (__kmem_cache_shrink(s)) {
		list_for_each_entry(slab, &s->node.partial, slab_list)
			list_slab_objects(s, slab);
		list_for_each_entry(slab, &s->node.full, slab_list)
			list_slab_objects(s, slab);
		WARN(1, "kmem_cache_destroy %s: Slab cache still has objects when called from %pS\n",
		     s->name, (void *)_RET_IP_);
		slab_errors++;
		s->refcount = 1;
		return;
	}
	list_del(&s->list);
	kmem_cache_free(kmem_cache, s);
}

/**
 * kmem_cache_shrink() - give a cache's empty slabs back to the page allocator
 * @s: the cache
 *
 * Return: 0 (Linux's value; the count of slabs kept is in slabinfo).
 */
int kmem_cache_shrink(struct kmem_cache *s)
{
	__kmem_cache_shrink(s);
	return 0;
}

/**
 * kmem_cache_alloc() - allocate an object
 * @s: the cache
 * @flags: gfp flags; __GFP_ZERO clears the object
 *
 * Return: the object, or NULL when out of memory.
 */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
{
	return slab_alloc(s, flags, _RET_IP_);
}

/**
 * kmem_cache_free() - free an object of a cache
 * @s: the cache it was allocated from
 * @x: the object (NULL is ignored)
 *
 * A pointer that is not an object of @s is reported and not freed.
 */
void kmem_cache_free(struct kmem_cache *s, void *x)
{
	struct slab *slab;

	if (unlikely(!x))
		return;
	slab = virt_to_slab(x);
	if (unlikely(!slab)) {
		slab_report(s, NULL, x, "Invalid free: address is not in a slab");
		slab_error_done(s);
		return;
	}
	if (unlikely(slab->slab_cache != s)) {
		/* @s names the mistake; the owner's layout shows the object */
		slab_bug(s, "Wrong cache: object 0x%lx belongs to %s",
			 (unsigned long)x, slab->slab_cache->name);
		slab_print_object(slab->slab_cache, slab, x);
		slab_error_done(s);
		return;
	}
	slab_free(s, slab, x, _RET_IP_);
}

/**
 * kmem_cache_size() - the object size a cache was created with
 * @s: the cache
 *
 * Return: @s's object size (what kmem_cache_create() was asked for).
 */
unsigned int kmem_cache_size(struct kmem_cache *s)
{
	return s->object_size;
}

/**
 * kmalloc_fix_flags() - drop the gfp bits a slab request must not carry
 * @flags: the caller's gfp flags, with some of GFP_SLAB_BUG_MASK set
 *
 * Linux's message, without its %pGg flag names and the dump_stack()
 * after it (there is no stack unwinder here).
 *
 * Return: @flags without GFP_SLAB_BUG_MASK.
 */
gfp_t kmalloc_fix_flags(gfp_t flags)
{
	gfp_t invalid_mask = flags & GFP_SLAB_BUG_MASK;

	flags &= ~GFP_SLAB_BUG_MASK;
	pr_warn("Unexpected gfp: %#x. Fixing up to gfp: %#x. Fix your code!\n",
		invalid_mask, flags);
	return flags;
}

/* --- after boot ------------------------------------------------------------ */

static bool show_slabinfo;

/* "mm_show=...,slabinfo": the page allocator reads the other words. */
static int __init early_mm_show_slabinfo(char *p)
{
	show_slabinfo = p && parse_option_str(p, "slabinfo");
	return 0;
}
early_param("mm_show", early_mm_show_slabinfo);

/**
 * kmem_cache_init_late() - what the slab allocator does once boot settled
 *
 * Call after kmem_cache_init() and the page allocator's watermarks are
 * set (mm_core_init()).  Runs the KTAP self-test when "mm_selftest" is on
 * the command line and prints /proc/slabinfo for "mm_show=slabinfo".
 */
void __init kmem_cache_init_late(void)
{
	if (mm_selftest_requested)
		slab_selftest();
	if (show_slabinfo)
		slabinfo_show(NULL, NULL);
}

/* --- /proc/slabinfo -------------------------------------------------------- */

/**
 * get_slabinfo() - one cache's slabinfo numbers
 * @s: the cache
 * @sinfo: filled in
 */
void get_slabinfo(struct kmem_cache *s, struct slabinfo *sinfo)
{
	struct kmem_cache_node *n = &s->node;
	unsigned long active = 0;
	struct slab *slab;

	list_for_each_entry(slab, &n->partial, slab_list)
		active += slab->inuse;
	active += n->nr_full * s->objects;
	if (s->slab)
		active += s->objects - count_free_active(s);
	memset(sinfo, 0, sizeof(*sinfo));
	sinfo->active_objs = active;
	sinfo->num_objs = n->nr_slabs * s->objects;
	sinfo->num_slabs = n->nr_slabs;
	sinfo->active_slabs = n->nr_slabs - n->nr_empty;
	sinfo->objects_per_slab = s->objects;
	sinfo->cache_order = s->order;
}

/* One line of slabinfo to @out, or to the console when @out is NULL. */
static __printf(3, 4) void slabinfo_line(mm_show_fn out, void *data,
					 const char *fmt, ...)
{
	char line[200];
	va_list args;

	va_start(args, fmt);
	vsnprintf(line, sizeof(line), fmt, args);
	va_end(args);
	if (out)
		out(data, line);
	else
		pr_info("%s\n", line);
}

/**
 * slabinfo_show() - /proc/slabinfo in Linux's format (version 2.1)
 * @out: line sink (each line without its "\n"), or NULL for printk
 * @data: passed to @out
 *
 * Newest cache first, as Linux lists slab_caches.  objsize is the slot
 * stride (metadata included); the SLAB-era tunables and shared columns
 * are 0, as SLUB prints them.  The counts are exact where SLUB's are
 * not: active_objs leaves out the active slab's free objects (SLUB
 * counts a cpu slab's as in use) and active_slabs leaves out the empty
 * slabs kept for reuse (SLUB prints num_slabs twice).
 */
void slabinfo_show(mm_show_fn out, void *data)
{
	struct slabinfo si;
	struct kmem_cache *s;

	slabinfo_line(out, data, "slabinfo - version: 2.1");
	slabinfo_line(out, data, "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>");
	list_for_each_entry(s, &slab_caches, list) {
		get_slabinfo(s, &si);
		slabinfo_line(out, data,
			      "%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu %6lu",
			      s->name, si.active_objs, si.num_objs, s->size,
			      si.objects_per_slab, 1 << si.cache_order, 0, 0, 0,
			      si.active_slabs, si.num_slabs, 0UL);
	}
}
