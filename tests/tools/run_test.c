// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for tools/bootmm/run.c: one whole simulated boot through the
 * kernel's own start_kernel() (one per process: the kernel's state is
 * global).  The machine: x86_64, RAM at 0-640K, 1M-2G and 300 small
 * ranges above 4 GiB, so the loader passes 172 entries in a
 * SETUP_E820_EXT node and memblock's arrays grow.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <linux/mm.h>
#include "../../tools/bootmm/run.h"

static bool has(const char *log, const char *s)
{
	return strstr(log, s) != NULL;
}

/*
 *   0 .. 0x9fc00 RAM | 1M .. 2G RAM | 4G + i*2M: 1 MiB RAM, i < 127
 * Expect: the banner and "Kernel command line:" of start_kernel(), the
 * zero page's map then the extended one, the setup_data node split out
 * of RAM by e820__reserve_setup_data(), x86_64's two last_pfn lines,
 * DMA/DMA32/Normal zones, the setup_data node reserved by memblock, the
 * PCI gap line, and memblock kept after the boot (it grew past 128
 * regions) with every RAM range in it.
 */
static void bootmm_boot_x86_64_setup_e820_ext(void **state)
{
	struct bootmm_run run = { .arch = BOOTMM_X86_64, .cmdline = "memblock=debug" };
	char err[FWMAP_ERR_MAX] = "";
	struct fw_map map;
	phys_addr_t ram = 0;
	unsigned int i;

	fwmap_init(&map, "test");
	fwmap_add(&map, 0, 0x9fc00, E820_TYPE_RAM, 1);
	fwmap_add(&map, SZ_1M, SZ_2G - SZ_1M, E820_TYPE_RAM, 2);
	for (i = 0; i < 127; i++)
		fwmap_add(&map, SZ_4G + ((u64)i << 21), SZ_1M, E820_TYPE_RAM, i + 3);

	if (bootmm_boot(&map, &run, err, sizeof(err)))
		fail_msg("%s", err);
	assert_true(has(run.log, "bootmm version "));
	assert_true(has(run.log, "Kernel command line: memblock=debug\n"));
	assert_true(has(run.log, "BIOS-provided physical RAM map:"));
	assert_true(has(run.log, "extended physical RAM map:"));
	assert_true(has(run.log, "last_pfn = 0x10fd00 max_arch_pfn = 0x400000000\n"));
	assert_true(has(run.log, "last_pfn = 0x80000 max_arch_pfn = 0x400000000\n"));
	assert_true(has(run.log, "  DMA32    [mem 0x0000000001000000-0x00000000ffffffff]\n"));
	assert_true(has(run.log, "  Normal   [mem 0x0000000100000000-0x000000010fcfffff]\n"));
	assert_true(has(run.log, "memblock_reserve: [0x0000000000010000-0x0000000000010023]"));
	/* RESERVED_KERN, printed "usable" as Linux does */
	assert_true(has(run.log, "reserve setup_data: [mem 0x0000000000010000-0x0000000000010023] usable\n"));
	/* the table is full: trim_bios_range()'s page-0 split is dropped, as in Linux */
	assert_true(has(run.log, "too many entries; ignoring [mem 0x00000000-0x00000fff]\n"));
	assert_true(has(run.log, "available for PCI devices"));
	assert_false(has(run.log, "HIGHMEM available"));
	assert_int_equal(run.memory.cnt, 129);
	for (i = 0; i < run.memory.cnt; i++)
		ram += run.memory.regions[i].size;
	assert_true(ram == 0x9e000 + SZ_2G - SZ_1M + 127ULL * SZ_1M);
	assert_true(run.memmap_bytes > 0);
	bootmm_run_free(&run);
	fwmap_free(&map);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bootmm_boot_x86_64_setup_e820_ext),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
