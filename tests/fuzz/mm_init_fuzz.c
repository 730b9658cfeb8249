// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for zone sizing and memmap init (mm/mm_init.c,
 * arch/x86/mm/init*.c) on random machines: the input picks the profile,
 * up to 8 RAM ranges and up to 8 reservations (page-granular, anywhere in
 * the first 8 GiB, at most ~1 GiB of RAM in total), and optionally
 * movablecore=, highmem=, bootmem=bitmap and page_poison=1.  Each machine
 * boots through the loader, setup_arch() and mm_core_init()
 * (tests/mm/boot_fixture.h), its firmware map being the RAM ranges and the
 * BIOS ROM; then:
 *   - the accounting audit finds nothing (every PFN in one state,
 *     present = reserved + free, Memory: line totals);
 *   - present pages per zone equal a brute-force count of memblock
 *     memory inside the zone's span;
 *   - pfn_valid() holds for every RAM page;
 *   - a few allocations of each order succeed or fail cleanly and free
 *     back to the boot counts, with no page poison report.
 * A machine too small to boot (no lowmem left for page tables, the memmap
 * or the bitmap) must stop with one of the documented out-of-memory
 * panics; any other panic is a failure.
 */
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <setjmp.h>
#include <stdio.h>
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

/* The panics a machine without enough lowmem may end in. */
static const char *const out_of_memory[] = {
	"paging: out of memory for page tables",
	"Failed to allocate",
	"Cannot find bootmem map",
};
static jmp_buf boot_failed;

static void boot_panic(const char *msg)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(out_of_memory); i++)
		if (strstr(msg, out_of_memory[i]))
			longjmp(boot_failed, 1);
	fprintf(stderr, "mm_init_fuzz: unexpected panic: %s\n", msg);
	abort();
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
	static unsigned long runs;
	static bool poisoned;
	struct fuzz_input in = { data, size };
	struct boot_ram ram[8];
	unsigned long poison_errors;
	char cmdline[96];
	unsigned long pfn, s, e;
	unsigned int nr, flags;
	struct zone *zone;
	int i;

	/*
	 * A fresh arena now and then: touched simulated RAM stays resident.
	 * After a page_poison=1 boot at once, as it fills every free page
	 * (up to 1 GiB): 64 of those would pass -rss_limit_mb=4096.
	 */
	if (poisoned || !(runs++ % 64)) {
		if (boot_fixture_init(PFN_PHYS(SPACE_PFNS)))
			abort();
		host_console_quiet(true);
	}
	boot_fixture_reset();
	highmem_param = -1;
	flags = fuzz_take(&in, 1);
	mm_profile = flags & 1 ? &mm_profile_x86_64 : &mm_profile_i386;
	snprintf(cmdline, sizeof(cmdline), "movablecore=%s bootmem=%s page_poison=%d%s",
		 flags & 2 ? "64M" : "0", flags & 8 ? "bitmap" : "memblock", !!(flags & 16),
		 flags & 4 ? " highmem=32M" : "");
	poison_errors = page_poison_errors;
	poisoned = flags & 16;

	nr = fuzz_take(&in, 1) % ARRAY_SIZE(ram) + 1;
	for (i = 0; i < nr; i++) {
		unsigned long start = fuzz_take(&in, 3) % SPACE_PFNS;
		unsigned long len = fuzz_take(&in, 3) % (MAX_RAM_PFNS / nr) + 1;

		len = min(len, SPACE_PFNS - start);
		ram[i] = (struct boot_ram){ PFN_PHYS(start), PFN_PHYS(start + len) };
	}
	boot_fixture_add_ram(ram, nr);
	__e820__range_add(e820_table, 0xf0000, 0x10000, E820_TYPE_RESERVED);	/* BIOS ROM */
	e820__update_table(e820_table);
	if (e820_ram_pages() < 4096)	/* under 16 MiB of RAM: too small to be interesting */
		return 0;
	nr = fuzz_take(&in, 1) % 8;
	for (i = 0; i < nr; i++) {
		unsigned long start = fuzz_take(&in, 3) % SPACE_PFNS;

		memblock_reserve(PFN_PHYS(start), PFN_PHYS(fuzz_take(&in, 2) % 4096 + 1));
	}
	boot_fixture_kernel_image();
	host_panic_handler = boot_panic;
	if (setjmp(boot_failed)) {
		host_panic_handler = NULL;
		return 0;
	}
	boot_fixture_start_kernel(cmdline);
	host_panic_handler = NULL;

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
	if (page_poison_errors != poison_errors)	/* nobody writes to free pages */
		abort();
	return 0;
}
