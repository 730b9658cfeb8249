// SPDX-License-Identifier: GPL-2.0
/*
 * Highmem on i386: giving highmem pages to the buddy allocator
 * (set_highmem_pages_init) and mapping them for the kernel to touch.
 *
 * kmap() takes one of LAST_PKMAP slots of the pkmap window and keeps it
 * until the last kunmap(); page->virtual remembers the address, so
 * page_address() works meanwhile.  kmap_atomic() takes the next fixmap
 * slot of a small stack (KM_MAX_IDX deep) and must be undone in reverse
 * order.  Both write a real PTE and flush that one TLB entry.  A lowmem
 * page needs neither: its direct-map address is returned.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include <asm/tlbflush.h>
#include <asm/highmem.h>
#include <asm/pgtable_32_areas.h>
#include "mm_internal.h"
#include "../../../mm/internal.h"

static int pkmap_count[LAST_PKMAP];	/* users of each slot, 0 = free */
static struct page *pkmap_page[LAST_PKMAP];
static unsigned int last_pkmap_nr;
static unsigned int pkmap_in_use;

static int kmap_atomic_idx;		/* next free kmap_atomic slot */
static void *kmap_atomic_ptr[KM_MAX_IDX];
static bool kmap_atomic_pte[KM_MAX_IDX];	/* slot has a fixmap PTE to clear */

/** kmap_init() - reset the kmap slots (the page tables exist already). */
void __init kmap_init(void)
{
	memset(pkmap_count, 0, sizeof(pkmap_count));
	memset(pkmap_page, 0, sizeof(pkmap_page));
	last_pkmap_nr = 0;
	pkmap_in_use = 0;
	kmap_atomic_idx = 0;
}

static void set_slot_pte(u32 *table, unsigned int idx, unsigned long vaddr, u32 val)
{
	table[idx] = val;
	flush_tlb_one_kernel(vaddr);
}

/**
 * kmap() - map @page into the kernel until kunmap()
 * @page: any page
 *
 * Return: its address, or NULL (with a warning) when all LAST_PKMAP
 * slots are in use (Linux would sleep for one).
 */
void *kmap(struct page *page)
{
	unsigned long vaddr;
	unsigned int i, nr;

	if (!PageHighMem(page))
		return page_address(page);
	if (page->virtual) {
		for (nr = 0; nr < LAST_PKMAP; nr++)
			if (pkmap_page[nr] == page)
				break;
		pkmap_count[nr]++;
		return page->virtual;
	}
	for (i = 0; i < LAST_PKMAP; i++) {
		nr = (last_pkmap_nr + i) & LAST_PKMAP_MASK;
		if (!pkmap_count[nr])
			break;
	}
	if (WARN(i == LAST_PKMAP, "kmap: all %d pkmap slots in use\n", LAST_PKMAP))
		return NULL;
	last_pkmap_nr = (nr + 1) & LAST_PKMAP_MASK;
	vaddr = PKMAP_ADDR(nr);
	set_slot_pte(pkmap_page_table, (vaddr >> PAGE_SHIFT) & (I386_PTRS_PER_PTE - 1), vaddr,
		     (u32)PFN_PHYS(page_to_pfn(page)) | __PAGE_KERNEL);
	pkmap_count[nr] = 1;
	pkmap_page[nr] = page;
	pkmap_in_use++;
	page->virtual = kmap_slot_ptr(vaddr, PFN_PHYS(page_to_pfn(page)));
	return page->virtual;
}

/** kunmap() - drop a kmap() of @page; the last one frees the slot. */
void kunmap(struct page *page)
{
	unsigned int nr;

	if (!PageHighMem(page))
		return;
	for (nr = 0; nr < LAST_PKMAP; nr++)
		if (pkmap_page[nr] == page)
			break;
	if (WARN(nr == LAST_PKMAP || !pkmap_count[nr], "kunmap: page not kmapped\n"))
		return;
	if (--pkmap_count[nr])
		return;
	set_slot_pte(pkmap_page_table, (PKMAP_ADDR(nr) >> PAGE_SHIFT) & (I386_PTRS_PER_PTE - 1),
		     PKMAP_ADDR(nr), 0);
	pkmap_page[nr] = NULL;
	pkmap_in_use--;
	page->virtual = NULL;
}

/** kmap_pkmap_in_use() - pkmap slots currently held. */
unsigned int kmap_pkmap_in_use(void)
{
	return pkmap_in_use;
}

/**
 * kmap_atomic() - map @page in the next fixmap slot
 * @page: any page
 *
 * Return: its address; release with kunmap_atomic() in reverse order.
 */
void *kmap_atomic(struct page *page)
{
	int idx = kmap_atomic_idx;
	unsigned long vaddr;
	void *ptr;

	BUG_ON(idx >= KM_MAX_IDX);
	kmap_atomic_pte[idx] = PageHighMem(page);
	if (!PageHighMem(page)) {
		ptr = page_address(page);
	} else {
		vaddr = __fix_to_virt(FIX_KMAP_BEGIN + idx);
		set_slot_pte(fixmap_page_table, (vaddr >> PAGE_SHIFT) & (I386_PTRS_PER_PTE - 1),
			     vaddr, (u32)PFN_PHYS(page_to_pfn(page)) | __PAGE_KERNEL);
		ptr = kmap_slot_ptr(vaddr, PFN_PHYS(page_to_pfn(page)));
	}
	kmap_atomic_ptr[idx] = ptr;
	kmap_atomic_idx = idx + 1;
	return ptr;
}

/** kunmap_atomic() - undo the latest kmap_atomic(), which returned @addr. */
void kunmap_atomic(void *addr)
{
	int idx = kmap_atomic_idx - 1;
	unsigned long vaddr;

	BUG_ON(idx < 0 || kmap_atomic_ptr[idx] != addr);
	kmap_atomic_idx = idx;
	if (!kmap_atomic_pte[idx])
		return;
	vaddr = __fix_to_virt(FIX_KMAP_BEGIN + idx);
	set_slot_pte(fixmap_page_table, (vaddr >> PAGE_SHIFT) & (I386_PTRS_PER_PTE - 1), vaddr, 0);
}

/*
 * Free the memblock-free parts of [start_pfn, end_pfn) to the buddy
 * allocator, in the largest aligned blocks (Linux frees page by page).
 */
static void __init add_highpages_with_active_regions(unsigned long start_pfn,
						     unsigned long end_pfn)
{
	phys_addr_t start, end;
	u64 i;

	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, NULL) {
		unsigned long s = clamp_t(unsigned long, PFN_UP(start), start_pfn, end_pfn);
		unsigned long e = clamp_t(unsigned long, PFN_DOWN(end), start_pfn, end_pfn);

		if (s < e)
			__free_pages_memory(s, e);
	}
}

/**
 * set_highmem_pages_init() - hand highmem to the buddy allocator
 *
 * After memblock_free_all(); prints "Initializing HighMem for node 0
 * (start:end)" for each highmem zone, Movable included when it was
 * carved out of HighMem.
 */
void __init set_highmem_pages_init(void)
{
	struct zone *zone;

	for_each_zone(zone) {
		unsigned long start = zone->zone_start_pfn, end = zone_end_pfn(zone);

		if (!zone_configured(zone_idx(zone)) || !is_highmem(zone))
			continue;
		pr_info("Initializing %s for node %d (%08lx:%08lx)\n",
			zone->name, zone_to_nid(zone), start, end);
		add_highpages_with_active_regions(start, end);
	}
}
