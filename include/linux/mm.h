/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The memory manager's common interface: PFN <-> struct page <-> address
 * conversions, page reference counts, global page counters, and the boot
 * entry points (free_area_init, mem_init, mm_core_init).
 *
 * pfn_to_page() works the same in both profiles: the memmap is an array of
 * sections, each pointer biased by its first PFN (Linux's SPARSEMEM
 * encoding); the flat profile is one section holding the whole mem_map.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/bitops.h>
#include <linux/pfn.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <linux/page-flags.h>
#include <linux/gfp.h>
#include <asm/page.h>

/* to align the pointer to the (next) page boundary */
#define PAGE_ALIGN(addr)	ALIGN(addr, PAGE_SIZE)

extern struct page *mem_map;		/* flat profile: the PFN-0 page */
extern unsigned long totalram_pages_count;
extern unsigned long totalhigh_pages_count;
extern unsigned long highstart_pfn, highend_pfn;
extern int min_free_kbytes;
extern int watermark_scale_factor;
extern int sysctl_lowmem_reserve_ratio[MAX_NR_ZONES];

static inline unsigned long totalram_pages(void) { return totalram_pages_count; }
static inline unsigned long totalhigh_pages(void) { return totalhigh_pages_count; }

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_section[pfn_to_section_nr(pfn)].section_mem_map + pfn;
}

static inline unsigned long page_to_section(const struct page *page)
{
	return (page->flags >> SECTIONS_PGSHIFT) & SECTIONS_MASK;
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	return page - mem_section[page_to_section(page)].section_mem_map;
}

static inline enum zone_type page_zonenum(const struct page *page)
{
	return (page->flags >> ZONES_PGSHIFT) & ZONES_MASK;
}

static inline int page_to_nid(const struct page *page)
{
	return 0;
}

static inline struct zone *page_zone(const struct page *page)
{
	return &NODE_DATA(page_to_nid(page))->node_zones[page_zonenum(page)];
}

static inline bool PageHighMem(const struct page *page)
{
	return is_highmem_idx(page_zonenum(page));
}

/* Record zone, node and section in page->flags (memmap init). */
static inline void set_page_links(struct page *page, enum zone_type zone,
				  int nid, unsigned long pfn)
{
	page->flags &= ~((ZONES_MASK << ZONES_PGSHIFT) |
			 (SECTIONS_MASK << SECTIONS_PGSHIFT));
	page->flags |= ((unsigned long)zone & ZONES_MASK) << ZONES_PGSHIFT;
	page->flags |= (pfn_to_section_nr(pfn) & SECTIONS_MASK) << SECTIONS_PGSHIFT;
}

static inline int page_count(const struct page *page)
{
	return compound_head(page)->_refcount;
}

static inline void set_page_count(struct page *page, int v)
{
	page->_refcount = v;
}

static inline void init_page_count(struct page *page)
{
	set_page_count(page, 1);
}

static inline void get_page(struct page *page)
{
	compound_head(page)->_refcount++;
}

void dump_page(struct page *page, const char *reason);

/* BUG() on @cond, after dump_page() says which page and why (mm/debug.c). */
#define VM_BUG_ON_PAGE(cond, page) do {					\
	if (unlikely(cond)) {						\
		dump_page(page, "VM_BUG_ON_PAGE(" __stringify(cond) ")"); \
		BUG();							\
	}								\
} while (0)

/** put_page_testzero() - drop a reference; true when it was the last. */
static inline bool put_page_testzero(struct page *page)
{
	VM_BUG_ON_PAGE(page->_refcount <= 0, page);
	return --page->_refcount == 0;
}

void *page_address(const struct page *page);
#define lowmem_page_address(page)	__va(PFN_PHYS(page_to_pfn(page)))

/** virt_to_page() - the page of a direct-map (lowmem) address */
#define virt_to_page(kaddr)	pfn_to_page(__pa(kaddr) >> PAGE_SHIFT)
#define virt_to_pfn(kaddr)	(__pa(kaddr) >> PAGE_SHIFT)
#define virt_addr_valid(kaddr)	pfn_valid(virt_to_pfn(kaddr))

static inline struct page *virt_to_head_page(const void *x)
{
	return compound_head(virt_to_page(x));
}

/* mm/mm_init.c */
void free_area_init(unsigned long *max_zone_pfn);
void mm_core_init(void);
void mem_init_print_info(void);
void setup_per_zone_wmarks(void);
void __init init_per_zone_wmark_min(void);
unsigned long nr_free_buffer_pages(void);
unsigned long nr_free_pagecache_pages(void);
unsigned long calc_memmap_size(unsigned long spanned, unsigned long present);
extern unsigned long nr_kernel_pages, nr_all_pages;
extern unsigned long vm_total_pages;

/* mm/page_alloc.c */
void __free_pages_core(struct page *page, unsigned int order);

/* page_poison=1 (mm/page_poison.c): free pages hold PAGE_POISON, checked on allocation. */
#define PAGE_POISON	0xaa
extern bool page_poisoning_enabled;
extern unsigned long page_poison_errors;
void kernel_poison_pages(struct page *page, unsigned int order);
void kernel_unpoison_pages(struct page *page, unsigned int order);
unsigned long nr_free_pages(void);
extern bool mm_selftest_requested, mm_audit_requested;

/* arch: arch/x86/mm/init.c, init_32.c */
void mem_init(void);
void zone_sizes_init(void);
void paging_init(void);

/* mm/page_alloc_test.c, mm/page_audit.c */
int page_alloc_selftest(void);
int page_accounting_audit(void);

/* mm/vmstat.c: /proc formats; @out gets each line without "\n" (NULL: printk) */
typedef void (*mm_show_fn)(void *data, const char *line);
void buddyinfo_show(mm_show_fn out, void *data);
void pagetypeinfo_show(mm_show_fn out, void *data);
void zoneinfo_show(mm_show_fn out, void *data);

#endif /* _LINUX_MM_H */
