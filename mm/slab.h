/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The slab allocator's internals, shared by mm/slab.c (allocation and the
 * slab lists), mm/slab_common.c (bootstrap, caches, slabinfo),
 * mm/slab_kmalloc.c (kmalloc), mm/slab_debug.c (slub_debug checks),
 * mm/slab_report.c (error reports) and mm/slab_selftest.c.
 *
 * A slab is a run of 2^order pages from the page allocator.  Its head
 * page's struct page is reused as a struct slab, as Linux 6.x does: the
 * overlay keeps the page allocator's own fields (flags, _refcount) where
 * they are, which the static asserts below check.
 */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/cache.h>
#include <linux/log2.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/slab.h>

/**
 * struct slab - a slab's head page seen by the slab allocator
 * @__page_flags: struct page's flags (PG_slab marks a slab)
 * @slab_list: on its cache's partial, full or empty list (page's lru)
 * @slab_cache: the cache the objects belong to (page's private)
 * @freelist: first free object, obfuscated links (page's virtual)
 * @counters: the three fields below as one word (page's page_type)
 * @inuse: objects handed out (all of them while the slab is active)
 * @objects: objects in the slab
 * @frozen: 1 while the slab is its cache's active slab, whose free
 *	objects live on kmem_cache.freelist instead of @freelist
 * @__page_refcount: struct page's _refcount, untouched
 *
 * A multi-page slab is a compound page: the tail pages keep their
 * compound_head link (and page[1].private the order), so any address in
 * the slab leads back here.
 */
struct slab {
	unsigned long __page_flags;
	struct list_head slab_list;
	struct kmem_cache *slab_cache;
	void *freelist;
	union {
		unsigned int counters;
		struct {
			u16 inuse;
			u16 objects:15;
			u16 frozen:1;
		};
	};
	int __page_refcount;
};

#define SLAB_MATCH(pg, sl)						\
	_Static_assert(offsetof(struct page, pg) == offsetof(struct slab, sl), \
		       "struct slab." #sl " must overlay struct page." #pg)
SLAB_MATCH(flags, __page_flags);
SLAB_MATCH(lru, slab_list);	/* lru.next bit 0 clear: not a tail page */
SLAB_MATCH(private, slab_cache);
SLAB_MATCH(virtual, freelist);
SLAB_MATCH(page_type, counters);
SLAB_MATCH(_refcount, __page_refcount);
#undef SLAB_MATCH
_Static_assert(sizeof(struct slab) == sizeof(struct page),
	       "struct slab must overlay struct page exactly");

/**
 * struct kmem_cache_node - a cache's slabs, by how full they are
 * @partial: slabs with some objects free, most recently used first
 * @full: slabs with none free
 * @empty: slabs with all free, kept up to kmem_cache.min_partial
 * @nr_partial: length of @partial
 * @nr_full: length of @full
 * @nr_empty: length of @empty
 * @nr_slabs: every slab of the cache, the active one included
 */
struct kmem_cache_node {
	struct list_head partial;
	struct list_head full;
	struct list_head empty;
	unsigned long nr_partial;
	unsigned long nr_full;
	unsigned long nr_empty;
	unsigned long nr_slabs;
};

/*
 * One object slot (the debug parts only with SLAB_RED_ZONE, SLAB_POISON,
 * SLAB_STORE_USER or a constructor):
 *
 *   |<------------------------- size (the stride) ------------------------->|
 *   | left red zone | object      | right red | free    | track | track | pad |
 *   |               | object_size | zone      | pointer | alloc | free  |     |
 *   |<-red_left_pad->|<-------- inuse -------->|
 *                    ^ the address handed out; offset counts from here
 *
 * Without those options the free pointer sits inside the free object, at
 * offset object_size / 2 (word aligned), so a small overflow from the
 * object before it does not reach the link.
 */

/**
 * struct kmem_cache - one object cache
 * @freelist: free objects of the active slab: the allocation fast path
 * @slab: the active slab, or NULL
 * @active_base: address of the active slab's first object (for the free
 *	fast path's pointer check without a struct page lookup)
 * @random: key for freelist pointer obfuscation
 * @flags: SLAB_* flags
 * @offset: where the free pointer lives, from the object's address
 * @size: stride between object slots, metadata included
 * @objects: objects per slab
 * @reciprocal_size: 2^32 / size rounded up, to find an object's index
 * @red_left_pad: bytes of left red zone before each object
 * @object_size: the size the creator asked for
 * @inuse: object_size rounded up to a word, plus the right red zone
 * @align: object alignment
 * @order: each slab is 2^order pages
 * @min_partial: empty slabs kept for reuse before they go back to the buddy
 * @allocflags: gfp flags added to every slab allocation (GFP_DMA ...)
 * @ctor: constructor run on every object of a new slab
 * @name: shown in /proc/slabinfo and in reports
 * @list: on slab_caches
 * @refcount: kmem_cache_create/destroy pairs
 * @node: the slab lists (one node)
 *
 * The fields the fast paths read come first, within one cache line.
 */
struct kmem_cache {
	void *freelist;
	struct slab *slab;
	unsigned long active_base;
	unsigned long random;
	slab_flags_t flags;
	unsigned int offset;
	unsigned int size;
	unsigned int objects;
	u32 reciprocal_size;
	unsigned int red_left_pad;
	unsigned int object_size;
	unsigned int inuse;
	unsigned int align;
	unsigned int order;
	unsigned int min_partial;
	gfp_t allocflags;
	void (*ctor)(void *);
	const char *name;
	struct list_head list;
	int refcount;
	struct kmem_cache_node node;
};

/* Metadata kept per object with SLAB_STORE_USER: who last allocated/freed it. */
struct track {
	unsigned long addr;
};

enum track_item { TRACK_ALLOC, TRACK_FREE };

/* Where the metadata after the object ends, before the tracks (Linux's get_info_end). */
static inline unsigned int get_info_end(const struct kmem_cache *s)
{
	if (s->offset >= s->inuse)
		return s->offset + sizeof(void *);
	return s->inuse;
}

/* The track records follow the free pointer when it is outside the object. */
static inline struct track *get_track(struct kmem_cache *s, void *object,
				      enum track_item alloc)
{
	return (struct track *)((char *)object + get_info_end(s)) + alloc;
}

/*
 * Where a slot's padding starts, from the object's address: after the
 * free pointer and the tracks.  It runs to size_from_object(), where the
 * next slot's left red zone begins.
 */
static inline unsigned int slab_pad_offset(const struct kmem_cache *s)
{
	unsigned int off = get_info_end(s);

	if (s->flags & SLAB_STORE_USER)
		off += 2 * sizeof(struct track);
	return off;
}

static inline unsigned int size_from_object(const struct kmem_cache *s)
{
	return s->size - s->red_left_pad;
}

/* Byte patterns, Linux's values (include/linux/poison.h). */
#define SLUB_RED_INACTIVE	0xbb	/* red zone of a free object */
#define SLUB_RED_ACTIVE		0xcc	/* red zone of an allocated object */
#define POISON_INUSE		0x5a	/* slab padding, never handed out */
#define POISON_FREE		0x6b	/* a free object's bytes */
#define POISON_END		0xa5	/* a free object's last byte */

/* Slab sizing: orders tried and the objects a slab should at least hold. */
#define SLUB_MIN_ORDER		0
#define SLUB_MAX_ORDER		3
#define SLUB_MIN_OBJECTS	8
#define MAX_OBJS_PER_SLAB	32767
#define MIN_PARTIAL		5
#define MAX_PARTIAL		10

extern struct list_head slab_caches;
extern struct kmem_cache *kmem_cache;
extern slab_flags_t slub_debug;
extern unsigned int slub_debug_only_len;
extern char slub_debug_only[64];

/* --- struct slab <-> struct page <-> address ----------------------------- */

#define slab_page(s)		((struct page *)(s))
#define page_slab(p)		((struct slab *)(p))

/* Slab pages are never highmem, so this is the direct-map address. */
static __always_inline void *slab_address(const struct slab *slab)
{
	return lowmem_page_address(slab_page(slab));
}

static __always_inline unsigned int slab_size(const struct kmem_cache *s)
{
	return PAGE_SIZE << s->order;
}

/*
 * The head page of the page run holding @addr, or NULL when @addr is not
 * in the memory map.  Slabs of order > 0 and large kmalloc blocks are
 * compound pages (__GFP_COMP), so a tail page leads to its head.
 */
static __always_inline struct page *slab_virt_to_head(const void *addr)
{
	unsigned long pfn = __pa(addr) >> PAGE_SHIFT;

	if (unlikely(!pfn_valid(pfn)))
		return NULL;
	return compound_head(pfn_to_page(pfn));
}

/**
 * virt_to_slab() - the slab holding an address
 * @addr: any address
 *
 * Return: the slab, or NULL when @addr is not in a page of a slab (not
 * in the memory map at all, or a page the slab allocator does not own).
 */
static __always_inline struct slab *virt_to_slab(const void *addr)
{
	struct page *page = slab_virt_to_head(addr);

	if (unlikely(!page || !PageSlab(page)))
		return NULL;
	return page_slab(page);
}

/* --- free pointers --------------------------------------------------------- */

/*
 * A free object's link to the next one is stored as
 * next ^ cache key ^ byteswapped(link's own address), as Linux's
 * CONFIG_SLAB_FREELIST_HARDENED does: an attacker who overwrites a free
 * object cannot plant a chosen pointer without knowing the key, and a
 * stray plain pointer written over it decodes to garbage that the
 * consistency checks catch.
 */
static __always_inline void *freelist_ptr(const struct kmem_cache *s,
					  void *ptr, unsigned long ptr_addr)
{
	unsigned long swapped;

	if (sizeof(unsigned long) == 8)
		swapped = (unsigned long)__builtin_bswap64((u64)ptr_addr);
	else
		swapped = (unsigned long)__builtin_bswap32((u32)ptr_addr);
	return (void *)((unsigned long)ptr ^ s->random ^ swapped);
}

static __always_inline void *get_freepointer(const struct kmem_cache *s, void *object)
{
	unsigned long addr = (unsigned long)object + s->offset;

	return freelist_ptr(s, *(void **)addr, addr);
}

static __always_inline void set_freepointer(const struct kmem_cache *s,
					    void *object, void *fp)
{
	unsigned long addr = (unsigned long)object + s->offset;

	*(void **)addr = freelist_ptr(s, fp, addr);
}

/* --- object geometry ------------------------------------------------------- */

/* The first object of a slab (after the left red zone of slot 0). */
static inline void *slab_first_object(const struct kmem_cache *s,
				      const struct slab *slab)
{
	return (char *)slab_address(slab) + s->red_left_pad;
}

/*
 * Index of the object at @obj in a slab whose first object is at @base,
 * or -1 when @obj is not the start of an object slot: the cheap "is this
 * really one of ours" check on every free.
 */
static __always_inline int obj_index_from(const struct kmem_cache *s,
					  unsigned long base, const void *obj)
{
	unsigned long off = (unsigned long)obj - base;
	unsigned int idx;

	if (unlikely(off >= (unsigned long)s->objects * s->size))
		return -1;
	idx = (unsigned int)(((u64)off * s->reciprocal_size) >> 32);
	if (unlikely((unsigned long)idx * s->size != off))
		return -1;
	return (int)idx;
}

static __always_inline int obj_to_index(const struct kmem_cache *s,
					const struct slab *slab, const void *obj)
{
	return obj_index_from(s, (unsigned long)slab_first_object(s, slab), obj);
}

/*
 * obj_to_index() for an address known to lie in one of @s's slabs (it
 * was found through its own struct page).  The buddy allocator hands out
 * naturally aligned blocks, so the slab starts at the address rounded
 * down to the slab size: no struct page -> PFN lookup needed.
 */
static __always_inline int obj_to_index_in_slab(const struct kmem_cache *s,
						const void *obj)
{
	unsigned long base = (unsigned long)__va(__pa(obj) & ~(slab_size(s) - 1UL));

	return obj_index_from(s, base + s->red_left_pad, obj);
}

static inline bool slab_want_init_on_alloc(gfp_t flags, const struct kmem_cache *s)
{
	if (flags & __GFP_ZERO)
		return true;
	return slab_init_on_alloc && !s->ctor && !(s->flags & SLAB_POISON);
}

/*
 * gfp bits a slab request must not carry: a slab object needs a kernel
 * address (no __GFP_HIGHMEM), and no kmalloc cache serves ZONE_DMA32.
 * kmalloc_fix_flags() warns and drops them, as Linux does.
 */
#define GFP_SLAB_BUG_MASK	(__GFP_DMA32 | __GFP_HIGHMEM)

/* --- mm/slab_common.c ------------------------------------------------------ */

gfp_t kmalloc_fix_flags(gfp_t flags);

/* --- mm/slab_kmalloc.c ---------------------------------------------------- */

void create_kmalloc_caches(void);

/* --- mm/slab.c ------------------------------------------------------------- */

int __kmem_cache_create(struct kmem_cache *s, const char *name,
			unsigned int size, unsigned int align,
			slab_flags_t flags, void (*ctor)(void *));
void *__slab_alloc(struct kmem_cache *s, gfp_t gfpflags, unsigned long caller);
void __slab_free_slow(struct kmem_cache *s, struct slab *slab, void *object,
		      unsigned long caller);
void flush_active_slab(struct kmem_cache *s);
int __kmem_cache_shrink(struct kmem_cache *s);
unsigned long count_free_active(const struct kmem_cache *s);

/*
 * The fast paths, inlined into kmalloc/kfree and kmem_cache_alloc/free:
 * a pop from, or a push onto, the active slab's freelist.  Anything
 * unusual (empty freelist, debug flags, init_on_*, another slab, a
 * failed cheap check) goes to the out-of-line slow path, which redoes
 * the checks and reports.
 */
static __always_inline void *slab_alloc(struct kmem_cache *s, gfp_t gfpflags,
					unsigned long caller)
{
	void *object = s->freelist;

	if (unlikely(!object || (s->flags & SLAB_DEBUG_FLAGS) ||
		     (gfpflags & __GFP_ZERO) || slab_init_on_alloc))
		return __slab_alloc(s, gfpflags, caller);
	s->freelist = get_freepointer(s, object);
	return object;
}

static __always_inline void slab_free(struct kmem_cache *s, struct slab *slab,
				      void *object, unsigned long caller)
{
	if (likely(slab == s->slab && object != s->freelist &&
		   !(s->flags & SLAB_DEBUG_FLAGS) && !slab_init_on_free &&
		   obj_index_from(s, s->active_base, object) >= 0)) {
		set_freepointer(s, object, s->freelist);
		s->freelist = object;
		return;
	}
	__slab_free_slow(s, slab, object, caller);
}

/* --- mm/slab_debug.c ------------------------------------------------------- */

slab_flags_t kmem_cache_flags(const char *name, slab_flags_t flags);
void setup_object_debug(struct kmem_cache *s, void *object);
void setup_slab_debug(struct kmem_cache *s, struct slab *slab);
bool alloc_debug_processing(struct kmem_cache *s, struct slab *slab,
			    void *object, unsigned long caller);
bool free_debug_processing(struct kmem_cache *s, struct slab *slab,
			   void *object, unsigned long caller);
void check_slab_free_objects(struct kmem_cache *s, struct slab *slab);
int slab_parse_bool(const char *str, bool *res);

/* --- mm/slab_report.c ------------------------------------------------------ */

void slab_bug(struct kmem_cache *s, const char *fmt, ...) __printf(2, 3);
void print_trailer(struct kmem_cache *s, struct slab *slab, u8 *p);
void slab_report(struct kmem_cache *s, struct slab *slab, const void *object,
		 const char *reason);
void slab_print_object(struct kmem_cache *s, struct slab *slab,
		       const void *object);
void print_tracking(struct kmem_cache *s, void *object);
void slab_err(struct kmem_cache *s, struct slab *slab, const char *fmt, ...)
	__printf(3, 4);
void slab_error_done(struct kmem_cache *s);
void print_section(const char *level, const char *text, const u8 *addr,
		   unsigned int length);
void slab_fix(struct kmem_cache *s, const char *fmt, ...) __printf(2, 3);

#endif /* _MM_SLAB_H */
