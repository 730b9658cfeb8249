// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for arch/x86/mm/init_32.c: the lowmem/highmem split
 * (find_low_pfn_range with and without highmem=), the kernel page tables
 * init_mem_mapping() writes into simulated RAM (PSE and 4 KiB modes,
 * read-only text, the CR3 load), paging_init()'s kmap/fixmap tables and
 * the "virtual kernel memory layout" print.
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
#include <asm/pgtable.h>
#include <asm/pgtable_32_areas.h>
#include <asm/sections.h>
#include <asm/tlbflush.h>
#include <asm/host.h>
#include "../../../mm/boot_fixture.h"

#define P	"[    0.000000] "

static char out[1 << 16];

/*
 * RAM [1 MiB, @size) plus the low 636 KiB, kernel image at 16 MiB (text
 * 100 bytes past 1 MiB), through setup_arch() up to init_mem_mapping():
 * max_pfn, find_low_pfn_range() (its lines land in out[]) and memblock.
 */
static void machine(phys_addr_t size, const char *cmdline)
{
	struct boot_ram ram[] = { { 0x1000, 0x9f000 }, { SZ_1M, size } };

	boot_fixture_reset();
	mm_profile = &mm_profile_i386;
	highmem_param = -1;
	if (cmdline)
		parse_early_param(cmdline);
	boot_fixture_add_ram(ram, ARRAY_SIZE(ram));
	host_kernel_image_setup(SZ_16M, (1 << 20) + 100, 256 << 10, 128 << 10, 256 << 10, 128 << 10);
	host_console_capture(out, sizeof(out));
	boot_fixture_setup_memblock();
	host_console_capture(NULL, 0);
}

static int setup(void **state)
{
	host_cpu_pse = true;
	host_cpu_pge = true;
	return 0;
}

static int teardown(void **state)
{
	highmem_param = -1;
	mm_profile = &mm_profile_i386;
	return 0;
}

static int group_setup(void **state)
{
	return boot_fixture_init(5ULL << 30);
}

/* 512 MiB fits the direct map: all lowmem.  Expect max_low_pfn = max_pfn. */
static void find_low_pfn_range_all_lowmem(void **state)
{
	machine(SZ_512M, NULL);
	assert_int_equal(max_low_pfn, max_pfn);
	assert_int_equal(max_pfn, PFN_DOWN(SZ_512M));
}

/*
 * 2 GiB: lowmem stops at MAXMEM (0x377fe000), the rest is highmem.
 *
 *   0 ...... 0x377fe000 ........ 0x80000000
 *   |- lowmem -|------ highmem -------|
 */
static void find_low_pfn_range_splits_at_maxmem(void **state)
{
	machine(SZ_2G, NULL);
	assert_int_equal(MAXMEM, 0x377fe000UL);
	assert_int_equal(max_low_pfn, 0x377fe);
	assert_int_equal(max_pfn, 0x80000);
}

/*
 * A max_pfn past 4 GiB (e820__end_of_ram_pfn() caps it at max_arch_pfn,
 * so only a caller that sets it directly gets here): non-PAE keeps 4 GiB.
 * Expect Linux's warning and max_pfn = 0x100000.
 */
static void find_low_pfn_range_trims_to_4G(void **state)
{
	machine(SZ_2G, NULL);
	max_pfn = 0x140000;
	host_console_capture(out, sizeof(out));
	find_low_pfn_range();
	host_console_capture(NULL, 0);
	assert_non_null(strstr(out, "Warning: only 4GB will be used. Use a HIGHMEM64G enabled kernel!\n"));
	assert_int_equal(max_pfn, 0x100000);
	assert_int_equal(max_low_pfn, 0x377fe);
}

/* highmem=64M on 512 MiB: the top 64 MiB become highmem. */
static void find_low_pfn_range_highmem_param(void **state)
{
	machine(SZ_512M, "highmem=64M");
	assert_int_equal(max_low_pfn, PFN_DOWN(SZ_512M - SZ_64M));
	assert_int_equal(max_pfn, PFN_DOWN(SZ_512M));
}

/* highmem= larger than RAM, or leaving < 64 MiB lowmem: ignored, with Linux's errors. */
static void find_low_pfn_range_bad_highmem_param(void **state)
{
	machine(SZ_512M, "highmem=1G");
	assert_non_null(strstr(out, "is bigger than pages available (512MB)!"));
	assert_int_equal(max_low_pfn, max_pfn);
	machine(SZ_512M, "highmem=480M");
	assert_non_null(strstr(out, "highmem size (480MB) results in <64MB lowmem, ignoring it!\n"));
	assert_int_equal(max_low_pfn, max_pfn);
}

/* highmem=512M on 2 GiB: RAM beyond MAXMEM + 512 MiB is given up. */
static void find_low_pfn_range_highmem_param_trims(void **state)
{
	machine(SZ_2G, "highmem=512M");
	assert_int_equal(max_low_pfn, 0x377fe);
	assert_int_equal(max_pfn, 0x377fe + PFN_DOWN(SZ_512M));
}

/* The x86_64 profile has no highmem: max_low_pfn = max_pfn at any size. */
static void find_low_pfn_range_x86_64(void **state)
{
	machine(SZ_2G, NULL);
	mm_profile = &mm_profile_x86_64;
	find_low_pfn_range();
	assert_int_equal(max_low_pfn, max_pfn);
}

static u32 *pgd(void)
{
	return __va(host_cr3);
}

static u32 pde_of(unsigned long vaddr)
{
	return pgd()[vaddr >> I386_PGDIR_SHIFT];
}

/* The PTE (or large PDE) mapping kernel virtual address @vaddr. */
static u32 pte_of(unsigned long vaddr)
{
	u32 pde = pde_of(vaddr);
	u32 *pt;

	if (!(pde & _PAGE_PRESENT) || (pde & _PAGE_PSE))
		return pde;
	pt = __va(pde & ~0xfffU);
	return pt[(vaddr >> 12) & 1023];
}

/*
 * PSE: lowmem in 4 MiB pages, except the blocks holding kernel text,
 * which use 4 KiB PTEs so the text is read-only.
 *
 *   PDE 0x300 ... 0x303  |  0x304 (text at 16 MiB)  |  0x305 ...
 *   4 MiB RW global      |  4 KiB PTEs, text RO     |  4 MiB
 *
 * Expect every lowmem page mapped to itself at PAGE_OFFSET, CR3 loaded,
 * the TLB flushed, and DirectMap4k = the text's block, DirectMap4M = the
 * other 31 blocks of 128 MiB.
 */
static void init_mem_mapping_pse_with_readonly_text(void **state)
{
	unsigned long flushes = host_tlb_flush_all_count, pfn;
	unsigned long text = PFN_DOWN(__pa(_text)), etext = PFN_UP(__pa(_etext));

	machine(SZ_128M, NULL);
	init_mem_mapping();
	assert_true(host_tlb_flush_all_count > flushes);
	assert_true(host_cr4 & X86_CR4_PSE);
	assert_int_equal(max_pfn_mapped, max_low_pfn);
	assert_int_equal(pde_of(I386_PAGE_OFFSET) & (_PAGE_PSE | _PAGE_PRESENT | _PAGE_RW | _PAGE_GLOBAL),
			 _PAGE_PSE | _PAGE_PRESENT | _PAGE_RW | _PAGE_GLOBAL);
	assert_false(pde_of(I386_PAGE_OFFSET + SZ_16M) & _PAGE_PSE);
	for (pfn = 0; pfn < max_low_pfn; pfn += 61) {
		u32 e = pte_of(I386_PAGE_OFFSET + (pfn << 12));
		u32 phys = (e & _PAGE_PSE) ? (e & 0xffc00000U) + ((pfn << 12) & 0x3fffff)
					   : (e & ~0xfffU);

		assert_true(e & _PAGE_PRESENT);
		assert_int_equal(phys, pfn << 12);
		assert_int_equal(!(e & _PAGE_RW), pfn >= text && pfn < etext);
	}
	assert_int_equal(direct_pages_count[PG_LEVEL_4K], 1024);
	assert_int_equal(direct_pages_count[PG_LEVEL_2M], 31);
	assert_int_equal(pde_of(I386_PAGE_OFFSET + SZ_128M), 0);	/* beyond RAM */
	assert_int_equal(pde_of(0), 0);					/* no identity map */
}

/* Without PSE (or PGE): 4 KiB PTEs everywhere, no global bit.  Last page mapped, all counted as 4k. */
static void init_mem_mapping_4k_pages(void **state)
{
	host_cpu_pse = false;
	host_cpu_pge = false;
	host_cr4 = 0;
	machine(SZ_64M - SZ_8K, NULL);
	init_mem_mapping();
	assert_false(pde_of(I386_PAGE_OFFSET) & _PAGE_PSE);
	assert_int_equal(pte_of(I386_PAGE_OFFSET + 0x5000), 0x5000 | (__PAGE_KERNEL & ~_PAGE_GLOBAL));
	assert_true(pte_of(I386_PAGE_OFFSET + SZ_64M - 3 * SZ_4K) & _PAGE_PRESENT);
	assert_int_equal(pte_of(I386_PAGE_OFFSET + SZ_64M - SZ_8K), 0);
	assert_false(host_cr4 & X86_CR4_PSE);
	assert_int_equal(direct_pages_count[PG_LEVEL_4K], max_low_pfn);
	assert_int_equal(direct_pages_count[PG_LEVEL_2M], 0);
}

/*
 * paging_init: the pkmap window and the fixmap get page tables, then the
 * zones.  Expect both PDEs present and pointing at zeroed tables.
 */
static void paging_init_kmap_tables(void **state)
{
	u32 *pkmap, *fixmap;

	machine(SZ_1G, NULL);
	init_mem_mapping();
	initmem_init();
	paging_init();
	assert_true(pde_of(PKMAP_BASE) & _PAGE_PRESENT);
	assert_true(pde_of(FIXADDR_START) & _PAGE_PRESENT);
	assert_int_equal(PKMAP_BASE, 0xff800000UL);
	pkmap = __va(pde_of(PKMAP_BASE) & ~0xfffU);
	fixmap = __va(pde_of(FIXADDR_START) & ~0xfffU);
	assert_null(memchr_inv(pkmap, 0, PAGE_SIZE));
	assert_null(memchr_inv(fixmap, 0, PAGE_SIZE));
	assert_true(populated_zone(&NODE_DATA(0)->node_zones[ZONE_HIGHMEM]));
}

/* The layout print: Linux 32-bit's format, our areas, how MAXMEM follows. */
static void print_vm_layout_lines(void **state)
{
	machine(SZ_1G, NULL);
	init_mem_mapping();
	host_console_capture(out, sizeof(out));
	initmem_init();
	paging_init();
	build_all_zonelists(NULL);
	mm_core_init();
	host_console_capture(NULL, 0);
	assert_non_null(strstr(out, P "136MB HIGHMEM available.\n" P "887MB LOWMEM available.\n"
				    P "  mapped low ram: 0 - 377fe000\n" P "  low ram: 0 - 377fe000\n"));
	assert_non_null(strstr(out, P "virtual kernel memory layout:\n"
				    P "    fixmap  : 0xfffee000 - 0xfffff000   (  68 kB)\n"
				    P "    pkmap   : 0xff800000 - 0xffc00000   (4096 kB)\n"
				    P "    vmalloc : 0xf7800000 - 0xff7fe000   ( 127 MB)\n"
				    P "    lowmem  : 0xc0000000 - 0xf77fe000   ( 887 MB)\n"));
	assert_non_null(strstr(out, P "      .text : 0xc1000000 - 0xc1100064   (1024 kB)\n"));
	assert_non_null(strstr(out, "lowmem limit: MAXMEM 0x377fe000 = VMALLOC_END 0xff7fe000"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(find_low_pfn_range_all_lowmem, setup, teardown),
		cmocka_unit_test_setup_teardown(find_low_pfn_range_splits_at_maxmem, setup, teardown),
		cmocka_unit_test_setup_teardown(find_low_pfn_range_trims_to_4G, setup, teardown),
		cmocka_unit_test_setup_teardown(find_low_pfn_range_highmem_param, setup, teardown),
		cmocka_unit_test_setup_teardown(find_low_pfn_range_bad_highmem_param, setup, teardown),
		cmocka_unit_test_setup_teardown(find_low_pfn_range_highmem_param_trims, setup, teardown),
		cmocka_unit_test_setup_teardown(find_low_pfn_range_x86_64, setup, teardown),
		cmocka_unit_test_setup_teardown(init_mem_mapping_pse_with_readonly_text, setup, teardown),
		cmocka_unit_test_setup_teardown(init_mem_mapping_4k_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(paging_init_kmap_tables, setup, teardown),
		cmocka_unit_test_setup_teardown(print_vm_layout_lines, setup, teardown),
	};

	return cmocka_run_group_tests(tests, group_setup, boot_fixture_group_teardown);
}
