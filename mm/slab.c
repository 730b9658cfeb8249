// SPDX-License-Identifier: GPL-2.0
/*
 * The slab allocator proper: carving slabs (page runs from alloc_pages())
 * into objects, handing them out and taking them back, and moving slabs
 * between their cache's partial, full and empty lists.  Bootstrap, kmalloc
 * and /proc/slabinfo are in slab_common.c; debugging in slab_debug.c.
 */
#include <linux/string.h>
#include "slab.h"

/**
 * DOC: overview
 *
 * The design is Linux's SLUB reduced to one CPU.  Each cache has one
 * active slab whose free objects form the cache's own freelist, so the
 * fast paths are a pointer pop (allocation) and a pointer push (freeing an
 * object of the active slab), with no locking and no per-object header:
 *
 *   kmem_cache ---freelist---> obj -> obj -> obj -> NULL  (active slab)
 *        |
 *        +--node.partial--> slab <-> slab     some objects free
 *        +--node.full-----> slab <-> slab     none free
 *        +--node.empty----> slab              all free (up to min_partial)
 *
 * Freeing into another slab links the object into that slab's own
 * freelist and moves the slab full -> partial -> empty as its count of
 * objects in use drops; an empty slab beyond the cache's min_partial goes
 * straight back to the page allocator.  When the active freelist runs dry
 * the active slab (now full) is retired to the full list and the next one
 * is taken from partial, then empty, then a fresh slab from alloc_pages().
 *
 * Caches with debug flags use the same structures but check every object
 * on the way in and out (mm/slab_debug.c).
 */

/* --- slab sizing ----------------------------------------------------------- */

/* Smallest order in [min_order, max_order] wasting at most 1/fract of the slab. */
static unsigned int calc_slab_order(unsigned int size, unsigned int min_objects,
				    unsigned int max_order, unsigned int fract)
{
	unsigned int order;

	for (order = max_t(unsigned int, SLUB_MIN_ORDER,
			   get_order((unsigned long)min_objects * size));
	     order <= max_order; order++) {
		unsigned long slab_bytes = PAGE_SIZE << order;

		if (slab_bytes / size > MAX_OBJS_PER_SLAB)
			break;
		if (slab_bytes % size <= slab_bytes / fract)
			break;
	}
	return order;
}

/*
 * Linux's calculate_order(): prefer enough objects per slab and little
 * waste, relax both before going beyond SLUB_MAX_ORDER, and only then use
 * whatever order one object needs.
 */
static int calculate_order(unsigned int size)
{
	unsigned int min_objects = SLUB_MIN_OBJECTS, order, fract;
	unsigned int max_objects = (PAGE_SIZE << SLUB_MAX_ORDER) / size;

	min_objects = min(min_objects, max_objects);
	while (min_objects > 1) {
		for (fract = 16; fract >= 4; fract /= 2) {
			order = calc_slab_order(size, min_objects, SLUB_MAX_ORDER, fract);
			if (order <= SLUB_MAX_ORDER)
				return order;
		}
		min_objects--;
	}
	order = calc_slab_order(size, 1, SLUB_MAX_ORDER, 1);
	if (order <= SLUB_MAX_ORDER)
		return order;
	order = calc_slab_order(size, 1, MAX_ORDER - 1, 1);
	if (order < MAX_ORDER)
		return order;
	return -ENOSYS;
}

static unsigned int calculate_alignment(slab_flags_t flags, unsigned int align,
					unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = L1_CACHE_BYTES;

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	align = max_t(unsigned int, align, ARCH_SLAB_MINALIGN);
	return ALIGN(align, sizeof(void *));
}

/**
 * calculate_sizes() - lay out one object slot and pick the slab order
 * @s: a cache with object_size, align, flags and ctor set
 *
 * Return: 0, or -EINVAL when no slab of the page allocator's largest
 * order holds even one object.
 */
static int calculate_sizes(struct kmem_cache *s)
{
	slab_flags_t flags = s->flags;
	unsigned int size = ALIGN(s->object_size, sizeof(void *));
	int order;

	/* Right red zone: at least a word, even when the size is aligned. */
	if ((flags & SLAB_RED_ZONE) && size == s->object_size)
		size += sizeof(void *);
	s->inuse = size;

	/* Poison, red zones and constructed state all need the object intact. */
	if ((flags & (SLAB_POISON | SLAB_RED_ZONE)) || s->ctor) {
		s->offset = size;
		size += sizeof(void *);
	} else {
		s->offset = ALIGN_DOWN(s->object_size / 2, sizeof(void *));
	}
	if (flags & SLAB_STORE_USER)
		size += 2 * sizeof(struct track);

	s->red_left_pad = 0;
	if (flags & SLAB_RED_ZONE) {
		s->red_left_pad = ALIGN(sizeof(void *), s->align);
		size += s->red_left_pad;
	}
	size = ALIGN(size, s->align);
	s->size = size;

	order = calculate_order(size);
	if (order < 0)
		return -EINVAL;
	s->order = order;
	s->objects = (PAGE_SIZE << order) / size;
	s->reciprocal_size = (u32)((0x100000000ULL + size - 1) / size);
	return 0;
}

/* Empty slabs kept per cache: Linux's ilog2(size) / 2, within 5..10. */
static unsigned int set_min_partial(unsigned int size)
{
	return clamp_t(unsigned int, ilog2(size) / 2, MIN_PARTIAL, MAX_PARTIAL);
}

/*
 * Per-cache freelist key.  No entropy source exists this early in boot, so
 * it mixes addresses and a counter; it still turns a stray plain pointer
 * written into a free object into garbage the checks catch.
 */
static unsigned long freelist_key(const struct kmem_cache *s)
{
	static unsigned long counter;
	u64 x = (u64)(unsigned long)s ^ ((u64)(unsigned long)&counter << 17) ^
		(++counter * 0x9e3779b97f4a7c15ULL);

	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (unsigned long)x | 1;
}

/**
 * __kmem_cache_create() - set up a cache in caller-provided storage
 * @s: zeroed storage for the cache
 * @name: its name (kept by reference)
 * @size: object size in bytes
 * @align: required alignment (0 or a power of two)
 * @flags: SLAB_* flags (slub_debug= may add debug flags)
 * @ctor: constructor, or NULL
 *
 * Return: 0 or a negative errno.
 */
int __kmem_cache_create(struct kmem_cache *s, const char *name,
			unsigned int size, unsigned int align,
			slab_flags_t flags, void (*ctor)(void *))
{
	s->name = name;
	s->object_size = size;
	s->ctor = ctor;
	s->flags = kmem_cache_flags(name, flags);
	/* Poisoning would destroy what the constructor built. */
	if (ctor)
		s->flags &= ~SLAB_POISON;
	s->align = calculate_alignment(s->flags, align, size);
	s->random = freelist_key(s);
	s->refcount = 1;
	if (s->flags & SLAB_CACHE_DMA)
		s->allocflags |= GFP_DMA;
	if (s->flags & SLAB_RECLAIM_ACCOUNT)
		s->allocflags |= __GFP_RECLAIMABLE;
	if (calculate_sizes(s))
		return -EINVAL;
	s->min_partial = set_min_partial(s->size);
	INIT_LIST_HEAD(&s->node.partial);
	INIT_LIST_HEAD(&s->node.full);
	INIT_LIST_HEAD(&s->node.empty);
	return 0;
}

/* --- slabs from and to the page allocator -------------------------------- */

static void *setup_object(struct kmem_cache *s, void *object)
{
	if (unlikely(s->flags & SLAB_DEBUG_FLAGS))
		setup_object_debug(s, object);
	if (unlikely(s->ctor))
		s->ctor(object);
	return object;
}

static struct slab *allocate_slab(struct kmem_cache *s, gfp_t flags)
{
	struct page *page;
	struct slab *slab;
	void *p, *next;
	unsigned int i;

	if (unlikely(flags & GFP_SLAB_BUG_MASK))
		flags = kmalloc_fix_flags(flags);
	/* The cache decides the zone; __GFP_ZERO applies per object. */
	flags = (flags & ~(__GFP_ZERO | GFP_ZONEMASK)) | s->allocflags;
	page = alloc_pages(flags | (s->order ? __GFP_COMP : 0), s->order);
	if (unlikely(!page))
		return NULL;
	/* obj_to_index_in_slab() relies on the buddy's natural alignment. */
	BUG_ON(!IS_ALIGNED(page_to_pfn(page), 1UL << s->order));
	slab = page_slab(page);
	__SetPageSlab(page);
	slab->slab_cache = s;
	slab->objects = s->objects;
	slab->inuse = 0;
	slab->frozen = 0;
	if (unlikely(s->flags & SLAB_DEBUG_FLAGS))
		setup_slab_debug(s, slab);

	p = setup_object(s, slab_first_object(s, slab));
	slab->freelist = p;
	for (i = 1; i < s->objects; i++) {
		next = setup_object(s, (char *)p + s->size);
		set_freepointer(s, p, next);
		p = next;
	}
	set_freepointer(s, p, NULL);
	s->node.nr_slabs++;
	return slab;
}

static void discard_slab(struct kmem_cache *s, struct slab *slab)
{
	struct page *page = slab_page(slab);

	if (unlikely(s->flags & SLAB_DEBUG_FLAGS))
		check_slab_free_objects(s, slab);
	/* Hand the page back with the fields we overlaid cleared. */
	slab->slab_list.next = NULL;
	slab->slab_list.prev = NULL;
	slab->slab_cache = NULL;
	slab->freelist = NULL;
	slab->counters = 0;
	__ClearPageSlab(page);
	__free_pages(page, s->order);
	s->node.nr_slabs--;
}

/* --- the active slab ------------------------------------------------------- */

static void add_to_list(struct kmem_cache *s, struct slab *slab)
{
	struct kmem_cache_node *n = &s->node;

	if (slab->inuse == slab->objects) {
		list_add(&slab->slab_list, &n->full);
		n->nr_full++;
	} else if (slab->inuse) {
		list_add(&slab->slab_list, &n->partial);
		n->nr_partial++;
	} else {
		list_add(&slab->slab_list, &n->empty);
		n->nr_empty++;
	}
}

static void remove_from_list(struct kmem_cache *s, struct slab *slab)
{
	struct kmem_cache_node *n = &s->node;

	list_del_init(&slab->slab_list);
	if (slab->inuse == slab->objects)
		n->nr_full--;
	else if (slab->inuse)
		n->nr_partial--;
	else
		n->nr_empty--;
}

/**
 * count_free_active() - free objects on the active freelist
 * @s: the cache
 *
 * Return: the length of s->freelist (walked; for dumps and accounting).
 */
unsigned long count_free_active(const struct kmem_cache *s)
{
	unsigned long nr = 0;
	void *p;

	for (p = s->freelist; p && nr < s->objects; p = get_freepointer(s, p))
		nr++;
	return nr;
}

/**
 * flush_active_slab() - give the active slab's free objects back to it
 * @s: the cache
 *
 * The slab then sits on the list its fill level says, like any other.
 */
void flush_active_slab(struct kmem_cache *s)
{
	struct slab *slab = s->slab;

	if (!slab)
		return;
	slab->inuse = slab->objects - count_free_active(s);
	slab->freelist = s->freelist;
	slab->frozen = 0;
	s->freelist = NULL;
	s->slab = NULL;
	add_to_list(s, slab);
}

/* Make @slab the active slab: its free objects become the fast freelist. */
static void freeze_slab(struct kmem_cache *s, struct slab *slab)
{
	s->slab = slab;
	s->active_base = (unsigned long)slab_first_object(s, slab);
	s->freelist = slab->freelist;
	slab->freelist = NULL;
	slab->inuse = slab->objects;
	slab->frozen = 1;
}

static struct slab *first_slab(struct list_head *head)
{
	return list_empty(head) ? NULL :
		list_first_entry(head, struct slab, slab_list);
}

/* The active freelist is empty: retire the active slab and get another. */
static bool refill_freelist(struct kmem_cache *s, gfp_t gfpflags)
{
	struct slab *slab;

	flush_active_slab(s);
	slab = first_slab(&s->node.partial);
	if (!slab)
		slab = first_slab(&s->node.empty);
	if (slab) {
		remove_from_list(s, slab);
	} else {
		slab = allocate_slab(s, gfpflags);
		if (!slab)
			return false;
	}
	freeze_slab(s, slab);
	return true;
}

/**
 * __slab_alloc() - the allocation slow path
 * @s: the cache
 * @gfpflags: gfp flags (__GFP_ZERO honoured; zone bits come from the cache)
 * @caller: return address recorded with SLAB_STORE_USER
 *
 * Taken when the active freelist is empty or the cache has debug flags:
 * refills the freelist from another slab and checks debug objects.
 *
 * Return: the object, or NULL when the page allocator has no slab to give.
 */
void *__slab_alloc(struct kmem_cache *s, gfp_t gfpflags, unsigned long caller)
{
	void *object;

	for (;;) {
		object = s->freelist;
		if (unlikely(!object)) {
			if (!refill_freelist(s, gfpflags))
				return NULL;
			continue;
		}
		if (likely(!(s->flags & SLAB_DEBUG_FLAGS))) {
			s->freelist = get_freepointer(s, object);
			break;
		}
		/* Debug: a bad object is reported and skipped (leaked). */
		if (alloc_debug_processing(s, s->slab, object, caller))
			break;
	}
	if (unlikely(slab_want_init_on_alloc(gfpflags, s)))
		memset(object, 0, s->object_size);
	return object;
}

/*
 * Free into a slab that is not the active one (Linux's __slab_free).  The
 * slab changes list only when it stops being full or becomes empty.
 */
static void __slab_free(struct kmem_cache *s, struct slab *slab, void *object)
{
	struct kmem_cache_node *n = &s->node;
	bool was_full = slab->inuse == slab->objects;

	if (unlikely(slab->inuse == 0 || object == slab->freelist)) {
		slab_report(s, slab, object, "Object already free");
		slab_error_done(s);
		return;
	}
	set_freepointer(s, object, slab->freelist);
	slab->freelist = object;
	slab->inuse--;
	if (slab->inuse == 0) {
		list_del_init(&slab->slab_list);
		if (was_full)
			n->nr_full--;
		else
			n->nr_partial--;
		if (n->nr_empty >= s->min_partial) {
			discard_slab(s, slab);
			return;
		}
		list_add(&slab->slab_list, &n->empty);
		n->nr_empty++;
	} else if (was_full) {
		list_move(&slab->slab_list, &n->partial);
		n->nr_full--;
		n->nr_partial++;
	}
}

/**
 * __slab_free_slow() - the free slow path, with every check
 * @s: the cache @slab belongs to
 * @slab: the slab holding @object
 * @object: the object
 * @caller: return address recorded with SLAB_STORE_USER
 *
 * Taken for objects of other slabs than the active one, debug caches,
 * slab_init_on_free, and anything the fast path's checks did not like.  The
 * cheap checks (a pointer that is not an object start, freeing the object
 * at the head of its freelist again) run always; the debug flags add the
 * full double-free check, red zones and poisoning.  A detected error is
 * reported and the free is ignored (or the kernel stops, slab_panic).
 */
void __slab_free_slow(struct kmem_cache *s, struct slab *slab, void *object,
		      unsigned long caller)
{
	if (unlikely(obj_to_index_in_slab(s, object) < 0)) {
		slab_report(s, slab, object, "Invalid object pointer (not the start of an object)");
		slab_error_done(s);
		return;
	}
	if (unlikely(s->flags & SLAB_DEBUG_FLAGS)) {
		if (!free_debug_processing(s, slab, object, caller))
			return;
	} else if (unlikely(slab_init_on_free)) {
		memset(object, 0, s->object_size);
	}
	if (likely(slab == s->slab)) {
		if (unlikely(object == s->freelist)) {
			slab_report(s, slab, object, "Object already free");
			slab_error_done(s);
			return;
		}
		set_freepointer(s, object, s->freelist);
		s->freelist = object;
		return;
	}
	__slab_free(s, slab, object);
}

/**
 * __kmem_cache_shrink() - return every empty slab to the page allocator
 * @s: the cache
 *
 * Return: the number of slabs still held (0 when the cache is unused).
 */
int __kmem_cache_shrink(struct kmem_cache *s)
{
	struct slab *slab;

	flush_active_slab(s);
	while ((slab = first_slab(&s->node.empty))) {
		remove_from_list(s, slab);
		discard_slab(s, slab);
	}
	return (int)s->node.nr_slabs;
}
