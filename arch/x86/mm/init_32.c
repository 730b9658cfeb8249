// SPDX-License-Identifier: GPL-2.0
/*
 * i386 memory setup: where lowmem ends (find_low_pfn_range), the kernel
 * page tables that map it at PAGE_OFFSET (init_mem_mapping), and
 * paging_init (kmap and fixmap page tables, then the zones).
 *
 * Page tables are 2-level, non-PAE: a 1024-entry page directory, 4 MiB
 * PSE pages where the CPU has them, 4 KiB PTEs otherwise and around the
 * kernel text (mapped read-only).  All tables come from memblock; on the
 * host they are written to simulated RAM and the CR3 load is recorded.
 * Under the x86_64 profile lowmem is all memory and no tables are built.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/memblock.h>
#include <linux/bootmem.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include <asm/sections.h>
#include <asm/tlbflush.h>
#include <asm/pgtable_32_areas.h>
#include "mm_internal.h"
#include "../../../mm/internal.h"

unsigned long max_pfn_mapped;
unsigned long direct_pages_count[PG_LEVEL_NUM];
unsigned long highstart_pfn, highend_pfn;
u32 *swapper_pg_dir;
u32 *pkmap_page_table;
u32 *fixmap_page_table;
long highmem_param = -1;	/* highmem= in pages, -1: not given */
static long highmem_pages;

#define pages_to_mb(x)	((x) >> (20 - PAGE_SHIFT))

/* highmem=SIZE: how much memory to treat as highmem (Linux's parse_highmem). */
static int __init parse_highmem(char *arg)
{
	if (!arg)
		return -EINVAL;
	highmem_param = memparse(arg, &arg) >> PAGE_SHIFT;
	return 0;
}
early_param("highmem", parse_highmem);

static bool i386_layout(void)
{
	return mm_profile->max_lowmem_pfn != ~0UL;
}

/* All of memory fits the direct map: maybe carve highmem= off the top. */
static void __init lowmem_pfn_init(void)
{
	max_low_pfn = max_pfn;
	if (highmem_pages == -1)
		highmem_pages = 0;
	if (highmem_pages >= (long)max_pfn) {
		pr_err("highmem size specified (%luMB) is bigger than pages available (%luMB)!\n",
		       pages_to_mb((unsigned long)highmem_pages), pages_to_mb(max_pfn));
		highmem_pages = 0;
	}
	if (highmem_pages) {
		if (max_low_pfn - highmem_pages < (64UL << 20) / PAGE_SIZE) {
			pr_err("highmem size (%luMB) results in <64MB lowmem, ignoring it!\n",
			       pages_to_mb((unsigned long)highmem_pages));
			highmem_pages = 0;
		}
		max_low_pfn -= highmem_pages;
	}
}

/* More memory than the direct map holds: the rest is highmem (4 GiB max). */
static void __init highmem_pfn_init(void)
{
	unsigned long maxmem_pfn = mm_profile->max_lowmem_pfn;

	max_low_pfn = maxmem_pfn;
	if (highmem_pages == -1)
		highmem_pages = max_pfn - maxmem_pfn;
	if (highmem_pages + maxmem_pfn < max_pfn)
		max_pfn = maxmem_pfn + highmem_pages;
	if (highmem_pages + maxmem_pfn > max_pfn) {
		pr_warn("only %luMB highmem pages available, ignoring highmem size of %luMB!\n",
			pages_to_mb(max_pfn - maxmem_pfn), pages_to_mb((unsigned long)highmem_pages));
		highmem_pages = 0;
	}
	if (max_pfn > MAX_NONPAE_PFN) {
		max_pfn = MAX_NONPAE_PFN;
		pr_warn("Warning: only 4GB will be used. Use a HIGHMEM64G enabled kernel!\n");
	}
}

/**
 * find_low_pfn_range() - set max_low_pfn from max_pfn
 *
 * i386: lowmem ends at MAXMEM (see asm/pgtable_32_areas.h) or earlier
 * with highmem=; max_pfn is trimmed to 4 GiB (no PAE).  x86_64: all
 * memory is lowmem.
 */
void __init find_low_pfn_range(void)
{
	highmem_pages = highmem_param;
	if (!i386_layout())
		max_low_pfn = max_pfn;
	else if (max_pfn <= mm_profile->max_lowmem_pfn)
		lowmem_pfn_init();
	else
		highmem_pfn_init();
}

/**
 * initmem_init() - report the split and put all memory on node 0
 *
 * Prints Linux's "xMB HIGHMEM available." / "xMB LOWMEM available." and
 * the "mapped low ram" / "low ram" lines (i386 profile only).  setup_arch
 * calls setup_bootmem_allocator() next (Linux calls it from here).
 */
void __init initmem_init(void)
{
	highstart_pfn = highend_pfn = max_pfn;
	if (max_pfn > max_low_pfn)
		highstart_pfn = max_low_pfn;
	memblock_set_node(0, PHYS_ADDR_MAX, &memblock.memory, 0);
	if (!i386_layout())
		return;
	pr_notice("%luMB HIGHMEM available.\n", pages_to_mb(highend_pfn - highstart_pfn));
	pr_notice("%luMB LOWMEM available.\n", pages_to_mb(max_low_pfn));
	pr_info("  mapped low ram: 0 - %08llx\n", (unsigned long long)PFN_PHYS(max_pfn_mapped));
	pr_info("  low ram: 0 - %08llx\n", (unsigned long long)PFN_PHYS(max_low_pfn));
}

/*
 * Before initmem_init(): memblock is the only allocator, in either mode.
 * Below both memblock's current limit (what the boot page tables map) and
 * the end of lowmem (what the new ones will).  Not inlined, so
 * memblock=debug names it as the caller on every build.
 */
static noinline u32 * __init alloc_pt_page(void)
{
	phys_addr_t limit = min(memblock_get_current_limit(), PFN_PHYS(max_low_pfn));
	u32 *pt = memblock_alloc_try_nid(PAGE_SIZE, PAGE_SIZE, MEMBLOCK_LOW_LIMIT, limit,
					 NUMA_NO_NODE);

	if (!pt)
		panic("paging: out of memory for page tables");
	return pt;
}

static u32 pt_entry(phys_addr_t phys, u32 flags)
{
	return (u32)phys | flags;
}

/**
 * init_mem_mapping() - map lowmem [0, max_low_pfn) at PAGE_OFFSET
 *
 * Builds swapper_pg_dir from memblock pages and loads it.  4 MiB pages
 * when the CPU has PSE, except the 4 MiB blocks holding kernel text,
 * which get 4 KiB PTEs so the text can be read-only; direct_pages_count
 * says how many pages each size maps (Linux's DirectMap4k/4M).  Needs
 * memblock's current limit to lie inside the boot page tables' mapping;
 * sets it to the end of lowmem when done (Linux does that in setup_arch).
 */
void __init init_mem_mapping(void)
{
	unsigned long text_start = 0, text_end = 0, pfn;
	u32 global = boot_cpu_has_pge() ? _PAGE_GLOBAL : 0;
	u32 kernel = (__PAGE_KERNEL & ~_PAGE_GLOBAL) | global;
	bool pse = boot_cpu_has_pse();

	memset(direct_pages_count, 0, sizeof(direct_pages_count));
	if (!i386_layout()) {
		swapper_pg_dir = NULL;
		max_pfn_mapped = max_low_pfn;
		memblock_set_current_limit(PFN_PHYS(max_pfn_mapped));
		return;
	}
	if (_etext - _text > 0) {
		text_start = PFN_DOWN(__pa(_text));
		text_end = PFN_UP(__pa(_etext));
	}
	if (pse)
		cr4_set_bits(X86_CR4_PSE);
	if (global)
		cr4_set_bits(X86_CR4_PGE);

	swapper_pg_dir = alloc_pt_page();
	for (pfn = 0; pfn < max_low_pfn; pfn += I386_PTRS_PER_PTE) {
		unsigned long end = min(pfn + I386_PTRS_PER_PTE, max_low_pfn), p;
		unsigned int pde = (I386_PAGE_OFFSET >> I386_PGDIR_SHIFT) + (pfn >> 10);
		bool has_text = text_start < pfn + I386_PTRS_PER_PTE && text_end > pfn;
		u32 *pte;

		if (pse && end == pfn + I386_PTRS_PER_PTE && !has_text) {
			swapper_pg_dir[pde] = pt_entry(PFN_PHYS(pfn), kernel | _PAGE_PSE);
			direct_pages_count[PG_LEVEL_2M]++;
			continue;
		}
		direct_pages_count[PG_LEVEL_4K] += end - pfn;
		pte = alloc_pt_page();
		for (p = pfn; p < end; p++) {
			u32 flags = kernel;

			if (p >= text_start && p < text_end)
				flags &= ~_PAGE_RW;
			pte[p - pfn] = pt_entry(PFN_PHYS(p), flags);
		}
		swapper_pg_dir[pde] = pt_entry(__pa(pte), _KERNPG_TABLE);
	}
	max_pfn_mapped = max_low_pfn;
	load_cr3(__pa(swapper_pg_dir));
	__flush_tlb_all();
	/* from now on early allocations may use all of lowmem, never highmem */
	memblock_set_current_limit(PFN_PHYS(max_pfn_mapped));
}

/**
 * kernel_image_mapping_errors() - check the kernel image's protection
 *
 * Walks swapper_pg_dir, the tables init_mem_mapping() loaded, for every
 * page of the kernel image at PAGE_OFFSET: each must map its own frame,
 * text [_text, _etext) read-only, the rest up to _end writable.  The
 * page self-test runs it on the live tables (mm_selftest), so under QEMU
 * it checks what the CPU uses; head_32.S sets CR0.WP, so read-only holds
 * for the kernel itself too.
 *
 * Return: the number of pages mapped otherwise, or -1 when there is
 * nothing to check (x86_64 profile: no tables; no kernel image).
 */
long kernel_image_mapping_errors(void)
{
	unsigned long text_end, end, pfn;
	long bad = 0;

	if (!i386_layout() || !swapper_pg_dir || _etext - _text <= 0)
		return -1;
	text_end = PFN_UP(__pa(_etext));
	end = PFN_UP(__pa(_end));
	for (pfn = PFN_DOWN(__pa(_text)); pfn < end; pfn++) {
		unsigned long vaddr = I386_PAGE_OFFSET + (pfn << PAGE_SHIFT);
		u32 e = swapper_pg_dir[vaddr >> I386_PGDIR_SHIFT];
		phys_addr_t phys;

		if ((e & _PAGE_PRESENT) && !(e & _PAGE_PSE)) {
			u32 *pte = __va((phys_addr_t)(e & PAGE_MASK));

			e = pte[(vaddr >> PAGE_SHIFT) & (I386_PTRS_PER_PTE - 1)];
			phys = e & PAGE_MASK;
		} else {
			phys = (e & I386_PMD_MASK) + (PFN_PHYS(pfn) & ~I386_PMD_MASK);
		}
		if (!(e & _PAGE_PRESENT) || phys != PFN_PHYS(pfn) ||
		    !(e & _PAGE_RW) != (pfn < text_end))
			bad++;
	}
	return bad;
}

/**
 * paging_init() - kmap and fixmap page tables, then zones and memmap
 *
 * After init_mem_mapping() and initmem_init().  Ends in zone_sizes_init()
 * -> free_area_init(), which prints the zone and node lines.
 */
void __init paging_init(void)
{
	pkmap_page_table = fixmap_page_table = NULL;	/* no highmem: no kmap slots */
	if (i386_layout()) {
		pkmap_page_table = memblock_virt_alloc_try_nid(PAGE_SIZE, PAGE_SIZE,
							       early_alloc_goal(), 0,
							       NUMA_NO_NODE);
		swapper_pg_dir[PKMAP_BASE >> I386_PGDIR_SHIFT] =
			pt_entry(__pa(pkmap_page_table), _KERNPG_TABLE);
		fixmap_page_table = memblock_virt_alloc_try_nid(PAGE_SIZE, PAGE_SIZE,
								early_alloc_goal(), 0,
								NUMA_NO_NODE);
		swapper_pg_dir[FIXADDR_START >> I386_PGDIR_SHIFT] =
			pt_entry(__pa(fixmap_page_table), _KERNPG_TABLE);
		__flush_tlb_all();
	}
	kmap_init();
	zone_sizes_init();
}

static unsigned long kaddr(const char *p)
{
	return I386_PAGE_OFFSET + (unsigned long)__pa(p);
}

/**
 * print_vm_layout() - Linux 32-bit's "virtual kernel memory layout"
 *
 * Shows how MAXMEM (and so where HighMem starts) follows from the fixmap,
 * pkmap and vmalloc areas.  Addresses are the i386 kernel's, also when
 * the host simulates it.
 */
void __init print_vm_layout(void)
{
	unsigned long lowmem_end = I386_PAGE_OFFSET + (max_low_pfn << PAGE_SHIFT);
	unsigned long vmalloc_start = (lowmem_end + VMALLOC_OFFSET) & ~(VMALLOC_OFFSET - 1);

	pr_info("virtual kernel memory layout:\n");
	pr_info("    fixmap  : 0x%08lx - 0x%08lx   (%4ld kB)\n",
		FIXADDR_START, FIXADDR_TOP, (long)(FIXADDR_TOP - FIXADDR_START) >> 10);
	pr_info("    pkmap   : 0x%08lx - 0x%08lx   (%4ld kB)\n",
		PKMAP_BASE, PKMAP_ADDR(LAST_PKMAP), (long)(LAST_PKMAP * I386_PAGE_SIZE) >> 10);
	pr_info("    vmalloc : 0x%08lx - 0x%08lx   (%4ld MB)\n",
		vmalloc_start, VMALLOC_END, (long)(VMALLOC_END - vmalloc_start) >> 20);
	pr_info("    lowmem  : 0x%08lx - 0x%08lx   (%4ld MB)\n",
		I386_PAGE_OFFSET, lowmem_end, (long)(lowmem_end - I386_PAGE_OFFSET) >> 20);
	if (_etext - _text > 0) {
		pr_info("      .init : 0x%08lx - 0x%08lx   (%4ld kB)\n", kaddr(__init_begin),
			kaddr(__init_end), (long)(__init_end - __init_begin) >> 10);
		pr_info("      .data : 0x%08lx - 0x%08lx   (%4ld kB)\n", kaddr(_etext),
			kaddr(_edata), (long)(_edata - _etext) >> 10);
		pr_info("      .text : 0x%08lx - 0x%08lx   (%4ld kB)\n", kaddr(_text),
			kaddr(_etext), (long)(_etext - _text) >> 10);
	}
	pr_info("lowmem limit: MAXMEM 0x%08lx = VMALLOC_END 0x%08lx - PAGE_OFFSET - %luMB vmalloc reserve\n",
		MAXMEM, VMALLOC_END, __VMALLOC_RESERVE >> 20);
}
