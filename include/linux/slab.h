/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The slab allocator's public interface, with Linux's names: object caches
 * (kmem_cache_*) and the general-purpose kmalloc family on top of them.
 *
 * Objects live in slabs, runs of pages from alloc_pages(); an object is
 * found again from its address through struct page, so there is no
 * per-object header.  kmalloc sizes above KMALLOC_MAX_CACHE_SIZE go
 * straight to the page allocator.  Debugging and hardening (poisoning, red
 * zones, owner tracking, consistency checks) are chosen per cache with the
 * SLAB_* flags below or for every cache with the slub_debug= boot option.
 *
 * Boot options:
 *   slub_debug[=FZPUT[,cache,...]]  debug flags for all (or the named) caches
 *   init_on_alloc=0|1, init_on_free=0|1  zero objects on allocation / free
 *   slab_panic[=0|1]                stop at the first slab error report
 *   mm_selftest                     run slab_selftest() in kmem_cache_init_late()
 *   mm_show=slabinfo                print /proc/slabinfo there
 * Always on: freelist pointer obfuscation, and the cheap free checks (a
 * pointer that is no object start, not in a slab, of another cache, or
 * the object just freed).
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/gfp.h>
#include <asm/page.h>

typedef unsigned int slab_flags_t;

/* Debug flags, as Linux names them (letters are slub_debug='s). */
#define SLAB_CONSISTENCY_CHECKS	0x00000100U	/* F: full checks on alloc/free */
#define SLAB_RED_ZONE		0x00000400U	/* Z: red zones around objects */
#define SLAB_POISON		0x00000800U	/* P: poison free objects */
#define SLAB_STORE_USER		0x00010000U	/* U: remember last alloc/free caller */
#define SLAB_TRACE		0x00200000U	/* T: print every alloc and free */
/* Other cache properties. */
#define SLAB_HWCACHE_ALIGN	0x00002000U	/* align objects on cache lines */
#define SLAB_CACHE_DMA		0x00004000U	/* slabs from ZONE_DMA */
#define SLAB_PANIC		0x00040000U	/* panic if kmem_cache_create fails */
#define SLAB_RECLAIM_ACCOUNT	0x00020000U	/* slabs are __GFP_RECLAIMABLE pages */

#define SLAB_DEBUG_FLAGS	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | \
				 SLAB_POISON | SLAB_STORE_USER | SLAB_TRACE)

/* What kmalloc(0) returns: not NULL, never dereferenceable, kfree()able. */
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

/* The smallest kmalloc object, its alignment, and the biggest served by a cache. */
#define KMALLOC_SHIFT_LOW	3
#define KMALLOC_MIN_SIZE	(1 << KMALLOC_SHIFT_LOW)
#define ARCH_KMALLOC_MINALIGN	__alignof__(unsigned long long)
#define ARCH_SLAB_MINALIGN	__alignof__(unsigned long long)
#define KMALLOC_SHIFT_HIGH	(PAGE_SHIFT + 1)
#define KMALLOC_MAX_CACHE_SIZE	(1UL << KMALLOC_SHIFT_HIGH)
/* The largest kmalloc at all: the page allocator's biggest block. */
#define KMALLOC_SHIFT_MAX	(MAX_ORDER - 1 + PAGE_SHIFT)
#define KMALLOC_MAX_SIZE	(1UL << KMALLOC_SHIFT_MAX)

struct kmem_cache;

/**
 * enum kmalloc_cache_type - which family of kmalloc caches serves a request
 * @KMALLOC_NORMAL: ordinary GFP_KERNEL memory ("kmalloc-64")
 * @KMALLOC_DMA: __GFP_DMA requests, slabs from ZONE_DMA ("dma-kmalloc-64")
 * @NR_KMALLOC_TYPES: count
 */
enum kmalloc_cache_type {
	KMALLOC_NORMAL = 0,
	KMALLOC_DMA,
	NR_KMALLOC_TYPES
};

void kmem_cache_init(void);
void kmem_cache_init_late(void);

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
int kmem_cache_shrink(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags) __must_check;
void kmem_cache_free(struct kmem_cache *s, void *objp);
unsigned int kmem_cache_size(struct kmem_cache *s);

static inline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t flags)
{
	return kmem_cache_alloc(s, flags | __GFP_ZERO);
}

void *kmalloc(size_t size, gfp_t flags) __must_check;
void *kmalloc_large(size_t size, gfp_t flags) __must_check;
void kfree(const void *objp);
void *krealloc(const void *objp, size_t new_size, gfp_t flags) __must_check;
size_t ksize(const void *objp);
struct kmem_cache *kmalloc_slab(size_t size, gfp_t flags);

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

/**
 * kmalloc_array() - allocate n * size bytes, failing on overflow
 * @n: number of elements
 * @size: element size
 * @flags: gfp flags
 *
 * Return: the memory, or NULL when n * size overflows or memory is short.
 */
static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(__builtin_mul_overflow(n, size, &bytes)))
		return NULL;
	return kmalloc(bytes, flags);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

/* Kept in step with the kmalloc caches; tests and dumps look at it. */
extern struct kmem_cache *
kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1];

/**
 * struct slabinfo - one cache's line of /proc/slabinfo
 * @active_objs: objects handed out
 * @num_objs: objects in all slabs
 * @active_slabs: slabs holding at least one allocated object
 * @num_slabs: all slabs
 * @objects_per_slab: objects in one slab
 * @cache_order: each slab is 2^cache_order pages
 */
struct slabinfo {
	unsigned long active_objs;
	unsigned long num_objs;
	unsigned long active_slabs;
	unsigned long num_slabs;
	unsigned int objects_per_slab;
	unsigned int cache_order;
};

void get_slabinfo(struct kmem_cache *s, struct slabinfo *sinfo);
/* @out gets each line without "\n"; NULL prints them (linux/mm.h's mm_show_fn). */
void slabinfo_show(void (*out)(void *data, const char *line), void *data);

/* Hardening switches set by boot options; exposed for tests and dumps. */
extern bool slab_init_on_alloc;
extern bool slab_init_on_free;
extern bool slab_panic_on_error;
extern unsigned long slab_errors;

int slab_selftest(void);

#endif /* _LINUX_SLAB_H */
