// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for arch/x86/kernel/setup.c: setup_arch() as a whole, on small
 * machines the simulator's loader boots (tests/mm/boot_fixture.h): the
 * order of its log lines against Linux 6.1's (../shared/reference), what
 * it leaves reserved in memblock (the first 1 MiB, the kernel image,
 * head_32.S's tables), mem= and memmap= reaching memblock, and the i386
 * (no PAE) rule that a RAM entry ending at or past 4 GiB never reaches
 * memblock, at the boundary.  Zone contents are mm_init_test's, the e820
 * functions one by one e820_test's; these check how setup_arch() strings
 * them together.
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
#include <asm/e820/api.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <asm/host.h>
#include "../../../mm/boot_fixture.h"

#define ARENA_SIZE	(6ULL << 30)
#define P		"[    0.000000] "

static char out[1 << 18];

/* setup_arch() alone on the machine described so far, its log in out[]. */
static void run_setup_arch(const char *cmdline)
{
	boot_fixture_kernel_image();
	host_console_capture(out, sizeof(out));
	boot_fixture_setup_arch(cmdline);
	host_console_capture(NULL, 0);
}

/* setup_arch() on QEMU pc -m @size's firmware map. */
static void qemu_setup_arch(const struct mm_profile *profile, phys_addr_t size,
			    const char *cmdline)
{
	boot_fixture_reset();
	mm_profile = profile;
	boot_fixture_qemu_map(size);
	run_setup_arch(cmdline);
}

/* setup_arch() on a firmware map of RAM @r[0..n) only. */
static void ram_setup_arch(const struct mm_profile *profile, const struct boot_ram *r,
			   int n, const char *cmdline)
{
	boot_fixture_reset();
	mm_profile = profile;
	boot_fixture_add_ram(r, n);
	run_setup_arch(cmdline);
}

/*
 * The loader and head_32.S for the machine described so far, without
 * setup_arch(): a test then edits what a loader or BIOS left (the zero
 * page, the BDA) and calls finish_setup_arch().
 */
static void load_machine(const char *cmdline)
{
	char err[FWMAP_ERR_MAX];
	struct fw_map map;
	u32 i;

	fwmap_init(&map, "setup_test");
	for (i = 0; i < e820_table->nr_entries; i++)
		fwmap_add(&map, e820_table->entries[i].addr, e820_table->entries[i].size,
			  e820_table->entries[i].type, i + 1);
	assert_int_equal(loader_fill(&map, cmdline ? cmdline : "", err, sizeof(err)), 0);
	fwmap_free(&map);
	if (mm_profile == &mm_profile_i386)
		loader_head_32();
}

/* setup_arch() on what load_machine() left; returns its *cmdline_p. */
static char *finish_setup_arch(void)
{
	char *cmd = NULL;

	host_console_capture(out, sizeof(out));
	setup_arch(&cmd);
	host_console_capture(NULL, 0);
	return cmd;
}

/* A BDA word, written as the BIOS leaves it (0x413 is odd: no u16 store). */
static void bda_write(unsigned long offset, u16 v)
{
	memcpy(__va(offset), &v, sizeof(v));
}

/* Each of @lines in out[], in this order (later ones after earlier ones). */
static void assert_in_order(const char *const *lines, size_t n)
{
	const char *at = out, *hit;
	size_t i;

	for (i = 0; i < n; i++) {
		hit = strstr(at, lines[i]);
		if (!hit) {
			print_error("line %zu missing or out of order: %s\nlog:\n%s\n",
				    i, lines[i], out);
			fail();
		}
		at = hit + strlen(lines[i]);
	}
}

/* Is all of [@base, @end) in memblock.reserved (regions may be adjacent)? */
static bool reserved_covers(phys_addr_t base, phys_addr_t end)
{
	struct memblock_type *t = &memblock.reserved;
	unsigned long i;

	for (i = 0; i < t->cnt && base < end; i++) {
		struct memblock_region *r = &t->regions[i];

		if (r->base <= base && base < r->base + r->size)
			base = r->base + r->size;
	}
	return base >= end;
}

/* Does any of [@base, @end) lie in memblock.memory? */
static bool memory_overlaps(phys_addr_t base, phys_addr_t end)
{
	return memblock_overlaps_region(&memblock.memory, base, end - base);
}

static int group_setup(void **state)
{
	return boot_fixture_init(ARENA_SIZE);
}

static int teardown(void **state)
{
	console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
	mm_profile = &mm_profile_i386;
	return 0;
}

/*
 * i386, QEMU -m 1G, loglevel=8 (the e820 update/remove lines are
 * KERN_DEBUG).  Expect Linux's order from i386-1G.log:
 *
 *   BIOS-provided physical RAM map:   the six BIOS-e820 lines verbatim
 *   e820: update [mem 0x00000000-0x00000fff] usable ==> reserved
 *   e820: remove [mem 0x000a0000-0x000fffff] usable
 *   last_pfn = 0x3ffe0 max_arch_pfn = 0x100000
 *   ..MB HIGHMEM available.  ..MB LOWMEM available.
 *   Zone ranges: .. Movable zone start .. Early memory node ranges ..
 *   Initmem setup node 0 [mem 0x0000000000001000-0x000000003ffdffff]
 *
 * and no "user-defined" map without mem=/memmap=.
 */
static void setup_arch_log_order_i386(void **state)
{
	static const char *const lines[] = {
		P "BIOS-provided physical RAM map:\n"
		P "BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable\n"
		P "BIOS-e820: [mem 0x000000000009fc00-0x000000000009ffff] reserved\n"
		P "BIOS-e820: [mem 0x00000000000f0000-0x00000000000fffff] reserved\n"
		P "BIOS-e820: [mem 0x0000000000100000-0x000000003ffdffff] usable\n"
		P "BIOS-e820: [mem 0x000000003ffe0000-0x000000003fffffff] reserved\n"
		P "BIOS-e820: [mem 0x00000000fffc0000-0x00000000ffffffff] reserved\n",
		P "e820: update [mem 0x00000000-0x00000fff] usable ==> reserved\n",
		P "e820: remove [mem 0x000a0000-0x000fffff] usable\n",
		P "last_pfn = 0x3ffe0 max_arch_pfn = 0x100000\n",
		"MB HIGHMEM available.\n" P,
		"MB LOWMEM available.\n",
		P "Zone ranges:\n",
		P "Movable zone start for each node\n",
		P "Early memory node ranges\n",
		P "Initmem setup node 0 [mem 0x0000000000001000-0x000000003ffdffff]\n",
	};

	qemu_setup_arch(&mm_profile_i386, SZ_1G, "loglevel=8");
	assert_in_order(lines, ARRAY_SIZE(lines));
	assert_null(strstr(out, "user-defined"));
}

/*
 * x86_64, QEMU -m 4G (amd64-4G.log): RAM above 4 GiB, so Linux prints
 * two last_pfn lines, the end of all RAM then the end of RAM below 4 GiB,
 * and no HIGHMEM/LOWMEM lines.  Expect the eight BIOS-e820 lines
 * (HyperTransport hole included) and the two last_pfn lines in order,
 * then the zones.
 */
static void setup_arch_log_order_x86_64(void **state)
{
	static const char *const lines[] = {
		P "BIOS-provided physical RAM map:\n"
		P "BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable\n"
		P "BIOS-e820: [mem 0x000000000009fc00-0x000000000009ffff] reserved\n"
		P "BIOS-e820: [mem 0x00000000000f0000-0x00000000000fffff] reserved\n"
		P "BIOS-e820: [mem 0x0000000000100000-0x00000000bffdffff] usable\n"
		P "BIOS-e820: [mem 0x00000000bffe0000-0x00000000bfffffff] reserved\n"
		P "BIOS-e820: [mem 0x00000000fffc0000-0x00000000ffffffff] reserved\n"
		P "BIOS-e820: [mem 0x0000000100000000-0x000000013fffffff] usable\n"
		P "BIOS-e820: [mem 0x000000fd00000000-0x000000ffffffffff] reserved\n",
		P "last_pfn = 0x140000 max_arch_pfn = 0x400000000\n",
		P "last_pfn = 0xbffe0 max_arch_pfn = 0x400000000\n",
		P "Zone ranges:\n",
		P "Initmem setup node 0 [mem 0x0000000000001000-0x000000013fffffff]\n",
	};

	qemu_setup_arch(&mm_profile_x86_64, SZ_4G, NULL);
	assert_in_order(lines, ARRAY_SIZE(lines));
	assert_null(strstr(out, "HIGHMEM"));
	assert_null(strstr(out, "LOWMEM"));
	assert_int_equal(max_pfn, 0x140000);
}

/*
 * i386, QEMU -m 1G.  After setup_arch() memblock.memory is what Linux's
 * "MEMBLOCK configuration" shows in i386-1G.log:
 *
 *   memory[0x0]  [0x00001000-0x0009efff]   page 0 and 640K..1M trimmed
 *   memory[0x1]  [0x00100000-0x3ffdffff]
 *
 * Expect those two regions, and reserved: all of [0, 1 MiB)
 * (reserve_low_1m), the kernel image [_text, _end) at 16 MiB and
 * head_32.S's page tables after it.
 */
static void setup_arch_memblock_i386_1G(void **state)
{
	qemu_setup_arch(&mm_profile_i386, SZ_1G, NULL);
	assert_int_equal(memblock.memory.cnt, 2);
	assert_int_equal(memblock.memory.regions[0].base, 0x1000);
	assert_int_equal(memblock.memory.regions[0].size, 0x9e000);
	assert_int_equal(memblock.memory.regions[1].base, 0x100000);
	assert_int_equal(memblock.memory.regions[1].size, 0x3fee0000);
	assert_true(reserved_covers(0, SZ_1M));
	assert_int_equal(__pa(_text), SZ_16M);
	assert_true(reserved_covers(__pa(_text), __pa(_end)));
	assert_true(init_pg_tables_end > init_pg_tables_start);
	assert_true(reserved_covers(init_pg_tables_start, init_pg_tables_end));
}

/*
 * x86_64, QEMU -m 512M: no head_32.S tables, but Linux 6.1 reserves the
 * first 1 MiB on every x86 and the kernel image.  Expect both reserved,
 * and memory from 0x1000 with nothing in 640K..1M.
 */
static void setup_arch_memblock_x86_64(void **state)
{
	qemu_setup_arch(&mm_profile_x86_64, SZ_512M, NULL);
	assert_true(reserved_covers(0, SZ_1M));
	assert_true(reserved_covers(__pa(_text), __pa(_end)));
	assert_int_equal(memblock_start_of_DRAM(), 0x1000);
	assert_false(memory_overlaps(0x9f000, SZ_1M));
	assert_int_equal(memblock_end_of_DRAM(), 0x1ffe0000);
}

/*
 * i386, QEMU -m 256M, "mem=64M": RAM above 64 MiB is removed before
 * last_pfn is computed.
 *
 *   1M ............ 64M ..................... 256M-128K
 *   |-- RAM -------|-- removed by mem= -------|
 *
 * Expect the user-defined map between the BIOS map and "last_pfn =
 * 0x4000", memblock ending at 64 MiB, max_pfn 0x4000 and all of it
 * lowmem: "0MB HIGHMEM available." and "64MB LOWMEM available.".
 */
static void setup_arch_mem_limits_memblock(void **state)
{
	static const char *const lines[] = {
		P "BIOS-provided physical RAM map:\n",
		P "user-defined physical RAM map:\n",
		P "user: [mem 0x0000000000100000-0x0000000003ffffff] usable\n",
		P "user: [mem 0x000000000ffe0000-0x000000000fffffff] reserved\n",
		P "last_pfn = 0x4000 max_arch_pfn = 0x100000\n",
		P "0MB HIGHMEM available.\n" P "64MB LOWMEM available.\n",
	};

	qemu_setup_arch(&mm_profile_i386, SZ_256M, "mem=64M");
	assert_in_order(lines, ARRAY_SIZE(lines));
	assert_int_equal(memblock_end_of_DRAM(), SZ_64M);
	assert_false(memory_overlaps(SZ_64M, SZ_256M));
	assert_int_equal(max_pfn, PFN_DOWN(SZ_64M));
	assert_int_equal(max_low_pfn, max_pfn);
}

/*
 * i386, QEMU -m 128M, "memmap=16M$32M memmap=8M@256M":
 *
 *   1M ....... 32M ........ 48M ....... 128M-128K ... 256M .. 264M
 *   |-- RAM ---|- reserved -|--- RAM ---|             |- RAM -|
 *
 * "$" turns RAM into a reserved entry, which e820__memblock_setup()
 * never adds to memblock.memory; "@" adds RAM (trusted, as Linux does),
 * which moves last_pfn.  Expect a memory hole at [32M, 48M), memory on
 * both sides of it and at [256M, 264M), and "last_pfn = 0x10800".
 */
static void setup_arch_memmap_edits_memblock(void **state)
{
	qemu_setup_arch(&mm_profile_i386, SZ_128M, "memmap=16M$32M memmap=8M@256M");
	assert_non_null(strstr(out, P "user: [mem 0x0000000002000000-0x0000000002ffffff] reserved\n"));
	assert_non_null(strstr(out, P "user: [mem 0x0000000010000000-0x00000000107fffff] usable\n"));
	assert_non_null(strstr(out, P "last_pfn = 0x10800 max_arch_pfn = 0x100000\n"));
	assert_false(memory_overlaps(SZ_32M, SZ_32M + SZ_16M));
	assert_true(memblock_is_region_memory(SZ_1M, SZ_32M - SZ_1M));
	assert_true(memblock_is_region_memory(SZ_32M + SZ_16M, 0x7fe0000 - (SZ_32M + SZ_16M)));
	assert_true(memblock_is_region_memory(SZ_256M, SZ_8M));
	assert_int_equal(memblock_end_of_DRAM(), SZ_256M + SZ_8M);
	assert_int_equal(max_pfn, 0x10800);
}

/*
 * i386 without PAE: Linux's e820__memblock_setup() skips an entry whose
 * end does not fit the 32-bit resource_size_t, so one ending exactly at
 * 4 GiB is as lost as one running past it.  e820 still counts RAM up to
 * max_arch_pfn.  RAM at 0x1000..0x9f000 and 1M..256M, plus:
 *
 *   0xf0000000 ...... 4G - 4K |      -> in memblock, last_pfn 0xfffff
 *   0xf0000000 ............. 4G      -> skipped,     last_pfn 0x100000
 *   0xf0000000 ............. 4G + 4K -> skipped,     last_pfn 0x100000
 *
 * Expect exactly that, and on x86_64 the last entry in memblock whole.
 */
static void setup_arch_i386_entry_at_4G_boundary(void **state)
{
	static const struct {
		phys_addr_t end;
		bool in_memblock;
		const char *last_pfn;
	} cases[] = {
		{ SZ_4G - SZ_4K, true,  P "last_pfn = 0xfffff max_arch_pfn = 0x100000\n" },
		{ SZ_4G,         false, P "last_pfn = 0x100000 max_arch_pfn = 0x100000\n" },
		{ SZ_4G + SZ_4K, false, P "last_pfn = 0x100000 max_arch_pfn = 0x100000\n" },
	};
	struct boot_ram r[] = { { 0x1000, 0x9f000 }, { SZ_1M, SZ_256M }, { 0xf0000000, 0 } };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		r[2].end = cases[i].end;
		ram_setup_arch(&mm_profile_i386, r, ARRAY_SIZE(r), NULL);
		assert_non_null(strstr(out, cases[i].last_pfn));
		assert_int_equal(memory_overlaps(0xf0000000, cases[i].end), cases[i].in_memblock);
		assert_int_equal(memblock_end_of_DRAM(),
				 cases[i].in_memblock ? cases[i].end : SZ_256M);
	}

	ram_setup_arch(&mm_profile_x86_64, r, ARRAY_SIZE(r), NULL);
	assert_true(memblock_is_region_memory(0xf0000000, SZ_4G + SZ_4K - 0xf0000000));
	assert_int_equal(max_pfn, PFN_DOWN(SZ_4G + SZ_4K));
}

/*
 * i386, QEMU -m 2G: everything setup_arch() allocates from memblock
 * (page tables, memmap) must be reachable through the direct map, and
 * it leaves memblock's limit at the end of what init_mem_mapping()
 * mapped, as Linux's memblock_set_current_limit(get_max_mapped()).
 *
 *   0 ........ max_low_pfn (lowmem, mapped) ....... 2G (highmem)
 *   |-- every reserved region ends here --|
 *
 * Expect the limit at PFN_PHYS(max_low_pfn) < 2G and no reserved region
 * past it.
 */
static void setup_arch_allocates_in_lowmem(void **state)
{
	unsigned long i;

	qemu_setup_arch(&mm_profile_i386, SZ_2G, NULL);
	assert_true(max_low_pfn < max_pfn);
	assert_int_equal(memblock_get_current_limit(), PFN_PHYS(max_low_pfn));
	for (i = 0; i < memblock.reserved.cnt; i++) {
		const struct memblock_region *r = &memblock.reserved.regions[i];

		assert_true(r->base + r->size <= PFN_PHYS(max_low_pfn));
	}
}

/*
 * The kernel image [16M, 16M + 1.75M) over a firmware RAM map with a
 * reserved hole at [16M, 17M), or a user's memmap=1M$16M doing the same:
 *
 *   1M ........ 16M  17M ........ 128M
 *   |-- RAM ----|rsv|---- RAM ----|
 *               |-- kernel --|
 *
 * Linux's e820_add_kernel_range() warns and makes the image RAM again
 * (the kernel is running there).  Expect ".text .data .bss are not
 * marked as E820_TYPE_RAM!" (after the user map for memmap=), and the
 * whole image in memblock.memory and reserved.
 */
static void setup_arch_kernel_range_made_ram(void **state)
{
	struct boot_ram r[] = { { 0x1000, 0x9f000 }, { SZ_1M, SZ_128M } };
	static const char *const lines[] = {
		P "user-defined physical RAM map:\n",
		P "user: [mem 0x0000000001000000-0x00000000010fffff] reserved\n",
		P ".text .data .bss are not marked as E820_TYPE_RAM!\n",
		P "last_pfn = ",
	};
	int pass;

	for (pass = 0; pass < 2; pass++) {
		boot_fixture_reset();
		mm_profile = &mm_profile_i386;
		boot_fixture_add_ram(r, ARRAY_SIZE(r));
		if (pass == 0) {
			__e820__range_add(e820_table, SZ_16M, SZ_1M, E820_TYPE_RESERVED);
			e820__update_table(e820_table);
		}
		host_kernel_image_setup(SZ_16M, 1 << 20, 256 << 10, 128 << 10, 256 << 10, 128 << 10);
		host_console_capture(out, sizeof(out));
		boot_fixture_setup_arch(pass == 0 ? NULL : "memmap=1M$16M");
		host_console_capture(NULL, 0);
		if (pass == 0)
			assert_non_null(strstr(out, lines[2]));
		else
			assert_in_order(lines, ARRAY_SIZE(lines));
		assert_true(memblock_is_region_memory(__pa(_text), _end - _text));
		assert_true(reserved_covers(__pa(_text), __pa(_end)));
	}
}

/*
 * An initrd whose page-aligned end wraps past 2^64 (ext_ramdisk_image
 * gives the high 32 bits):
 *
 *   0xfffffffffffff000 + 0x2000   the end itself wraps
 *   0xfffffffffffff000 + 0x800    the end (0xfffffffffffff800) does not,
 *                                 its page end does
 *
 * Linux has no check (a loader would not); here it is the documented
 * fallback: an error line, no RAMDISK line, no reservation, and the boot
 * goes on.  Expect exactly that: every reserved region inside RAM (below
 * 0x7fe0000).
 */
static void setup_arch_initrd_wrapping_ignored(void **state)
{
	static const struct {
		u32 size;
		const char *line;
	} cases[] = {
		{ 0x2000, "initrd: [mem 0xfffffffffffff000] + 0x2000 wraps; ignored\n" },
		{ 0x800, "initrd: [mem 0xfffffffffffff000] + 0x800 wraps; ignored\n" },
	};
	unsigned long i, c;

	for (c = 0; c < ARRAY_SIZE(cases); c++) {
		boot_fixture_reset();
		mm_profile = &mm_profile_i386;
		boot_fixture_qemu_map(SZ_128M);
		boot_fixture_kernel_image();
		load_machine(NULL);
		boot_params.hdr.type_of_loader = 0xb0;
		boot_params.hdr.ramdisk_image = 0xfffff000;
		boot_params.ext_ramdisk_image = 0xffffffff;
		boot_params.hdr.ramdisk_size = cases[c].size;
		finish_setup_arch();
		assert_non_null(strstr(out, cases[c].line));
		assert_null(strstr(out, "RAMDISK:"));
		assert_true(reserved_covers(0, SZ_1M));
		for (i = 0; i < memblock.reserved.cnt; i++) {
			const struct memblock_region *r = &memblock.reserved.regions[i];

			assert_true(r->base + r->size <= 0x7fe0000);
		}
	}
}

/*
 * reserve_bios_regions(): from the BDA's base memory size (0x413, KiB)
 * and EBDA segment (0x40e), trusted only within [128K, 640K - 4K], the
 * lower wins, rounded down to a page, reserved up to 1 MiB:
 *
 *   base KiB  EBDA seg   reserved from
 *     639     0x9fc0     0x9f000   SeaBIOS (639K, rounded down)
 *     700     0          0x9f000   base above 636K: fallback
 *      64     0          0x9f000   base below 128K: fallback
 *     639     0x8000     0x80000   the EBDA lower: it wins
 *     639     0x1000     0x9f000   EBDA below 128K: ignored
 *     512     0x9000     0x80000   EBDA above base memory: ignored
 *
 * Seen through memblock=debug (it stays on for the rest of this
 * program, so this test runs last).  Expect each start.
 */
static void setup_arch_bios_regions_from_bda(void **state)
{
	static const struct {
		u16 base_kb, ebda_seg;
		unsigned long start;
	} cases[] = {
		{ 639, 0x9fc0, 0x9f000 },
		{ 700, 0,      0x9f000 },
		{ 64,  0,      0x9f000 },
		{ 639, 0x8000, 0x80000 },
		{ 639, 0x1000, 0x9f000 },
		{ 512, 0x9000, 0x80000 },
	};
	char line[96];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		boot_fixture_reset();
		mm_profile = &mm_profile_i386;
		boot_fixture_qemu_map(SZ_128M);
		boot_fixture_kernel_image();
		load_machine("memblock=debug");
		bda_write(0x413, cases[i].base_kb);
		bda_write(0x40e, cases[i].ebda_seg);
		finish_setup_arch();
		snprintf(line, sizeof(line),
			 "memblock_reserve: [0x%08lx-0x000fffff] reserve_bios_regions+",
			 cases[i].start);
		if (!strstr(out, line))
			fail_msg("case %zu: no \"%s\" in\n%s", i, line, out);
	}
}

/*
 * i386, QEMU -m 128M with an initrd of 100000 bytes where QEMU puts it
 * (top of RAM below 0x7fe0000, page aligned down: 0x7fc7000) and writes
 * its loader id (type_of_loader 0xb0).  The initrd ends mid-page, at
 * 0x7fdf6a0:
 *
 *   0x7fc7000                          0x7fdf6a0  0x7fe0000
 *   |------------- initrd bytes -------------|.. tail ..|  RAM ends
 *   |<------------- memblock_reserve ------------------>|
 *
 * Expect Linux 6.1's "RAMDISK: [mem 0x07fc7000-0x07fdffff]" line, one
 * memblock_reserve() of the initrd's pages (to the page end, not the
 * exact 0x186a0 bytes) named by its caller, and setup_arch() handing back
 * the loader's command line.  Needs memblock=debug (see main()).
 */
static void setup_arch_reserves_initrd(void **state)
{
	char *cmd;

	boot_fixture_reset();
	mm_profile = &mm_profile_i386;
	boot_fixture_qemu_map(SZ_128M);
	boot_fixture_kernel_image();
	load_machine("console=ttyS0 root=/dev/ram0 memblock=debug");
	boot_params.hdr.type_of_loader = 0xb0;
	boot_params.hdr.ramdisk_image = 0x7fc7000;
	boot_params.hdr.ramdisk_size = 100000;
	cmd = finish_setup_arch();
	assert_string_equal(cmd, "console=ttyS0 root=/dev/ram0 memblock=debug");
	assert_non_null(strstr(out, P "RAMDISK: [mem 0x07fc7000-0x07fdffff]\n"));
	assert_non_null(strstr(out, "memblock_reserve: [0x07fc7000-0x07fdffff] early_reserve_initrd+"));
	assert_true(reserved_covers(0x7fc7000, 0x7fe0000));
}

/*
 * The same initrd fields with type_of_loader 0: as in Linux 6.1, no
 * loader id means no loader passed an initrd (whatever the header says).
 * Expect no RAMDISK line and no reservation by early_reserve_initrd().
 * Needs memblock=debug (see main()).
 */
static void setup_arch_initrd_needs_loader_id(void **state)
{
	boot_fixture_reset();
	mm_profile = &mm_profile_i386;
	boot_fixture_qemu_map(SZ_128M);
	boot_fixture_kernel_image();
	load_machine("memblock=debug");
	boot_params.hdr.type_of_loader = 0;
	boot_params.hdr.ramdisk_image = 0x7fc7000;
	boot_params.hdr.ramdisk_size = 100000;
	finish_setup_arch();
	assert_non_null(strstr(out, "memblock_reserve: "));
	assert_null(strstr(out, "RAMDISK"));
	assert_null(strstr(out, "early_reserve_initrd"));
}

static int count_lines(const char *text)
{
	const char *p = out;
	int n = 0;

	while ((p = strstr(p, text))) {
		n++;
		p += strlen(text);
	}
	return n;
}

/*
 * memblock=debug's "MEMBLOCK configuration:" dumps, as in the reference
 * logs: i386 (i386-1G.log) dumps once, from e820__memblock_setup();
 * x86_64 (amd64-1G.log) once more after its NUMA setup has put the
 * regions on node 0 ("... bytes on node 0 flags: 0x0").
 * The allocations name their real callers, as Linux 6.1's
 * "memblock_alloc_try_nid_raw: 10485760 bytes ... memmap_alloc+0x26/0x2d"
 * does, not the early-allocation wrappers (memblock_virt_alloc*).
 * Expect one dump on i386, two on x86_64, the second with node ids; the
 * memmap's raw allocation and no wrapper named.
 * Needs memblock=debug (see main()).
 */
static void setup_arch_memblock_dumps_as_linux(void **state)
{
	qemu_setup_arch(&mm_profile_i386, SZ_1G, "memblock=debug");
	assert_int_equal(count_lines("MEMBLOCK configuration:\n"), 1);
	assert_int_equal(count_lines(" bytes on node 0 flags"), 0);
	assert_non_null(strstr(out, "memblock_alloc_try_nid_raw: "));
	assert_null(strstr(out, "memblock_virt_alloc"));
	teardown(state);
	qemu_setup_arch(&mm_profile_x86_64, SZ_1G, "memblock=debug");
	assert_int_equal(count_lines("MEMBLOCK configuration:\n"), 2);
	assert_non_null(strstr(out, " memory[0x1]\t[0x0000000000100000-0x000000003ffdffff], "
				    "0x000000003fee0000 bytes on node 0 flags: 0x0\n"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(setup_arch_log_order_i386, teardown),
		cmocka_unit_test_teardown(setup_arch_log_order_x86_64, teardown),
		cmocka_unit_test_teardown(setup_arch_memblock_i386_1G, teardown),
		cmocka_unit_test_teardown(setup_arch_memblock_x86_64, teardown),
		cmocka_unit_test_teardown(setup_arch_mem_limits_memblock, teardown),
		cmocka_unit_test_teardown(setup_arch_memmap_edits_memblock, teardown),
		cmocka_unit_test_teardown(setup_arch_i386_entry_at_4G_boundary, teardown),
		cmocka_unit_test_teardown(setup_arch_allocates_in_lowmem, teardown),
		cmocka_unit_test_teardown(setup_arch_kernel_range_made_ram, teardown),
		cmocka_unit_test_teardown(setup_arch_initrd_wrapping_ignored, teardown),
		/* last: memblock=debug cannot be turned off again */
		cmocka_unit_test_teardown(setup_arch_bios_regions_from_bda, teardown),
		cmocka_unit_test_teardown(setup_arch_reserves_initrd, teardown),
		cmocka_unit_test_teardown(setup_arch_initrd_needs_loader_id, teardown),
		cmocka_unit_test_teardown(setup_arch_memblock_dumps_as_linux, teardown),
	};
	return cmocka_run_group_tests(tests, group_setup, boot_fixture_group_teardown);
}
