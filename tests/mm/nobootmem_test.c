// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for mm/nobootmem.c: the bootmem= switch between the two early
 * allocators, setup_bootmem_allocator() moving every reservation into the
 * bitmap, the one early-allocation API (memblock_virt_alloc*,
 * memblock_free_early) in both modes, and whole boots both ways giving
 * the same zones, free pages and "Memory:" line.  Physical memory is a
 * sparse 8 GiB arena.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <linux/pfn.h>
#include <linux/bitops.h>
#include <linux/memblock.h>
#include <linux/bootmem.h>
#include <linux/early_res.h>
#include <linux/mm.h>
#include <asm/e820/api.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <asm/host.h>
#include "expect_panic.h"
#include "boot_fixture.h"

#define P	"[    0.000000] "

static bootmem_data_t *bdata = &bootmem_node_data[0];
static char out[1 << 18];

/* An empty machine, memblock the early allocator, before each scenario. */
static int setup(void **state)
{
	early_allocator = EARLY_ALLOC_MEMBLOCK;
	boot_fixture_reset();
	return 0;
}

static int group_setup(void **state)
{
	boot_fixture_log(out, sizeof(out));
	return boot_fixture_init(8ULL << 30);
}

/* Is @pfn's bit set in node 0's bitmap? */
static bool bitmap_reserved(unsigned long pfn)
{
	return test_bit(pfn - PFN_DOWN(bdata->node_boot_start), bdata->node_bootmem_map);
}

/* The physical address of an allocation that must have succeeded. */
static phys_addr_t pa_of(void *p)
{
	assert_non_null(p);
	return __pa(p);
}

/* Expect bootmem=bitmap / =memblock to switch, anything else to be refused. */
static void bootmem_param_selects_allocator(void **state)
{
	parse_early_param("bootmem=bitmap");
	assert_true(bootmem_bitmap_selected());
	parse_early_param("bootmem=memblock");
	assert_false(bootmem_bitmap_selected());
	parse_early_param("bootmem=bitmap");
	host_console_capture(out, sizeof(out));
	parse_early_param("bootmem=bogus bootmem");
	host_console_capture(NULL, 0);
	assert_true(bootmem_bitmap_selected());
	assert_non_null(strstr(out, "Malformed early option 'bootmem'"));
}

/*
 * A 128 MiB machine set up as seed 004 describes:
 *   e820: RAM [0, 0x9fc00) | reserved to 1 MiB | RAM [1 MiB, 128 MiB)
 *   memblock reserved: [0, 64 KiB) and the kernel [16 MiB, 20 MiB)
 *   early_res: PGTABLE [20 MiB, 20 MiB + 64 KiB); min_low_pfn = 20 MiB
 * Expect the bitmap (4 KiB for 32768 pages) right after the page tables,
 * the 2.6 log, every reservation set, RAM free, memblock closed for
 * allocation and memblock_virt_alloc() served by the bitmap.
 */
static void setup_bootmem_allocator_bitmap_mode(void **state)
{
	unsigned long pfn;

	__e820__range_add(e820_table, 0, 0x9fc00, E820_TYPE_RAM);
	__e820__range_add(e820_table, 0x9fc00, 0x60400, E820_TYPE_RESERVED);
	__e820__range_add(e820_table, SZ_1M, SZ_128M - SZ_1M, E820_TYPE_RAM);
	memblock_add(0, 0x9f000);
	memblock_add(SZ_1M, SZ_128M - SZ_1M);
	memblock_reserve(0, SZ_64K);
	memblock_reserve(SZ_16M, SZ_4M);
	reserve_early(SZ_16M + SZ_4M, SZ_16M + SZ_4M + SZ_64K, "PGTABLE");
	min_low_pfn = PFN_DOWN(SZ_16M + SZ_4M);
	max_low_pfn = PFN_DOWN(SZ_128M);
	early_allocator = EARLY_ALLOC_BOOTMEM;

	host_console_capture(out, sizeof(out));
	setup_bootmem_allocator();
	host_console_capture(NULL, 0);
	assert_string_equal(out,
		P "  node 0 low ram: 00000000 - 08000000\n"
		P "  node 0 bootmap 01410000 - 01411000\n"
		P "(2 memblock reservations) ==> bootmem [0000000000 - 0008000000]\n"
		P "(2/20 early reservations) ==> bootmem [0000000000 - 0008000000]\n"
		P "  #0 [0001400000 - 0001410000]          PGTABLE ==> [0001400000 - 0001410000]\n"
		P "  #1 [0001410000 - 0001411000]          BOOTMAP ==> [0001410000 - 0001411000]\n");
	assert_ptr_equal(bdata->node_bootmem_map, __va(0x1410000));
	assert_int_equal(early_res_count(), 0);
	for (pfn = 0; pfn < 0x8000; pfn++) {
		bool free = (pfn >= 0x10 && pfn <= 0x9e) || (pfn >= 0x100 && pfn < 0x1000) ||
			    pfn >= 0x1411;

		if (bitmap_reserved(pfn) == free)
			fail_msg("pfn %#lx: expected %s", pfn, free ? "free" : "reserved");
	}
	assert_null(memblock_alloc(PAGE_SIZE, PAGE_SIZE));
	assert_int_equal(pa_of(memblock_virt_alloc(PAGE_SIZE, PAGE_SIZE)), SZ_64K);
	assert_int_equal(pa_of(memblock_virt_alloc_try_nid_raw(PAGE_SIZE, 0, SZ_32M, 0, 0)), SZ_32M);
	assert_int_equal(pa_of(memblock_virt_alloc_low(PAGE_SIZE, PAGE_SIZE)), SZ_64K + PAGE_SIZE);
	assert_null(memblock_virt_alloc_try_nid_nopanic(SZ_128M, PAGE_SIZE, 0, 0, 0));
	assert_int_equal(memblock.reserved.cnt, 2);
	memblock_free_early(SZ_32M, PAGE_SIZE);
	assert_false(bitmap_reserved(PFN_DOWN(SZ_32M)));
}

/*
 * bootmem_reserve_early(), which setup_arch() calls beside each named
 * memblock_reserve().  Expect nothing under bootmem=memblock; under
 * bootmem=bitmap the range in early_res by name, and a second named range
 * overlapping it to panic naming both, as 2.6's reserve_early() did.
 */
static void bootmem_reserve_early_only_under_bitmap(void **state)
{
	const char *name;
	u64 s, e;

	bootmem_reserve_early(SZ_1M, SZ_2M, "TEXT DATA BSS");
	assert_int_equal(early_res_count(), 0);
	early_allocator = EARLY_ALLOC_BOOTMEM;
	bootmem_reserve_early(SZ_1M, SZ_2M, "TEXT DATA BSS");
	assert_int_equal(early_res_count(), 1);
	assert_true(early_res_entry(0, &s, &e, &name));
	assert_int_equal(s, SZ_1M);
	assert_int_equal(e, SZ_2M);
	assert_string_equal(name, "TEXT DATA BSS");
	expect_panic(bootmem_reserve_early(SZ_2M - 1, SZ_4M, "RAMDISK"),
		     "Overlapping early reservations 1fffff-3fffff RAMDISK to 100000-1fffff TEXT DATA BSS");
}

/*
 * No free RAM after the kernel (min_low_pfn = max_low_pfn's 16 MiB):
 *   RAM [1 MiB, 16 MiB), memblock reserved [1 MiB, 2 MiB) and the kernel
 *   [4 MiB, 16 MiB)
 * Expect the bitmap at the first free page from 0 instead: 2 MiB.
 */
static void setup_bootmem_allocator_below_kernel(void **state)
{
	__e820__range_add(e820_table, SZ_1M, SZ_16M - SZ_1M, E820_TYPE_RAM);
	memblock_add(SZ_1M, SZ_16M - SZ_1M);
	memblock_reserve(SZ_1M, SZ_1M);
	memblock_reserve(SZ_4M, SZ_16M - SZ_4M);
	min_low_pfn = max_low_pfn = PFN_DOWN(SZ_16M);
	early_allocator = EARLY_ALLOC_BOOTMEM;
	host_console_capture(out, sizeof(out));
	setup_bootmem_allocator();
	host_console_capture(NULL, 0);
	assert_non_null(strstr(out, P "  node 0 bootmap 00200000 - 00200200\n"));
	assert_ptr_equal(bdata->node_bootmem_map, __va(SZ_2M));
	assert_true(bitmap_reserved(PFN_DOWN(SZ_2M)) && !bitmap_reserved(PFN_DOWN(SZ_2M) + 1));
	assert_true(bitmap_reserved(PFN_DOWN(SZ_4M)) && !bitmap_reserved(PFN_DOWN(SZ_4M) - 1));
}

/* Expect a clear panic when no room for the bitmap exists anywhere in lowmem. */
static void setup_bootmem_allocator_no_room_panics(void **state)
{
	__e820__range_add(e820_table, SZ_1M, SZ_1M, E820_TYPE_RAM);
	memblock_add(SZ_1M, SZ_1M);
	memblock_reserve(SZ_1M, SZ_1M);
	min_low_pfn = PFN_DOWN(SZ_1M);
	max_low_pfn = PFN_DOWN(SZ_2M);
	early_allocator = EARLY_ALLOC_BOOTMEM;
	expect_panic(setup_bootmem_allocator(), "Cannot find bootmem map of size 4096");
}

/*
 * bootmem=memblock (the default): setup_bootmem_allocator() does nothing
 * and the API is memblock's (top-down, recorded in memblock.reserved).
 */
static void early_api_memblock_mode(void **state)
{
	void *p;

	memblock_add(0, SZ_128M);
	max_low_pfn = PFN_DOWN(SZ_128M);
	host_console_capture(out, sizeof(out));
	setup_bootmem_allocator();
	host_console_capture(NULL, 0);
	assert_string_equal(out, "");
	assert_null(bdata->node_bootmem_map);
	p = memblock_virt_alloc(PAGE_SIZE, PAGE_SIZE);
	assert_int_equal(pa_of(p), SZ_128M - PAGE_SIZE);
	assert_int_equal(memblock.reserved.cnt, 1);
	memblock_free_early(__pa(p), PAGE_SIZE);
	assert_int_equal(memblock.reserved.cnt, 0);
	assert_null(memblock_virt_alloc_try_nid_nopanic(SZ_256M, PAGE_SIZE, 0, 0, NUMA_NO_NODE));
	expect_panic(memblock_virt_alloc(SZ_256M, PAGE_SIZE),
		     "memblock_virt_alloc_try_nid: Failed to allocate 268435456 bytes align=0x1000 nid=-1 from=0x0000000000000000 max_addr=0x0000000000000000");
}

/* What a boot leaves behind, for comparing the two allocators. */
struct boot_result {
	unsigned long managed[MAX_NR_ZONES], free[MAX_NR_ZONES];
	unsigned long totalram, nr_free;
	char memory_line[256];
};

/* The zones' managed and free pages, the totals and the "Memory:" line in out[]. */
static void collect(struct boot_result *res)
{
	char *line, *end;
	int i;

	for (i = 0; i < MAX_NR_ZONES; i++) {
		res->managed[i] = NODE_DATA(0)->node_zones[i].managed_pages;
		res->free[i] = zone_page_state(&NODE_DATA(0)->node_zones[i], NR_FREE_PAGES);
	}
	res->totalram = totalram_pages();
	res->nr_free = nr_free_pages();
	line = strstr(out, "Memory: ");
	assert_non_null(line);
	end = strchr(line, '\n');
	assert_non_null(end);
	memcpy(res->memory_line, line, min_t(size_t, end - line, sizeof(res->memory_line) - 1));
	res->memory_line[min_t(size_t, end - line, sizeof(res->memory_line) - 1)] = 0;
}

/*
 * Boot the mm part of setup_arch + mm_core_init on SeaBIOS's map for
 * -m @size (RAM [4 KiB, 636 KiB), [1 MiB, min(size, 3 GiB) - 128 KiB),
 * the rest above 4 GiB) with page 0..1 MiB and a 1.75 MiB kernel at
 * 16 MiB reserved, under @cmdline.
 */
static void boot(const struct mm_profile *profile, phys_addr_t size,
		 const char *cmdline, struct boot_result *res)
{
	early_allocator = EARLY_ALLOC_MEMBLOCK;
	boot_fixture_qemu(profile, size, cmdline);	/* the log lands in out[] */
	collect(res);
}

/*
 * i386 QEMU -m 128M as boot() boots it, with a loader that also passed an
 * initrd of @size bytes where QEMU puts it: the top of RAM below SeaBIOS's
 * reserved 128 KiB, page aligned down.
 */
static void boot_initrd(const char *cmdline, u32 size, struct boot_result *res)
{
	char err[FWMAP_ERR_MAX], *cmd;
	struct fw_map map;
	u32 i;

	early_allocator = EARLY_ALLOC_MEMBLOCK;
	boot_fixture_reset();
	mm_profile = &mm_profile_i386;
	boot_fixture_qemu_map(SZ_128M);
	host_console_capture(out, sizeof(out));
	boot_fixture_kernel_image();
	fwmap_init(&map, "nobootmem_test");
	for (i = 0; i < e820_table->nr_entries; i++)
		fwmap_add(&map, e820_table->entries[i].addr, e820_table->entries[i].size,
			  e820_table->entries[i].type, i + 1);
	assert_int_equal(loader_fill(&map, cmdline, err, sizeof(err)), 0);
	fwmap_free(&map);
	boot_params.hdr.type_of_loader = 0xb0;	/* QEMU's loader id */
	boot_params.hdr.ramdisk_image = (0x7fe0000 - size) & PAGE_MASK;
	boot_params.hdr.ramdisk_size = size;
	loader_head_32();
	setup_arch(&cmd);
	build_all_zonelists(NULL);
	mm_core_init();
	host_console_capture(NULL, 0);
	collect(res);
}

static void assert_same_boot(const struct boot_result *a, const struct boot_result *b)
{
	int i;

	for (i = 0; i < MAX_NR_ZONES; i++) {
		assert_int_equal(a->managed[i], b->managed[i]);
		assert_int_equal(a->free[i], b->free[i]);
	}
	assert_int_equal(a->totalram, b->totalram);
	assert_int_equal(a->nr_free, b->nr_free);
	assert_string_equal(a->memory_line, b->memory_line);
}

/*
 * The proof on the host: the same machine booted with
 * bootmem=memblock and bootmem=bitmap.  Expect identical managed and free
 * pages in every zone and an identical "Memory:" line - the bitmap's own
 * pages go back to the buddy allocator, so it costs nothing in the end.
 * i386 1 GiB (DMA/Normal/HighMem), i386 4 GiB (lowmem capped at 896 MiB),
 * booted through setup_arch() with head_32.S's tables.  (The allocators
 * place things differently; they use the same number of pages because
 * the memmap is allocated before the small allocations that follow it:
 * the bitmap's first fit would otherwise strand one page.)
 */
static void boot_i386_bitmap_equals_memblock(void **state)
{
	static const phys_addr_t sizes[] = { SZ_1G, SZ_4G };
	struct boot_result a, b;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		boot(&mm_profile_i386, sizes[i], "bootmem=memblock", &a);
		assert_null(strstr(out, "bootmap"));
		boot(&mm_profile_i386, sizes[i], "bootmem=bitmap", &b);
		assert_non_null(strstr(out, "  node 0 bootmap 0"));
		assert_same_boot(&a, &b);
	}
	parse_early_param("bootmem=memblock");
}

/*
 * Seed 000's early_res table from a whole bootmem=bitmap boot (i386,
 * QEMU -m 128M, lowmem ends at 0x7fe0000): setup_arch() names what it
 * reserves, the bitmap (one page for 0x7fe0 pages) goes right after
 * head_32.S's page tables at min_low_pfn, and the table is printed and
 * poured into the bitmap:
 *
 *   #0 TEXT DATA BSS   [_text, _end)            the kernel at 16 MiB
 *   #1 BIOS data page  [0, 64 KiB)
 *   #2 BIOS reserved   [EBDA page 0x9f000, 1 MiB)
 *   #3 INIT_PG_TABLE   [init_pg_tables_start, init_pg_tables_end)
 *   #4 BOOTMAP         [init_pg_tables_end, + 4 KiB)
 *
 * Expect exactly those lines, and no table at all under bootmem=memblock.
 */
static void boot_i386_bitmap_names_early_reservations(void **state)
{
	u64 text = __pa(_text), end = __pa(_end), pgs, pge, map;
	char want[1024];

	boot(&mm_profile_i386, SZ_128M, "bootmem=memblock", &(struct boot_result){});
	assert_null(strstr(out, "early reservations"));
	boot(&mm_profile_i386, SZ_128M, "bootmem=bitmap", &(struct boot_result){});
	pgs = init_pg_tables_start;
	pge = init_pg_tables_end;
	map = PAGE_ALIGN(pge);
	assert_true(text < end && end <= pgs && pgs < pge);
	snprintf(want, sizeof(want),
		 P "(5/20 early reservations) ==> bootmem [0000000000 - 0007fe0000]\n"
		 P "  #0 [%010llx - %010llx]    TEXT DATA BSS ==> [%010llx - %010llx]\n"
		 P "  #1 [0000000000 - 0000010000]   BIOS data page ==> [0000000000 - 0000010000]\n"
		 P "  #2 [000009f000 - 0000100000]    BIOS reserved ==> [000009f000 - 0000100000]\n"
		 P "  #3 [%010llx - %010llx]    INIT_PG_TABLE ==> [%010llx - %010llx]\n"
		 P "  #4 [%010llx - %010llx]          BOOTMAP ==> [%010llx - %010llx]\n",
		 text, end, text, end, pgs, pge, pgs, pge, map, map + PAGE_SIZE, map,
		 map + PAGE_SIZE);
	if (!strstr(out, want))
		fail_msg("expected\n%s\nin\n%s", want, out);
	assert_int_equal(early_res_count(), 0);
	parse_early_param("bootmem=memblock");
}

/*
 * An initrd that ends mid-page costs whole pages in both allocators, as in
 * Linux 6.1 (early_reserve_initrd reserves to the page end).  i386
 * -m 128M, initrd of 100000 bytes at 0x7fc7000:
 *
 *   page 0x7fdf: [0x7fdf000 initrd 0x7fdf6a0 tail 0x7fe0000) end of RAM
 *   memblock: the tail is reserved with the initrd, so the small
 *             allocations after the memmap (4, 4 and 28 bytes, top-down)
 *             cannot go there and take a page of their own
 *   bitmap:   page 0x7fdf is reserved whole, as the early_res entry says
 *
 * Expect the two boots identical (zones, free pages, "Memory:" line), the
 * table to name the initrd's pages ("RAMDISK" to 0x7fe0000), and the
 * memblock boot identical to one whose initrd is those 25 pages exactly
 * (102400 bytes, also at 0x7fc7000): the tail is never handed out.
 */
static void boot_initrd_partial_page_reserved_whole(void **state)
{
	struct boot_result a, b, c;

	boot_initrd("bootmem=memblock", 100000, &a);
	assert_non_null(strstr(out, P "RAMDISK: [mem 0x07fc7000-0x07fdffff]\n"));
	boot_initrd("bootmem=memblock", 102400, &c);
	assert_non_null(strstr(out, P "RAMDISK: [mem 0x07fc7000-0x07fdffff]\n"));
	assert_same_boot(&a, &c);

	boot_initrd("bootmem=bitmap", 100000, &b);
	assert_non_null(strstr(out, "  #2 [0007fc7000 - 0007fe0000]          RAMDISK ==> [0007fc7000 - 0007fe0000]\n"));
	assert_same_boot(&a, &b);
	parse_early_param("bootmem=memblock");
}

/*
 * The x86_64 profile (sparse memmap, RAM above 4 GiB), 4 GiB:
 *
 *   DMA [4K, 16M) | DMA32 [16M, 3G - 128K) | hole | Normal [4G, 5G)
 *   memblock: top-down, the memmap (~48 MiB) lands at the top of Normal
 *   bitmap:   first fit from the bottom, it lands in DMA32 after the kernel
 *
 * Expect the same totals and "Memory:" line, DMA equal, and exactly the
 * memmap's pages moved from Normal to DMA32: all of Normal is free under
 * bitmap.  (On i386 both allocators take the memmap from Normal, so there
 * every zone matches.)
 */
static void boot_x86_64_bitmap_equals_memblock(void **state)
{
	struct boot_result a, b;

	boot(&mm_profile_x86_64, SZ_4G, "bootmem=memblock", &a);
	boot(&mm_profile_x86_64, SZ_4G, "bootmem=bitmap", &b);
	assert_non_null(strstr(out, "  node 0 bootmap 0"));
	assert_int_equal(a.totalram, b.totalram);
	assert_int_equal(a.nr_free, b.nr_free);
	assert_string_equal(a.memory_line, b.memory_line);
	assert_int_equal(a.managed[ZONE_DMA], b.managed[ZONE_DMA]);
	assert_int_equal(b.managed[ZONE_NORMAL], SZ_1G >> PAGE_SHIFT);
	assert_true(a.managed[ZONE_NORMAL] < b.managed[ZONE_NORMAL]);
	assert_int_equal(b.managed[ZONE_NORMAL] - a.managed[ZONE_NORMAL],
			 a.managed[ZONE_DMA32] - b.managed[ZONE_DMA32]);
	parse_early_param("bootmem=memblock");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(bootmem_param_selects_allocator, setup),
		cmocka_unit_test_setup(setup_bootmem_allocator_bitmap_mode, setup),
		cmocka_unit_test_setup(bootmem_reserve_early_only_under_bitmap, setup),
		cmocka_unit_test_setup(setup_bootmem_allocator_below_kernel, setup),
		cmocka_unit_test_setup(setup_bootmem_allocator_no_room_panics, setup),
		cmocka_unit_test_setup(early_api_memblock_mode, setup),
		cmocka_unit_test(boot_i386_bitmap_equals_memblock),
		cmocka_unit_test(boot_i386_bitmap_names_early_reservations),
		cmocka_unit_test(boot_initrd_partial_page_reserved_whole),
		cmocka_unit_test(boot_x86_64_bitmap_equals_memblock),
	};

	return cmocka_run_group_tests(tests, group_setup, boot_fixture_group_teardown);
}
