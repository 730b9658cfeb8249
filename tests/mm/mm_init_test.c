// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for mm/mm_init.c: zone sizing, holes and the memmap, on both
 * profiles.  Each scenario boots a simulated machine through the same
 * calls setup_arch/start_kernel make (find_low_pfn_range, init_mem_mapping,
 * initmem_init, paging_init, mm_core_init) and checks the zones, the
 * struct pages and the log lines.  QEMU maps and their expected lines are
 * copied from ../shared/reference (real Linux 6.1 boots).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/pageblock-flags.h>
#include <linux/bootmem.h>
#include <linux/early_res.h>
#include <asm/e820/api.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/host.h>
#include "boot_fixture.h"
#include "expect_panic.h"

#define ARENA_SIZE	(66ULL << 30)
#define P		"[    0.000000] "

static char out[1 << 20];

/*
 * Boot a machine with RAM @ram[0..n) through the real boot sequence
 * (tests/mm/boot_fixture.h: a pretend kernel of 1.75 MiB at 16 MiB, or
 * 0.5 MiB at 1 MiB below 32 MiB; the first MiB reserved).  The log lands
 * in out[]; @cmdline's zone and allocator options are undone afterwards.
 */
static void boot(const struct mm_profile *profile, const struct boot_ram *ram, int n,
		 const char *cmdline)
{
	boot_fixture_machine(profile, ram, n, cmdline);
	if (cmdline)
		parse_early_param("movablecore=0 kernelcore=0 bootmem=memblock");
}

static void assert_line(const char *line)
{
	if (!strstr(out, line)) {
		print_error("missing line: %s\nlog:\n%s\n", line, out);
		fail();
	}
}

static int setup(void **state)
{
	return 0;
}

static int group_setup(void **state)
{
	boot_fixture_log(out, sizeof(out));
	return boot_fixture_init(ARENA_SIZE);
}

/*
 * x86_64, QEMU -m 4G (amd64-4G.log):
 *
 *   0 ..0x9f000 | hole | 0x100000 .. 0xbffe0000 | hole to 4G | 4G .. 5G
 *   DMA [1, 0x1000)   DMA32 [0x1000, 0x100000)   Normal [0x100000, 0x140000)
 *
 * Expect every zone/node/hole line exactly as Linux 6.1 printed it,
 * including "Device empty" and the 32 pages the section rounding adds.
 */
static void free_area_init_x86_64_4G_matches_linux(void **state)
{
	struct boot_ram r[BOOT_FIXTURE_QEMU_RANGES];

	boot(&mm_profile_x86_64, r, boot_fixture_qemu_ram(r, 4ULL << 30), NULL);
	assert_line(P "Zone ranges:\n"
		    P "  DMA      [mem 0x0000000000001000-0x0000000000ffffff]\n"
		    P "  DMA32    [mem 0x0000000001000000-0x00000000ffffffff]\n"
		    P "  Normal   [mem 0x0000000100000000-0x000000013fffffff]\n"
		    P "  Device   empty\n"
		    P "Movable zone start for each node\n"
		    P "Early memory node ranges\n"
		    P "  node   0: [mem 0x0000000000001000-0x000000000009efff]\n"
		    P "  node   0: [mem 0x0000000000100000-0x00000000bffdffff]\n"
		    P "  node   0: [mem 0x0000000100000000-0x000000013fffffff]\n"
		    P "Initmem setup node 0 [mem 0x0000000000001000-0x000000013fffffff]\n"
		    P "On node 0, zone DMA: 1 pages in unavailable ranges\n"
		    P "On node 0, zone DMA: 97 pages in unavailable ranges\n"
		    P "On node 0, zone Normal: 32 pages in unavailable ranges\n");
	assert_line("K/4193784K available");
	assert_line(P "Policy zone: Normal\n");
	assert_int_equal(node_zone(ZONE_DMA32)->spanned_pages, 0xff000);
	assert_int_equal(node_zone(ZONE_DMA32)->present_pages, 0xbffe0 - 0x1000);
	assert_int_equal(node_zone(ZONE_NORMAL)->zone_start_pfn, 0x100000);
	assert_int_equal(node_zone(ZONE_NORMAL)->present_pages, 0x40000);
}

/*
 * x86_64, QEMU -m 512M (amd64-512M.log): RAM ends at 0x1ffe0000, inside
 * the last 128 MiB section.  Expect "Normal empty" and the DMA32 tail of
 * 32 pages up to the section end counted as unavailable.
 */
static void free_area_init_x86_64_512M_matches_linux(void **state)
{
	struct boot_ram r[BOOT_FIXTURE_QEMU_RANGES];

	boot(&mm_profile_x86_64, r, boot_fixture_qemu_ram(r, 512ULL << 20), NULL);
	assert_line(P "  DMA32    [mem 0x0000000001000000-0x000000001ffdffff]\n"
		    P "  Normal   empty\n"
		    P "  Device   empty\n");
	assert_line(P "Initmem setup node 0 [mem 0x0000000000001000-0x000000001ffdffff]\n"
		    P "On node 0, zone DMA: 1 pages in unavailable ranges\n"
		    P "On node 0, zone DMA: 97 pages in unavailable ranges\n"
		    P "On node 0, zone DMA32: 32 pages in unavailable ranges\n");
	assert_line("K/523768K available");
	assert_line(P "Policy zone: DMA32\n");
}

/*
 * i386, QEMU -m 1G (i386-1G.log).  DMA, node, Initmem and hole lines and
 * the physical total are Linux's; HighMem starts at our MAXMEM 0x377fe000
 * (Linux: 0x36bfe000, its fixmap is larger).
 */
static void free_area_init_i386_1G_matches_linux(void **state)
{
	struct boot_ram r[BOOT_FIXTURE_QEMU_RANGES];

	boot(&mm_profile_i386, r, boot_fixture_qemu_ram(r, 1ULL << 30), NULL);
	assert_line(P "135MB HIGHMEM available.\n" P "887MB LOWMEM available.\n");
	assert_line(P "Zone ranges:\n"
		    P "  DMA      [mem 0x0000000000001000-0x0000000000ffffff]\n"
		    P "  Normal   [mem 0x0000000001000000-0x00000000377fdfff]\n"
		    P "  HighMem  [mem 0x00000000377fe000-0x000000003ffdffff]\n"
		    P "Movable zone start for each node\n"
		    P "Early memory node ranges\n"
		    P "  node   0: [mem 0x0000000000001000-0x000000000009efff]\n"
		    P "  node   0: [mem 0x0000000000100000-0x000000003ffdffff]\n"
		    P "Initmem setup node 0 [mem 0x0000000000001000-0x000000003ffdffff]\n"
		    P "On node 0, zone DMA: 1 pages in unavailable ranges\n"
		    P "On node 0, zone DMA: 97 pages in unavailable ranges\n");
	assert_line(P "Initializing HighMem for node 0 (000377fe:0003ffe0)\n"
		    P "Initializing Movable for node 0 (00000000:00000000)\n");
	assert_line("K/1048056K available");
	assert_null(strstr(out, "Device"));
	assert_int_equal(node_zone(ZONE_DMA)->spanned_pages, 4095);
	assert_int_equal(node_zone(ZONE_DMA)->present_pages, 3998);
	assert_int_equal(node_zone(ZONE_HIGHMEM)->present_pages, 0x3ffe0 - 0x377fe);
}

/*
 * A tiny i386 machine, 2 MiB: 0x1000-0x9f000 and 0x100000-0x200000.
 * Everything is DMA.  Expect Normal and HighMem "empty", and an allocator
 * that still works (the self-tests pass) with ~1.5 MiB.
 */
static void free_area_init_tiny_dma_only(void **state)
{
	struct boot_ram r[] = { { 0x1000, 0x9f000 }, { 0x100000, 0x200000 } };

	boot(&mm_profile_i386, r, 2, NULL);
	assert_line(P "  DMA      [mem 0x0000000000001000-0x00000000001fffff]\n"
		    P "  Normal   empty\n"
		    P "  HighMem  empty\n");
	assert_false(populated_zone(node_zone(ZONE_NORMAL)));
	assert_int_equal(node_zone(ZONE_DMA)->present_pages, 0x9e + 0x100);
	assert_int_equal(page_alloc_selftest(), 0);
	assert_int_equal(page_accounting_audit(), 0);
}

/*
 * A DMA zone that is almost all hole: RAM at one page below 1 MiB and in
 * the last 64 KiB below 16 MiB, then 16 MiB .. 128 MiB.
 *
 *   0x1000 | hole ........................ | 0xff0000 | 16M ...... 128M
 *   |-------- DMA: spans 4095, 17 present ----------|----- Normal -----|
 *
 * DMA's memmap (4095 x sizeof(struct page), rounded up to pages) is more
 * than its 17 present pages.  Expect Linux's warning and a boot whose
 * books still balance, self-tests included.
 */
static void free_area_init_memmap_exceeds_tiny_zone(void **state)
{
	struct boot_ram r[] = { { 0x1000, 0x2000 }, { 0xff0000, 0x8000000 } };
	char line[80];

	boot(&mm_profile_i386, r, 2, NULL);
	snprintf(line, sizeof(line), "  DMA zone: %lu memmap pages exceeds freesize 17\n",
		 calc_memmap_size(4095, 17));
	assert_line(line);
	assert_int_equal(node_zone(ZONE_DMA)->present_pages, 17);
	assert_int_equal(page_accounting_audit(), 0);
	assert_int_equal(page_alloc_selftest(), 0);
}

/*
 * i386 with a hole across the DMA/Normal boundary (12 MiB .. 20 MiB):
 *
 *   4K .. 636K | 1M ...... 12M | hole 12M .. 20M | 20M ........ 512M
 *   |------------ DMA ------------|---------- Normal -------------|
 *                                16M
 *
 * Expect spanned pages to cover the hole and present pages not to; the
 * whole hole counted in Normal's "unavailable ranges" line (Linux puts a
 * hole in the zone of the memory that follows it), and a clean audit.
 */
static void free_area_init_hole_across_dma_boundary(void **state)
{
	struct boot_ram r[] = { { 0x1000, 0x9f000 }, { SZ_1M, 12 * SZ_1M },
				{ 20 * SZ_1M, SZ_512M } };

	boot(&mm_profile_i386, r, ARRAY_SIZE(r), NULL);
	assert_line(P "  DMA      [mem 0x0000000000001000-0x0000000000ffffff]\n"
		    P "  Normal   [mem 0x0000000001000000-0x000000001fffffff]\n");
	assert_line(P "  node   0: [mem 0x0000000000100000-0x0000000000bfffff]\n"
		    P "  node   0: [mem 0x0000000001400000-0x000000001fffffff]\n");
	assert_line(P "On node 0, zone Normal: 2048 pages in unavailable ranges\n");
	assert_int_equal(node_zone(ZONE_DMA)->spanned_pages, 0x1000 - 1);
	assert_int_equal(node_zone(ZONE_DMA)->present_pages, 0x9e + 0xb00);
	assert_int_equal(node_zone(ZONE_NORMAL)->spanned_pages, 0x20000 - 0x1000);
	assert_int_equal(node_zone(ZONE_NORMAL)->present_pages, 0x20000 - 0x1400);
	assert_false(PageBuddy(pfn_to_page(0xd00)));
	assert_true(PageReserved(pfn_to_page(0xd00)));
	assert_int_equal(page_accounting_audit(), 0);
}

/*
 * Exactly 16 MiB (the DMA limit) on i386: DMA ends at 0xffffff, Normal
 * and HighMem are empty.
 */
static void free_area_init_exactly_16M(void **state)
{
	struct boot_ram r[] = { { 0x1000, 0x9f000 }, { 0x100000, SZ_16M } };

	boot(&mm_profile_i386, r, 2, NULL);
	assert_line(P "  DMA      [mem 0x0000000000001000-0x0000000000ffffff]\n"
		    P "  Normal   empty\n");
	assert_int_equal(node_zone(ZONE_DMA)->present_pages, 0x9e + 0xf00);
	assert_int_equal(page_accounting_audit(), 0);
}

/*
 * Exactly 896 MiB of RAM (the seeds' lowmem size) on i386:
 *
 *   0 ............ 0x377fe000 (MAXMEM) ...... 0x38000000
 *   |---- DMA + Normal (lowmem) ----|-- HighMem 8 MiB --|
 *
 * Expect 887 MiB lowmem and 0x802 highmem pages.
 */
static void free_area_init_exactly_896M(void **state)
{
	struct boot_ram r[] = { { 0x1000, 0x9f000 }, { 0x100000, 896ULL << 20 } };

	boot(&mm_profile_i386, r, 2, NULL);
	assert_line(P "8MB HIGHMEM available.\n" P "887MB LOWMEM available.\n");
	assert_line(P "  HighMem  [mem 0x00000000377fe000-0x0000000037ffffff]\n");
	assert_int_equal(max_low_pfn, 0x377fe);
	assert_int_equal(node_zone(ZONE_HIGHMEM)->present_pages, 0x38000 - 0x377fe);
}

/*
 * QEMU -m 4G on i386 (3 GiB low, 1 GiB above 4 GiB).  No PAE, so
 * max_arch_pfn is 4 GiB and e820__end_of_ram_pfn() skips the entry above
 * it, as Linux does ("last_pfn = 0xbffe0 max_arch_pfn = 0x100000"); the
 * entry never reaches memblock (its end does not fit a 32-bit
 * resource_size_t).
 *
 *   0 ... 0xbffe0000 | PCI hole | 4G ...... 5G
 *   |--- RAM --------|          |- dropped -|
 *
 * Expect HighMem and the node to end at 0xbffdffff, memblock too.
 */
static void free_area_init_i386_4G_drops_high_ram(void **state)
{
	struct boot_ram r[BOOT_FIXTURE_QEMU_RANGES];

	boot(&mm_profile_i386, r, boot_fixture_qemu_ram(r, 4ULL << 30), NULL);
	assert_line(P "last_pfn = 0xbffe0 max_arch_pfn = 0x100000\n");
	assert_line(P "  HighMem  [mem 0x00000000377fe000-0x00000000bffdffff]\n");
	assert_line(P "Initmem setup node 0 [mem 0x0000000000001000-0x00000000bffdffff]\n");
	assert_int_equal(max_pfn, 0xbffe0);
	assert_int_equal(memblock_end_of_DRAM(), 0xbffe0000ULL);
	assert_int_equal(page_accounting_audit(), 0);
}

/*
 * Exactly 4 GiB of RAM on i386, in one entry that runs on past 4 GiB
 * (no PCI hole: 1 MiB .. 5 GiB).  e820 still ends RAM at max_arch_pfn
 * ("last_pfn = 0x100000"), but without PAE resource_size_t is 32 bits and
 * Linux's e820__memblock_setup() skips every entry whose end does not fit
 * it, so the whole entry stays out of memblock:
 *
 *   0x1000 .. 0x9f000   1M ........................ 4G ....... 5G
 *   |- memblock -|      |-- skipped: ends past 4 GiB ------------|
 *
 * Expect only the 632 KiB below 640 KiB in memblock, and the early page
 * tables to find no memory: the documented out-of-memory panic.
 */
static void free_area_init_i386_entry_past_4G_skipped(void **state)
{
	struct boot_ram r[] = { { 0x1000, 0x9f000 }, { SZ_1M, 5ULL << 30 } };

	expect_panic(boot(&mm_profile_i386, r, ARRAY_SIZE(r), NULL),
		     "paging: out of memory for page tables");
	host_console_capture(NULL, 0);
	assert_line(P "last_pfn = 0x100000 max_arch_pfn = 0x100000\n");
	assert_int_equal(memblock_phys_mem_size(), 0x9f000 - 0x1000);
}

/*
 * i386 RAM that starts high (mm_init_fuzz found it): 126 MiB + 4 KiB to
 * 382 MiB + 8 KiB, nothing below, the kernel at the start of RAM.
 *
 *   0 ........ 0x7e01 (node start) ......... 0x17e02
 *   |-- hole: no RAM, DMA empty --|-- Normal --|
 *
 * The flat memmap starts at pfn 0, so the hole's struct pages exist and
 * are Reserved; before, it started at the node (rounded down to 4 MiB)
 * while pfn_valid() said yes below it, and initialising the hole wrote
 * over the pageblock flags (a free list index of 4, then a crash).
 * Expect every Normal pageblock that starts in the zone Movable and the
 * first one, which starts below it at 0x7c00, Unmovable (Linux marks only
 * aligned PFNs), pfn 0 Reserved, a clean audit and the self-tests passing.
 */
static void free_area_init_i386_ram_starts_high(void **state)
{
	struct boot_ram r[] = { { 0x7e01000, 0x17e02000 } };
	unsigned long pfn;

	boot_fixture_reset();
	mm_profile = &mm_profile_i386;
	/* a BIOS ROM entry too: Linux takes a one-entry map for a bogus one */
	__e820__range_add(e820_table, 0xf0000, 0x10000, E820_TYPE_RESERVED);
	boot_fixture_add_ram(r, ARRAY_SIZE(r));
	host_kernel_image_setup(0x7e01000, 256 << 10, 64 << 10, 64 << 10, 64 << 10, 64 << 10);
	host_console_capture(out, sizeof(out));
	boot_fixture_start_kernel(NULL);
	host_console_capture(NULL, 0);
	assert_line(P "  DMA      empty\n");
	assert_int_equal(node_zone(ZONE_NORMAL)->zone_start_pfn, 0x7e01);
	assert_int_equal(get_pfnblock_migratetype(pfn_to_page(0x7e01), 0x7e01), MIGRATE_UNMOVABLE);
	for (pfn = 0x8000; pfn < zone_end_pfn(node_zone(ZONE_NORMAL)); pfn += pageblock_nr_pages)
		assert_int_equal(get_pfnblock_migratetype(pfn_to_page(pfn), pfn), MIGRATE_MOVABLE);
	assert_true(pfn_valid(0));
	assert_true(PageReserved(pfn_to_page(0)));
	assert_int_equal(page_accounting_audit(), 0);
	assert_int_equal(page_alloc_selftest(), 0);
}

/*
 * x86_64 with a 63 GiB hole: RAM 1 MiB..1 GiB and 64..65 GiB.  Sparse
 * memmap: no section of the hole gets one.  Expect pfn_valid() false in
 * the hole, true at both ends, and the memmap to cost at most the
 * sections that hold RAM (9 sections of 32768 pages).
 */
static void free_area_init_sparse_hole_has_no_memmap(void **state)
{
	struct boot_ram r[] = { { 0x1000, 0x9f000 }, { 0x100000, SZ_1G },
			     { 64ULL << 30, 65ULL << 30 } };
	phys_addr_t memmap;

	boot(&mm_profile_x86_64, r, 3, NULL);
	assert_true(pfn_valid(PFN_DOWN(SZ_1G) - 1));
	assert_false(pfn_valid(PFN_DOWN(SZ_1G)));
	assert_false(pfn_valid(PFN_DOWN(32ULL << 30)));
	assert_true(pfn_valid(PFN_DOWN(64ULL << 30)));
	assert_false(pfn_valid(PFN_DOWN(65ULL << 30)));
	memmap = memblock_reserved_size() - SZ_1M - (_end - _text);
	assert_true(memmap < 16 * 32768 * sizeof(struct page) + SZ_1M);
	assert_int_equal(page_accounting_audit(), 0);
}

/*
 * x86_64 with RAM at 1 PiB, past the 46 bits (64 TiB) 4-level paging and
 * SPARSEMEM can address:
 *
 *   0   640K 1M         1G+1M                64T              1P    1P+1G
 *   |RAM|   |RAM......RAM|  . . . . . . . . . . |  . . . . . . |RAM..RAM|
 *            sections 0..8 have a memmap        ^ MAX_PHYSMEM_BITS
 *                                                 no section, no memmap
 *
 * max_pfn stops at 0x40100 (MAX_ARCH_PFN skips the entry), memblock keeps
 * the range, the node spans to it.  Linux's memory_present() clamps the
 * range away with a warning (once), so the tail hole after DMA32 counts
 * only the rest of section 8: 0x48000 - 0x40100 = 32512 pages.  Expect
 * that line (not 294656, which counted the 1 GiB at 1 PiB too), the
 * WARNING, no page past 64 TiB valid, 9 sections, and the same spanned
 * and present pages, reserved memory and managed pages as the machine without that
 * RAM; the audit balances.
 */
static void free_area_init_x86_64_ram_past_physmem_bits(void **state)
{
	struct boot_ram r[] = { { 0x1000, 0x9f000 }, { 0x100000, 0x40100000 },
			     { 1ULL << 50, (1ULL << 50) + SZ_1G } };
	phys_addr_t reserved;
	unsigned long managed, present;

	boot(&mm_profile_x86_64, r, 2, NULL);
	reserved = memblock_reserved_size();
	managed = totalram_pages();
	present = NODE_DATA(0)->node_present_pages;
	assert_int_equal(present, 0x9e + 0x40000);

	boot(&mm_profile_x86_64, r, 3, NULL);
	assert_line(P "  node   0: [mem 0x0004000000000000-0x000400003fffffff]\n");
	assert_line(P "Initmem setup node 0 [mem 0x0000000000001000-0x000400003fffffff]\n");
	assert_line(P "------------[ cut here ]------------\n" P "WARNING: at mm/mm_init.c:");
	assert_line(P "On node 0, zone DMA32: 32512 pages in unavailable ranges\n");
	assert_null(strstr(out, "294656"));
	assert_int_equal(max_pfn, 0x40100);
	assert_int_equal(nr_mem_sections, 9);
	assert_true(pfn_valid(0x47fff));
	assert_false(pfn_valid(0x48000));
	assert_false(pfn_valid(PFN_DOWN(1ULL << 50)));
	assert_false(pfn_valid(PFN_DOWN(1ULL << 46) - 1));
	/* Linux 6.1 sums the zones' spans: none reaches past max_pfn */
	assert_int_equal(NODE_DATA(0)->node_spanned_pages, 0x40100 - 1);
	assert_int_equal(NODE_DATA(0)->node_present_pages, present);
	assert_int_equal(memblock_reserved_size(), reserved);
	assert_int_equal(totalram_pages(), managed);
	assert_int_equal(page_accounting_audit(), 0);
}

/*
 * memmap after free_area_init and mem_init: a reserved page stays
 * Reserved, a freed page is in the buddy or allocated, zone links agree
 * with the zone ranges, pageblocks start Movable on the i386 profile.
 */
static void memmap_init_links_and_flags(void **state)
{
	struct boot_ram r[BOOT_FIXTURE_QEMU_RANGES];
	unsigned long pfn;

	boot(&mm_profile_i386, r, boot_fixture_qemu_ram(r, 128ULL << 20), NULL);
	assert_true(PageReserved(pfn_to_page(0x10)));	/* below 1 MiB: reserved */
	assert_true(PageReserved(pfn_to_page(0x9f)));	/* hole page */
	for (pfn = 1; pfn < max_pfn; pfn += 997) {
		struct page *page = pfn_to_page(pfn);

		assert_int_equal(page_to_pfn(page), pfn);
		assert_true(zone_spans_pfn(page_zone(page), pfn));
	}
	assert_int_equal(page_zonenum(pfn_to_page(0xfff)), ZONE_DMA);
	assert_int_equal(page_zonenum(pfn_to_page(0x1000)), ZONE_NORMAL);
	assert_ptr_equal(virt_to_page(__va(0x2345000)), pfn_to_page(0x2345));
	assert_ptr_equal(page_address(pfn_to_page(0x2345)), __va(0x2345000));
	assert_int_equal(get_pfnblock_migratetype(pfn_to_page(0x7000), 0x7000), MIGRATE_MOVABLE);
}

/*
 * calc_memmap_size: flat charges spanned pages; sparse charges present
 * pages once holes exceed 1/16 of the zone.
 * Expect 4095 * sizeof(struct page) rounded up to pages for DMA.
 */
static void calc_memmap_size_flat_and_sparse(void **state)
{
	mm_profile = &mm_profile_i386;
	assert_int_equal(calc_memmap_size(4095, 3998),
			 DIV_ROUND_UP(4095 * sizeof(struct page), PAGE_SIZE));
	mm_profile = &mm_profile_x86_64;
	assert_int_equal(calc_memmap_size(0xff000, 0xbefe0),
			 DIV_ROUND_UP(0xbefe0 * sizeof(struct page), PAGE_SIZE));
	assert_int_equal(calc_memmap_size(4095, 3998),
			 DIV_ROUND_UP(4095 * sizeof(struct page), PAGE_SIZE));
}

/*
 * movablecore=1G on x86_64 -m 4G: ZONE_MOVABLE takes the top 1 GiB of
 * Normal, its start rounded up to MAX_ORDER_NR_PAGES.
 * Expect "  Node 0: 0x0000000100000000" and Normal empty of pages.
 */
static void free_area_init_movablecore(void **state)
{
	struct boot_ram r[BOOT_FIXTURE_QEMU_RANGES];

	boot(&mm_profile_x86_64, r, boot_fixture_qemu_ram(r, 4ULL << 30), "movablecore=1G");
	assert_line(P "Movable zone start for each node\n"
		    P "  Node 0: 0x0000000100000000\n");
	assert_int_equal(node_zone(ZONE_MOVABLE)->present_pages, 0x40000);
	assert_int_equal(node_zone(ZONE_NORMAL)->present_pages, 0);
	assert_int_equal(page_accounting_audit(), 0);
}

/*
 * kernelcore=mirror on x86_64 -m 6G with [0, 4G) marked mirrored:
 *
 *   [ mirrored: DMA, DMA32 ............ ) hole [ not mirrored: 4G .. 7G )
 *                                              ^ Movable starts here
 * Expect "  Node 0: 0x0000000100000000", Movable holding all of 4G..7G,
 * Normal empty, no "unmirrored kernel memory" warning, the audit clean.
 */
static void free_area_init_kernelcore_mirror(void **state)
{
	struct boot_ram r[BOOT_FIXTURE_QEMU_RANGES];
	int n = boot_fixture_qemu_ram(r, 6ULL << 30);

	host_console_capture(out, sizeof(out));
	boot_fixture_reset();
	mm_profile = &mm_profile_x86_64;
	parse_early_param("kernelcore=mirror");
	assert_true(mirrored_kernelcore);
	boot_fixture_add_ram(r, n);
	boot_fixture_kernel_image();
	boot_fixture_setup_memblock();
	assert_int_equal(memblock_mark_mirror(0, SZ_4G), 0);
	boot_fixture_paging_init();
	build_all_zonelists(NULL);
	mm_core_init();
	host_console_capture(NULL, 0);
	mirrored_kernelcore = false;
	assert_line(P "Movable zone start for each node\n"
		    P "  Node 0: 0x0000000100000000\n");
	assert_null(strstr(out, "unmirrored kernel memory"));
	assert_int_equal(node_zone(ZONE_MOVABLE)->present_pages, 0xc0000);
	assert_int_equal(node_zone(ZONE_NORMAL)->present_pages, 0);
	assert_int_equal(page_accounting_audit(), 0);
}

/*
 * kernelcore=mirror on a machine where nothing is mirrored (every e820
 * machine: the mirror attribute comes from EFI).
 * Expect Linux's "The system has no mirror memory, ignore
 * kernelcore=mirror." and no Movable zone.
 */
static void free_area_init_kernelcore_mirror_without_mirror(void **state)
{
	struct boot_ram r[BOOT_FIXTURE_QEMU_RANGES];

	boot(&mm_profile_x86_64, r, boot_fixture_qemu_ram(r, 6ULL << 30), "kernelcore=mirror");
	mirrored_kernelcore = false;
	assert_line(P "The system has no mirror memory, ignore kernelcore=mirror.\n");
	assert_line(P "Movable zone start for each node\n"
		    P "Early memory node ranges\n");
	assert_int_equal(node_zone(ZONE_MOVABLE)->present_pages, 0);
}

/* The lines from "Zone ranges:" to the "Memory:" line, timestamps and all. */
static void zone_to_memory_lines(char *dst, size_t size)
{
	const char *a = strstr(out, "Zone ranges:"), *b = strstr(out, "Memory:");

	assert_non_null(a);
	assert_non_null(b);
	b = strchr(b, '\n');
	snprintf(dst, size, "%.*s", (int)(b - a), a);
}

/*
 * bootmem=bitmap (the 2.6.2x bitmap allocator answers the early API) vs
 * memblock, i386 QEMU -m 512M: the memmap and page tables land elsewhere,
 * but the zone lines, the Memory: line and the free pages per zone after
 * mem_init must be the same, and the audit must pass.
 */
static void free_area_init_bootmem_bitmap_same_as_memblock(void **state)
{
	static char lines_mb[8192], lines_bm[8192];
	unsigned long free_mb[MAX_NR_ZONES], z;
	struct boot_ram r[BOOT_FIXTURE_QEMU_RANGES];
	int n = boot_fixture_qemu_ram(r, 512ULL << 20);

	boot(&mm_profile_i386, r, n, "bootmem=memblock");
	zone_to_memory_lines(lines_mb, sizeof(lines_mb));
	for (z = 0; z < MAX_NR_ZONES; z++)
		free_mb[z] = zone_page_state(node_zone(z), NR_FREE_PAGES) + zone_page_state(node_zone(z), NR_ZONE_PCP);
	boot(&mm_profile_i386, r, n, "bootmem=bitmap");
	assert_line(P "  node 0 bootmap ");
	zone_to_memory_lines(lines_bm, sizeof(lines_bm));
	assert_string_equal(lines_bm, lines_mb);
	for (z = 0; z < MAX_NR_ZONES; z++)
		assert_int_equal(zone_page_state(node_zone(z), NR_FREE_PAGES) +
				 zone_page_state(node_zone(z), NR_ZONE_PCP), free_mb[z]);
	assert_int_equal(page_accounting_audit(), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(free_area_init_x86_64_4G_matches_linux, setup),
		cmocka_unit_test_setup(free_area_init_x86_64_512M_matches_linux, setup),
		cmocka_unit_test_setup(free_area_init_i386_1G_matches_linux, setup),
		cmocka_unit_test_setup(free_area_init_tiny_dma_only, setup),
		cmocka_unit_test_setup(free_area_init_memmap_exceeds_tiny_zone, setup),
		cmocka_unit_test_setup(free_area_init_hole_across_dma_boundary, setup),
		cmocka_unit_test_setup(free_area_init_exactly_16M, setup),
		cmocka_unit_test_setup(free_area_init_exactly_896M, setup),
		cmocka_unit_test_setup(free_area_init_i386_4G_drops_high_ram, setup),
		cmocka_unit_test_setup(free_area_init_i386_entry_past_4G_skipped, setup),
		cmocka_unit_test_setup(free_area_init_i386_ram_starts_high, setup),
		cmocka_unit_test_setup(free_area_init_sparse_hole_has_no_memmap, setup),
		cmocka_unit_test_setup(free_area_init_x86_64_ram_past_physmem_bits, setup),
		cmocka_unit_test_setup(memmap_init_links_and_flags, setup),
		cmocka_unit_test_setup(calc_memmap_size_flat_and_sparse, setup),
		cmocka_unit_test_setup(free_area_init_movablecore, setup),
		cmocka_unit_test_setup(free_area_init_kernelcore_mirror_without_mirror, setup),
		cmocka_unit_test_setup(free_area_init_bootmem_bitmap_same_as_memblock, setup),
		/*
		 * Last: once memory is marked mirrored, memblock prefers mirrored
		 * memory for the rest of the process (sticky, as in Linux).
		 */
		cmocka_unit_test_setup(free_area_init_kernelcore_mirror, setup),
	};

	return cmocka_run_group_tests(tests, group_setup, boot_fixture_group_teardown);
}
