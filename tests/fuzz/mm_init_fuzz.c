// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for zone sizing and memmap init (mm/mm_init.c,
 * arch/x86/mm/init*.c) on random machines: the input picks the profile,
 * up to 8 RAM ranges and up to 8 reservations (page-granular, anywhere in
 * the first 8 GiB, at most ~1 GiB of RAM in total), and optionally
 * movablecore=, highmem= and bootmem=bitmap.  Each machine boots through
 * the real sequence (tests/mm/boot_fixture.h); then:
 *   - the accounting audit finds nothing (every PFN in one state,
 *     present = reserved + free, Memory: line totals);
 *   - present pages per zone equal a brute-force count of memblock
 *     memory inside the zone's span;
 *   - pfn_valid() holds for every RAM page;
 *   - a few allocations of each order succeed or fail cleanly and free
 *     back to the boot counts.
 * Machines too small to boot (no room for the memmap) are skipped: the
 * boot would panic, which is the documented behaviour.
 */
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/host.h>
#include "fuzz_input.h"
#include "../mm/boot_fixture.h"

#define SPACE_PFNS	(8UL << (30 - PAGE_SHIFT))	/* 8 GiB of address space */
#define MAX_RAM_PFNS	(1UL << (30 - PAGE_SHIFT))	/* 1 GiB of RAM at most */

/* Brute force: RAM pages of memblock.memory inside [start, end). */
static unsigned long ram_in(unsigned long start, unsigned long end)
{
	unsigned long n = 0, s, e;
	int i;

	for_each_mem_pfn_range(i, MAX_NUMNODES, &s, &e, NULL) {
		s = clamp(s, start, end);
		e = clamp(e, start, end);
		n += e - s;
	}
	return n;
}

/* Free (memory minus reserved) bytes below @limit. */
static u64 free_below(phys_addr_t limit)
{
	phys_addr_t start, end;
	u64 i, sum = 0;

	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, NULL)
		if (start < limit)
			sum += min(end, limit) - start;
	return sum;
}

static void check_allocations(void)
{
	unsigned long before = nr_free_pages();
	struct page *pages[MAX_ORDER];
	unsigned int o;

	for (o = 0; o < MAX_ORDER; o++)
		pages[o] = alloc_pages(GFP_KERNEL | __GFP_NOWARN, o);
	for (o = 0; o < MAX_ORDER; o++)
		if (pages[o])
			__free_pages(pages[o], o);
	drain_local_pages(NULL);
	if (nr_free_pages() != before)
		abort();
}

/* RAM pages in the (sanitised) e820 table. */
static unsigned long e820_ram_pages(void)
{
	unsigned long n = 0;
	u32 i;

	for (i = 0; i < e820_table->nr_entries; i++)
		if (e820_table->entries[i].type == E820_TYPE_RAM)
			n += PFN_DOWN(e820_table->entries[i].size);
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	struct fuzz_input in = { data, size };
	struct boot_ram ram[8];
	unsigned long pfn, s, e;
	unsigned int nr, flags;
	struct zone *zone;
	int i;

	if (!ready) {
		if (boot_fixture_init(PFN_PHYS(SPACE_PFNS)))
			abort();
		host_console_quiet(true);
		ready = true;
	}
	boot_fixture_reset();
	highmem_param = -1;
	flags = fuzz_take(&in, 1);
	mm_profile = flags & 1 ? &mm_profile_x86_64 : &mm_profile_i386;
	parse_early_param(flags & 2 ? "movablecore=64M" : "movablecore=0");
	if (flags & 4)
		parse_early_param("highmem=32M");
	parse_early_param(flags & 8 ? "bootmem=bitmap" : "bootmem=memblock");

	nr = fuzz_take(&in, 1) % ARRAY_SIZE(ram) + 1;
	for (i = 0; i < nr; i++) {
		unsigned long start = fuzz_take(&in, 3) % SPACE_PFNS;
		unsigned long len = fuzz_take(&in, 3) % (MAX_RAM_PFNS / nr) + 1;

		len = min(len, SPACE_PFNS - start);
		ram[i] = (struct boot_ram){ PFN_PHYS(start), PFN_PHYS(start + len) };
	}
	boot_fixture_add_ram(ram, nr);
	if (e820_ram_pages() < 4096)	/* under 16 MiB of RAM: too small to be interesting */
		return 0;
	nr = fuzz_take(&in, 1) % 8;
	for (i = 0; i < nr; i++) {
		unsigned long start = fuzz_take(&in, 3) % SPACE_PFNS;

		memblock_reserve(PFN_PHYS(start), PFN_PHYS(fuzz_take(&in, 2) % 4096 + 1));
	}
	/* an empty kernel image at the start of RAM: nothing else to reserve */
	host_kernel_image_setup(e820_table->entries[0].addr, 0, 0, 0, 0, 0);
	boot_fixture_setup_memblock();
	if (free_below(PFN_PHYS(max_low_pfn)) < (u64)max_pfn * sizeof(struct page) + SZ_16M)
		return 0;	/* no room for the memmap in lowmem: boot would panic */
	boot_fixture_paging_init();
	mm_core_init();

	for_each_zone(zone)
		if (zone->spanned_pages &&
		    zone->present_pages != ram_in(zone->zone_start_pfn, zone_end_pfn(zone)))
			abort();
	for_each_mem_pfn_range(i, MAX_NUMNODES, &s, &e, NULL)
		for (pfn = s; pfn < e; pfn += 97)
			if (!pfn_valid(pfn))
				abort();
	if (page_accounting_audit())
		abort();
	check_allocations();
	return 0;
}
