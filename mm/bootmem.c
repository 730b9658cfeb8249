// SPDX-License-Identifier: GPL-2.0
/*
 * The bootmem bitmap allocator of Linux 2.6.2x (seed 004), selected with
 * bootmem=bitmap.  One bit per page of low memory, set = reserved.
 *
 * DOC: bootmem overview
 *
 * init_bootmem_core() puts the bitmap at a given PFN (min_low_pfn: right
 * after the kernel's early page tables) and sets every bit, so nothing is
 * usable until setup code says so.  register_bootmem_low_pages() clears
 * the bits of e820 RAM below max_low_pfn, rounding inward (PFN_UP at the
 * start, PFN_DOWN at the end) so a partial page is never handed out;
 * reserve_bootmem() sets bits again, rounding outward, for everything the
 * kernel already uses.  __alloc_bootmem_core() is first fit: it scans
 * upward from the goal (or from where the last search succeeded, if that
 * is higher), then from the bottom; small allocations share the tail of
 * the previous one's last page.  free_all_bootmem_core() gives every page
 * whose bit is clear, then the bitmap's own pages, to the page allocator.
 *
 *   pfn:  0    1    2    3    4    5   ...  max_low_pfn
 *   bit:  1    1    0    0    1    0   ...  (1 = reserved, 0 = free)
 *         ^BIOS     ^free     ^kernel
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/bitops.h>
#include <linux/pfn.h>
#include <linux/memblock.h>
#include <linux/bootmem.h>
#include <asm/e820/api.h>

bootmem_data_t bootmem_node_data[MAX_NUMNODES] __initdata;

/**
 * bootmem_bootmap_pages() - pages the bitmap needs for @pages pages
 * @pages: pages to cover
 *
 * Return: whole pages (one bit per page, rounded up to a long, then a page).
 */
unsigned long __init bootmem_bootmap_pages(unsigned long pages)
{
	unsigned long bytes = ALIGN(DIV_ROUND_UP(pages, 8), sizeof(long));

	return PFN_UP(bytes);
}

static unsigned long __init bdata_start_pfn(const bootmem_data_t *bdata)
{
	return PFN_DOWN(bdata->node_boot_start);
}

/* Bitmap bytes: one bit per page, rounded up to a long. */
static unsigned long __init get_mapsize(const bootmem_data_t *bdata)
{
	unsigned long pages = bdata->node_low_pfn - bdata_start_pfn(bdata);

	return ALIGN(DIV_ROUND_UP(pages, 8), sizeof(long));
}

/* First index in [offset, size) whose bit equals @set; size if none. */
static unsigned long __init find_next(const unsigned long *map, unsigned long size,
				      unsigned long offset, bool set)
{
	while (offset < size) {
		unsigned long word = map[BIT_WORD(offset)];

		if (!set)
			word = ~word;
		word &= ~0UL << (offset % BITS_PER_LONG);
		if (word) {
			offset = ALIGN_DOWN(offset, BITS_PER_LONG) + __ffs(word);
			return min(offset, size);
		}
		offset = ALIGN_DOWN(offset, BITS_PER_LONG) + BITS_PER_LONG;
	}
	return size;
}

/* Set bits [sidx, eidx), a word at a time where whole words are covered. */
static void __init set_range(unsigned long *map, unsigned long sidx, unsigned long eidx)
{
	while (sidx < eidx) {
		if (!(sidx % BITS_PER_LONG) && eidx - sidx >= BITS_PER_LONG) {
			map[BIT_WORD(sidx)] = ~0UL;
			sidx += BITS_PER_LONG;
		} else {
			__set_bit(sidx++, map);
		}
	}
}

/*
 * Clear bits [sidx, eidx), which must all be set.  Return: eidx, or the
 * first index found clear (bits before it are cleared, none after).
 */
static unsigned long __init clear_range(unsigned long *map, unsigned long sidx,
					unsigned long eidx)
{
	while (sidx < eidx) {
		if (!(sidx % BITS_PER_LONG) && eidx - sidx >= BITS_PER_LONG) {
			unsigned long *w = &map[BIT_WORD(sidx)];

			if (*w != ~0UL)
				return sidx + __ffs(~*w);
			*w = 0;
			sidx += BITS_PER_LONG;
		} else if (!__test_and_clear_bit(sidx, map)) {
			return sidx;
		} else {
			sidx++;
		}
	}
	return eidx;
}

/**
 * init_bootmem_core() - set up the bitmap of one node
 * @bdata: the node's allocator
 * @mapstart: PFN where the bitmap goes (the caller reserves it)
 * @start: first PFN covered
 * @end: PFN after the last one covered
 *
 * Every page starts reserved; setup code frees RAM explicitly.
 *
 * Return: the bitmap's size in bytes.
 */
unsigned long __init init_bootmem_core(bootmem_data_t *bdata, unsigned long mapstart,
				       unsigned long start, unsigned long end)
{
	unsigned long mapsize;

	if (start >= end)
		panic("init_bootmem_core: empty node, PFNs %#lx-%#lx", start, end);
	bdata->node_bootmem_map = __va(PFN_PHYS(mapstart));
	bdata->node_boot_start = PFN_PHYS(start);
	bdata->node_low_pfn = end;
	bdata->last_pos = 0;
	bdata->last_offset = 0;
	bdata->last_success = 0;
	mapsize = get_mapsize(bdata);
	memset(bdata->node_bootmem_map, 0xff, mapsize);
	return mapsize;
}

/** init_bootmem_node() - init_bootmem_core() for @pgdat's node. */
unsigned long __init init_bootmem_node(pg_data_t *pgdat, unsigned long freepfn,
				       unsigned long startpfn, unsigned long endpfn)
{
	return init_bootmem_core(&bootmem_node_data[pgdat->node_id], freepfn,
				 startpfn, endpfn);
}

/**
 * init_bootmem() - the single-node setup of seed 004
 * @start: PFN for the bitmap; becomes min_low_pfn
 * @pages: PFN after low memory; becomes max_low_pfn
 *
 * Return: the bitmap's size in bytes.
 */
unsigned long __init init_bootmem(unsigned long start, unsigned long pages)
{
	max_low_pfn = pages;
	min_low_pfn = start;
	return init_bootmem_core(&bootmem_node_data[0], start, 0, pages);
}

/* [addr, addr + size) inside the node, without wrapping? */
static bool __init range_in_node(const bootmem_data_t *bdata, phys_addr_t addr,
				 phys_addr_t size)
{
	return bdata->node_bootmem_map && size && addr + size > addr &&
	       addr >= bdata->node_boot_start &&
	       addr + size <= PFN_PHYS(bdata->node_low_pfn);
}

/**
 * reserve_bootmem_core() - mark pages as not allocatable
 * @bdata: the node's allocator
 * @addr: first byte
 * @size: bytes; partial pages at either end are reserved whole
 * @flags: BOOTMEM_DEFAULT, or BOOTMEM_EXCLUSIVE to fail on a taken page
 *
 * Return: 0; -EINVAL for an empty, wrapping or out-of-node range (nothing
 * changes); -EBUSY for BOOTMEM_EXCLUSIVE when a page was already reserved
 * (nothing changes).
 */
int __init reserve_bootmem_core(bootmem_data_t *bdata, phys_addr_t addr,
				phys_addr_t size, int flags)
{
	unsigned long start_pfn = bdata_start_pfn(bdata), sidx, eidx;

	if (!range_in_node(bdata, addr, size))
		return -EINVAL;
	sidx = PFN_DOWN(addr) - start_pfn;
	eidx = PFN_UP(addr + size) - start_pfn;
	if ((flags & BOOTMEM_EXCLUSIVE) &&
	    find_next(bdata->node_bootmem_map, eidx, sidx, true) < eidx)
		return -EBUSY;
	set_range(bdata->node_bootmem_map, sidx, eidx);
	return 0;
}

/** reserve_bootmem() - reserve_bootmem_core() on node 0. */
int __init reserve_bootmem(phys_addr_t addr, phys_addr_t size, int flags)
{
	return reserve_bootmem_core(&bootmem_node_data[0], addr, size, flags);
}

/** reserve_bootmem_node() - reserve_bootmem_core() on @pgdat's node. */
int __init reserve_bootmem_node(pg_data_t *pgdat, phys_addr_t addr,
				phys_addr_t size, int flags)
{
	return reserve_bootmem_core(&bootmem_node_data[pgdat->node_id], addr,
				    size, flags);
}

/**
 * free_bootmem_core() - make pages allocatable
 * @bdata: the node's allocator
 * @addr: first byte
 * @size: bytes; only whole pages inside the range are freed
 *
 * An out-of-node or wrapping range is reported and ignored.  Freeing a
 * page that is already free panics, as Linux's BUG() did: some caller
 * lost track of what it owns.
 */
void __init free_bootmem_core(bootmem_data_t *bdata, phys_addr_t addr,
			      phys_addr_t size)
{
	unsigned long start_pfn = bdata_start_pfn(bdata), sidx, eidx, i;

	if (!range_in_node(bdata, addr, size)) {
		pr_err("free_bootmem: [mem %#018llx-%#018llx] is outside the bitmap\n",
		       (unsigned long long)addr, (unsigned long long)(addr + size - 1));
		return;
	}
	sidx = PFN_UP(addr) - start_pfn;
	eidx = PFN_DOWN(addr + size) - start_pfn;
	if (addr < bdata->last_success)
		bdata->last_success = addr;
	/* the shared tail page of the last allocation may be going away */
	if (bdata->last_pos >= start_pfn + sidx && bdata->last_pos < start_pfn + eidx)
		bdata->last_offset = 0;
	i = clear_range(bdata->node_bootmem_map, sidx, eidx);
	if (i < eidx)
		panic("free_bootmem: page %#llx is already free",
		      (unsigned long long)PFN_PHYS(start_pfn + i));
}

/** free_bootmem() - free_bootmem_core() on node 0. */
void __init free_bootmem(phys_addr_t addr, phys_addr_t size)
{
	free_bootmem_core(&bootmem_node_data[0], addr, size);
}

/** free_bootmem_node() - free_bootmem_core() on @pgdat's node. */
void __init free_bootmem_node(pg_data_t *pgdat, phys_addr_t addr, phys_addr_t size)
{
	free_bootmem_core(&bootmem_node_data[pgdat->node_id], addr, size);
}

/**
 * register_bootmem_low_pages() - free every usable e820 page below @max_low_pfn
 * @max_low_pfn: end of low memory
 *
 * Seed 004's loop: round the start of each usable entry up and its end
 * down to whole pages, clip at @max_low_pfn, skip what rounding emptied.
 */
void __init register_bootmem_low_pages(unsigned long max_low_pfn)
{
	u32 i;

	for (i = 0; i < e820_table->nr_entries; i++) {
		const struct e820_entry *ei = &e820_table->entries[i];
		unsigned long curr_pfn, last_pfn;

		if (ei->type != E820_TYPE_RAM)
			continue;
		curr_pfn = PFN_UP(ei->addr);
		if (curr_pfn >= max_low_pfn)
			continue;
		last_pfn = PFN_DOWN(ei->addr + ei->size);
		if (last_pfn > max_low_pfn)
			last_pfn = max_low_pfn;
		if (last_pfn <= curr_pfn)
			continue;
		free_bootmem(PFN_PHYS(curr_pfn), PFN_PHYS(last_pfn - curr_pfn));
	}
}

/* First fit of @areasize pages at PFNs aligned to @incr in [from, end_pfn). */
static unsigned long __init scan(const bootmem_data_t *bdata, unsigned long from,
				 unsigned long end_pfn, unsigned long areasize,
				 unsigned long incr)
{
	unsigned long start_pfn = bdata_start_pfn(bdata), eidx = end_pfn - start_pfn;
	unsigned long pfn = ALIGN(from, incr), z, busy;

	while (pfn >= from && pfn < end_pfn && areasize <= end_pfn - pfn) {
		z = find_next(bdata->node_bootmem_map, eidx, pfn - start_pfn, false);
		if (z >= eidx)
			break;
		pfn = ALIGN(start_pfn + z, incr);
		if (pfn >= end_pfn || areasize > end_pfn - pfn)
			break;
		busy = find_next(bdata->node_bootmem_map, pfn - start_pfn + areasize,
				 pfn - start_pfn, true);
		if (busy >= pfn - start_pfn + areasize)
			return pfn;
		pfn = ALIGN(start_pfn + busy + 1, incr);
	}
	return end_pfn;
}

/*
 * The allocator proper, without zeroing.  Return: the physical address,
 * or (phys_addr_t)-1 when nothing fits.
 */
static phys_addr_t __init alloc_core(bootmem_data_t *bdata, unsigned long size,
				     unsigned long align, phys_addr_t goal,
				     phys_addr_t limit)
{
	unsigned long start_pfn = bdata_start_pfn(bdata), end_pfn = bdata->node_low_pfn;
	unsigned long areasize, incr, preferred, found;
	phys_addr_t ret;

	if (!size)
		panic("__alloc_bootmem_core(): zero-sized request");
	if (align & (align - 1))
		panic("__alloc_bootmem_core(): alignment %#lx is not a power of two", align);
	if (!align)
		align = 1;	/* else the shared-page offset below rounds to 0 */
	if (!bdata->node_bootmem_map)
		return (phys_addr_t)-1;
	if (limit && PFN_DOWN(limit) < end_pfn)
		end_pfn = PFN_DOWN(limit);
	if (end_pfn <= start_pfn)
		return (phys_addr_t)-1;
	areasize = DIV_ROUND_UP(size, PAGE_SIZE);
	incr = align >> PAGE_SHIFT ? align >> PAGE_SHIFT : 1;

	/* above the goal first, or above the last success if that is higher */
	preferred = start_pfn;
	if (goal && goal >= bdata->node_boot_start && PFN_DOWN(goal) < end_pfn) {
		preferred = PFN_DOWN(goal);
		if (bdata->last_success >= goal && PFN_DOWN(bdata->last_success) < end_pfn)
			preferred = PFN_DOWN(bdata->last_success);
	}
	found = scan(bdata, preferred, end_pfn, areasize, incr);
	if (found >= end_pfn && preferred > start_pfn)
		found = scan(bdata, start_pfn, end_pfn, areasize, incr);
	if (found >= end_pfn)
		return (phys_addr_t)-1;
	bdata->last_success = PFN_PHYS(found);

	/*
	 * Share the previous allocation's last page when this one starts on
	 * the next page: the tail of that page would otherwise be lost.
	 */
	if (align < PAGE_SIZE && bdata->last_offset && bdata->last_pos + 1 == found) {
		unsigned long offset = ALIGN(bdata->last_offset, align);
		unsigned long remaining = PAGE_SIZE - offset;

		ret = PFN_PHYS(bdata->last_pos) + offset;
		if (size < remaining) {
			areasize = 0;
			bdata->last_offset = offset + size;
		} else {
			remaining = size - remaining;
			areasize = DIV_ROUND_UP(remaining, PAGE_SIZE);
			bdata->last_pos = found + areasize - 1;
			bdata->last_offset = remaining;
		}
		bdata->last_offset &= PAGE_SIZE - 1;
	} else {
		bdata->last_pos = found + areasize - 1;
		bdata->last_offset = size & (PAGE_SIZE - 1);
		ret = PFN_PHYS(found);
	}
	set_range(bdata->node_bootmem_map, found - start_pfn, found - start_pfn + areasize);
	return ret;
}

/**
 * __alloc_bootmem_core() - first-fit allocation from one node, zeroed
 * @bdata: the node's allocator
 * @size: bytes (> 0, else panic)
 * @align: power of two (else panic); 0 means byte alignment
 * @goal: search from here first (0: from the bottom)
 * @limit: the block ends at or below PFN_DOWN(@limit) pages (0: no limit)
 *
 * Return: the direct-mapped address, or NULL when nothing fits.
 */
void * __init __alloc_bootmem_core(bootmem_data_t *bdata, unsigned long size,
				   unsigned long align, phys_addr_t goal,
				   phys_addr_t limit)
{
	void *ptr = __alloc_bootmem_core_raw(bdata, size, align, goal, limit);

	if (ptr)
		memset(ptr, 0, size);
	return ptr;
}

/** __alloc_bootmem_core_raw() - __alloc_bootmem_core() without zeroing. */
void * __init __alloc_bootmem_core_raw(bootmem_data_t *bdata, unsigned long size,
				       unsigned long align, phys_addr_t goal,
				       phys_addr_t limit)
{
	phys_addr_t pa = alloc_core(bdata, size, align, goal, limit);

	return pa == (phys_addr_t)-1 ? NULL : __va(pa);
}

/** __alloc_bootmem_nopanic() - zeroed memory from any node; NULL on failure. */
void * __init __alloc_bootmem_nopanic(unsigned long size, unsigned long align,
				      phys_addr_t goal)
{
	int nid;

	for (nid = 0; nid < MAX_NUMNODES; nid++) {
		void *ptr = __alloc_bootmem_core(&bootmem_node_data[nid], size, align,
						 goal, 0);

		if (ptr)
			return ptr;
	}
	return NULL;
}

/** __alloc_bootmem() - as __alloc_bootmem_nopanic(), but panics on failure. */
void * __init __alloc_bootmem(unsigned long size, unsigned long align, phys_addr_t goal)
{
	void *ptr = __alloc_bootmem_nopanic(size, align, goal);

	if (ptr)
		return ptr;
	printk(KERN_ALERT "bootmem alloc of %lu bytes failed!\n", size);
	panic("Out of memory");
}

/** __alloc_bootmem_node() - from @pgdat's node first, then any; panics. */
void * __init __alloc_bootmem_node(pg_data_t *pgdat, unsigned long size,
				   unsigned long align, phys_addr_t goal)
{
	void *ptr = __alloc_bootmem_core(&bootmem_node_data[pgdat->node_id], size,
					 align, goal, 0);

	return ptr ? ptr : __alloc_bootmem(size, align, goal);
}

/** __alloc_bootmem_low() - zeroed memory below 4 GiB; panics on failure. */
void * __init __alloc_bootmem_low(unsigned long size, unsigned long align,
				  phys_addr_t goal)
{
	int nid;

	for (nid = 0; nid < MAX_NUMNODES; nid++) {
		void *ptr = __alloc_bootmem_core(&bootmem_node_data[nid], size, align,
						 goal, BOOTMEM_LOW_LIMIT);

		if (ptr)
			return ptr;
	}
	printk(KERN_ALERT "low bootmem alloc of %lu bytes failed!\n", size);
	panic("Out of low memory");
}

/** __alloc_bootmem_low_node() - below 4 GiB on @pgdat's node; NULL on failure. */
void * __init __alloc_bootmem_low_node(pg_data_t *pgdat, unsigned long size,
				       unsigned long align, phys_addr_t goal)
{
	return __alloc_bootmem_core(&bootmem_node_data[pgdat->node_id], size, align,
				    goal, BOOTMEM_LOW_LIMIT);
}

/**
 * free_all_bootmem_core() - hand a node's free pages to the page allocator
 * @bdata: the node's allocator
 * @free_range: called for each run of free pages, then for the bitmap
 *
 * After this the bitmap is gone (node_bootmem_map is NULL) and every
 * bootmem call on the node fails.  A bitmap page whose own bit is clear
 * was already handed over as free memory (the caller forgot to reserve
 * the bitmap): it is reported and not given twice.
 *
 * Return: pages handed over.
 */
unsigned long __init free_all_bootmem_core(bootmem_data_t *bdata,
					   bootmem_free_range_fn free_range)
{
	unsigned long start_pfn = bdata_start_pfn(bdata);
	unsigned long idx = bdata->node_low_pfn - start_pfn;
	unsigned long *map = bdata->node_bootmem_map;
	unsigned long i = 0, count = 0, zero, busy, mpfn, mend;

	if (!map)
		return 0;
	while ((zero = find_next(map, idx, i, false)) < idx) {
		busy = find_next(map, idx, zero, true);
		free_range(start_pfn + zero, start_pfn + busy);
		count += busy - zero;
		i = busy;
	}

	/* Now the bitmap itself: it is not needed any more. */
	mpfn = PFN_DOWN(__pa(map));
	mend = mpfn + PFN_UP(get_mapsize(bdata));
	for (i = mpfn; i < mend; i++) {
		if (i >= start_pfn && i < bdata->node_low_pfn &&
		    !test_bit(i - start_pfn, map)) {
			pr_err("bootmem: bitmap page %#lx was not reserved\n", i);
			continue;
		}
		free_range(i, i + 1);
		count++;
	}
	bdata->node_bootmem_map = NULL;
	return count;
}
