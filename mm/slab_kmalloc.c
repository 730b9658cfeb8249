// SPDX-License-Identifier: GPL-2.0
/*
 * kmalloc and friends: the general-purpose allocator on top of the
 * kmalloc caches (8 ... 8k, plus 96 and 192, and their ZONE_DMA twins),
 * with requests above 8k going straight to the page allocator as
 * compound pages.  kfree() finds a block's owner through struct page.
 */
#include <linux/string.h>
#include <linux/init.h>
#include "slab.h"

struct kmem_cache *
kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1];

/*
 * kmalloc cache index for sizes up to 192, by (size - 1) / 8: the 96 and
 * 192 caches (indices 1 and 2) serve sizes that would waste a third of a
 * power-of-two object.  Above 192 the index is fls(size - 1).
 */
static u8 size_index[24] = {
	3,	/* 8 */
	4,	/* 16 */
	5,	/* 24 */
	5,	/* 32 */
	6,	/* 40 */
	6,	/* 48 */
	6,	/* 56 */
	6,	/* 64 */
	1,	/* 72 */
	1,	/* 80 */
	1,	/* 88 */
	1,	/* 96 */
	7,	/* 104 */
	7,	/* 112 */
	7,	/* 120 */
	7,	/* 128 */
	2,	/* 136 */
	2,	/* 144 */
	2,	/* 152 */
	2,	/* 160 */
	2,	/* 168 */
	2,	/* 176 */
	2,	/* 184 */
	2	/* 192 */
};

/* Names as Linux 6.1 prints them in /proc/slabinfo. */
static const char *const kmalloc_names[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1] = {
	[KMALLOC_NORMAL] = {
		NULL, "kmalloc-96", "kmalloc-192", "kmalloc-8", "kmalloc-16",
		"kmalloc-32", "kmalloc-64", "kmalloc-128", "kmalloc-256",
		"kmalloc-512", "kmalloc-1k", "kmalloc-2k", "kmalloc-4k",
		"kmalloc-8k" },
	[KMALLOC_DMA] = {
		NULL, "dma-kmalloc-96", "dma-kmalloc-192", "dma-kmalloc-8",
		"dma-kmalloc-16", "dma-kmalloc-32", "dma-kmalloc-64",
		"dma-kmalloc-128", "dma-kmalloc-256", "dma-kmalloc-512",
		"dma-kmalloc-1k", "dma-kmalloc-2k", "dma-kmalloc-4k",
		"dma-kmalloc-8k" },
};

static unsigned int kmalloc_index_size(unsigned int index)
{
	if (index == 1)
		return 96;
	if (index == 2)
		return 192;
	return 1U << index;
}

/**
 * kmalloc_slab() - the kmalloc cache serving a request
 * @size: bytes, 1 .. KMALLOC_MAX_CACHE_SIZE
 * @flags: gfp flags (__GFP_DMA picks the dma-kmalloc caches)
 *
 * Return: the cache, or NULL for a size no cache serves.
 */
struct kmem_cache *kmalloc_slab(size_t size, gfp_t flags)
{
	unsigned int index;

	if (size <= 192) {
		if (!size)
			return NULL;
		index = size_index[(size - 1) / 8];
	} else {
		if (size > KMALLOC_MAX_CACHE_SIZE)
			return NULL;
		index = fls((unsigned int)size - 1);
	}
	return kmalloc_caches[(flags & __GFP_DMA) ? KMALLOC_DMA : KMALLOC_NORMAL][index];
}

static struct kmem_cache *create_kmalloc_cache(const char *name, unsigned int size,
					       slab_flags_t flags)
{
	struct kmem_cache *s = kmem_cache_zalloc(kmem_cache, GFP_NOWAIT);
	/* Power-of-two kmalloc objects are naturally aligned, as in Linux. */
	unsigned int align = is_power_of_2(size) ? size : ARCH_KMALLOC_MINALIGN;

	if (!s || __kmem_cache_create(s, name, size, align, flags, NULL))
		panic("Out of memory when creating slab %s", name);
	s->refcount = -1;	/* never destroyed */
	list_add(&s->list, &slab_caches);
	return s;
}

static void __init new_kmalloc_cache(unsigned int idx, unsigned int type)
{
	slab_flags_t flags = type == KMALLOC_DMA ? SLAB_CACHE_DMA : 0;

	kmalloc_caches[type][idx] = create_kmalloc_cache(kmalloc_names[type][idx],
							 kmalloc_index_size(idx), flags);
}

/**
 * create_kmalloc_caches() - create the kmalloc caches (kmem_cache_init)
 *
 * Index 1 is kmalloc-96, 2 is kmalloc-192, 3 .. KMALLOC_SHIFT_HIGH are
 * 8, 16, ... 8k; the dma-kmalloc set takes its slabs from ZONE_DMA.
 * Created in Linux's order, 96 right after 64 and 192 after 128, so that
 * /proc/slabinfo (newest first) ends as Linux's does: ... kmalloc-128,
 * kmalloc-96, kmalloc-64, kmalloc-32, kmalloc-16, kmalloc-8, kmem_cache.
 */
void __init create_kmalloc_caches(void)
{
	unsigned int type, i;

	for (type = KMALLOC_NORMAL; type < NR_KMALLOC_TYPES; type++) {
		for (i = KMALLOC_SHIFT_LOW; i <= KMALLOC_SHIFT_HIGH; i++) {
			new_kmalloc_cache(i, type);
			if (i == 6)
				new_kmalloc_cache(1, type);
			if (i == 7)
				new_kmalloc_cache(2, type);
		}
	}
}

/**
 * kmalloc_large() - kmalloc beyond the biggest cache: whole pages
 * @size: bytes
 * @flags: gfp flags (__GFP_ZERO, __GFP_DMA; __GFP_HIGHMEM and __GFP_DMA32
 *	are dropped with a warning, kmalloc_fix_flags())
 *
 * Return: page-aligned memory, or NULL.
 */
void *kmalloc_large(size_t size, gfp_t flags)
{
	unsigned int order;
	struct page *page;

	if (unlikely(size > KMALLOC_MAX_SIZE))
		return NULL;
	if (unlikely(flags & GFP_SLAB_BUG_MASK))
		flags = kmalloc_fix_flags(flags);
	order = get_order(size);
	page = alloc_pages(flags | __GFP_COMP, order);
	if (!page)
		return NULL;
	return page_address(page);
}

/**
 * kmalloc() - allocate memory
 * @size: bytes (0 gives ZERO_SIZE_PTR)
 * @flags: gfp flags (__GFP_ZERO; __GFP_DMA picks the dma-kmalloc caches;
 *	__GFP_HIGHMEM and __GFP_DMA32 are dropped with a warning when they
 *	reach the page allocator, kmalloc_fix_flags())
 *
 * Return: memory aligned to ARCH_KMALLOC_MINALIGN (power-of-two sizes to
 * their size), or NULL.
 */
void *kmalloc(size_t size, gfp_t flags)
{
	struct kmem_cache *s;

	if (unlikely(size > KMALLOC_MAX_CACHE_SIZE))
		return kmalloc_large(size, flags);
	s = kmalloc_slab(size, flags);
	if (unlikely(!s))
		return ZERO_SIZE_PTR;
	return slab_alloc(s, flags, _RET_IP_);
}

/*
 * Is @page the head of a large kmalloc block starting at @x?  Such blocks
 * are compound pages of order >= 2 (more than 8 KiB) without PG_slab.
 */
static bool large_kmalloc_order(struct page *page, const void *x,
				unsigned int *order)
{
	if (PageSlab(page) || !PageHead(page) || page_address(page) != x)
		return false;
	*order = compound_order(page);
	return *order > 0;
}

static void free_large_kmalloc(const void *x)
{
	struct page *page = slab_virt_to_head(x);
	unsigned int order;

	if (unlikely(!page || !large_kmalloc_order(page, x, &order))) {
		slab_report(NULL, NULL, x, "Invalid free: not allocated by kmalloc");
		slab_error_done(NULL);
		return;
	}
	__free_pages(page, order);
}

/**
 * kfree() - free memory from kmalloc
 * @x: the pointer (NULL and ZERO_SIZE_PTR are ignored)
 */
void kfree(const void *x)
{
	struct slab *slab;

	if (unlikely(ZERO_OR_NULL_PTR(x)))
		return;
	slab = virt_to_slab(x);
	if (unlikely(!slab)) {
		free_large_kmalloc(x);
		return;
	}
	slab_free(slab->slab_cache, slab, (void *)x, _RET_IP_);
}

/**
 * ksize() - the usable size of a kmalloc'd block
 * @x: the pointer
 *
 * Return: bytes the caller may use (at least what it asked for), 0 for
 * NULL, ZERO_SIZE_PTR or a pointer kmalloc did not return.
 */
size_t ksize(const void *x)
{
	struct slab *slab;
	struct page *page;
	unsigned int order;

	if (unlikely(ZERO_OR_NULL_PTR(x)))
		return 0;
	slab = virt_to_slab(x);
	if (slab) {
		if (obj_to_index_in_slab(slab->slab_cache, x) < 0)
			return 0;
		return slab->slab_cache->object_size;
	}
	page = slab_virt_to_head(x);
	if (page && large_kmalloc_order(page, x, &order))
		return PAGE_SIZE << order;
	return 0;
}

/**
 * krealloc() - resize a kmalloc'd block
 * @p: the block, or NULL (then this is kmalloc)
 * @new_size: bytes wanted; 0 frees @p and returns ZERO_SIZE_PTR
 * @flags: gfp flags for a new block
 *
 * Return: @p when it is already big enough, else a new block holding the
 * old contents (and @p freed), or NULL with @p untouched.  A @p that
 * kmalloc did not return (ksize() 0) has no contents to copy: the new
 * block comes back empty and kfree() reports @p, as in Linux.
 */
void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	size_t ks;
	void *ret;

	if (unlikely(!new_size)) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	ks = ksize(p);
	if (ks >= new_size)
		return (void *)p;
	ret = kmalloc(new_size, flags);
	if (ret) {
		if (ks)
			memcpy(ret, p, ks);
		kfree(p);
	}
	return ret;
}
