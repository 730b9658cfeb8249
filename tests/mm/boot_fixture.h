/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The host boot fixture: one simulated machine booted through the real
 * core code, for every test, fuzzer and benchmark that needs a page
 * allocator.  Header-only (static inline) because each tests/ and bench/
 * file is its own program, linked only against the three libraries.
 *
 * A whole boot is the kernel's own: the simulator's loader
 * (tools/bootmm/loader.c) fills the zero page, the command line and the
 * BDA from the machine's firmware map and builds head_32.S's page tables;
 * then setup_arch() and mm_core_init() run as start_kernel() calls them
 * (and kmem_cache_init() for boot_fixture_slab()).  The machine is
 * described first: its firmware map in e820_table (boot_fixture_add_ram()
 * or boot_fixture_qemu_map()) and a pretend kernel image.
 *
 * Tests of one boot step cannot stop inside setup_arch(), so
 * boot_fixture_setup_memblock() and boot_fixture_paging_init() replay its
 * memory steps, in its order (arch/x86/kernel/setup.c), on an e820_table
 * that holds RAM as trim_bios_range() leaves it; there are no head_32.S
 * tables then, so memblock's limit stays open until init_mem_mapping().
 * When setup_arch()'s order changes, change those two as well.
 *
 * Use: boot_fixture_init() once (group setup), then boot_fixture_qemu()
 * or boot_fixture_machine() per boot.  A test that needs another kernel
 * image describes the machine with the pieces (reset, add_ram or
 * qemu_map, host_kernel_image_setup) and calls boot_fixture_start_kernel().
 * Boot options persist from one boot to the next, as parse_early_param()
 * leaves them: a test undoes what its command line set.
 */
#ifndef _TESTS_MM_BOOT_FIXTURE_H
#define _TESTS_MM_BOOT_FIXTURE_H

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <linux/memblock.h>
#include <linux/bootmem.h>
#include <linux/early_res.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <asm/e820/api.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <asm/host.h>
#include "../../tools/bootmm/fwmap.h"
#include "../../tools/bootmm/loader.h"

/* x86_64's MAX_PHYSMEM_BITS (46): the x86_64 profile's max_arch_pfn. */
#define BOOT_FIXTURE_X86_64_MAX_ARCH_PFN	(1UL << (46 - PAGE_SHIFT))

/* The most RAM ranges boot_fixture_qemu_ram() produces. */
#define BOOT_FIXTURE_QEMU_RANGES	3

/* A range of RAM, [start, end). */
struct boot_ram {
	phys_addr_t start, end;
};

static struct memblock_region *boot_fixture_memory, *boot_fixture_reserved;
static char *boot_fixture_log_buf;
static size_t boot_fixture_log_size;

/**
 * boot_fixture_init() - once per program, before the first boot
 * @arena: the simulated physical address space (sim_ram_setup())
 *
 * Remembers memblock's static region arrays (a boot may replace them with
 * doubled ones) so every boot starts from them again.
 *
 * Return: 0, or sim_ram_setup()'s error.
 */
static inline int boot_fixture_init(phys_addr_t arena)
{
	if (!boot_fixture_memory) {
		boot_fixture_memory = memblock.memory.regions;
		boot_fixture_reserved = memblock.reserved.regions;
	}
	return sim_ram_setup(arena);
}

/** boot_fixture_exit() - release the simulated RAM. */
static inline void boot_fixture_exit(void)
{
	sim_ram_teardown();
}

/** boot_fixture_group_teardown() - boot_fixture_exit() as a cmocka group teardown. */
static inline int boot_fixture_group_teardown(void **state)
{
	boot_fixture_exit();
	return 0;
}

/**
 * boot_fixture_log() - where whole boots' console output goes
 * @buf: a buffer each boot's log replaces (NUL-terminated), or NULL to
 *	 leave the console as the caller set it
 * @size: its size
 */
static inline void boot_fixture_log(char *buf, size_t size)
{
	boot_fixture_log_buf = buf;
	boot_fixture_log_size = size;
}

/** node_zone() - zone @z of node 0. */
static inline struct zone *node_zone(enum zone_type z)
{
	return &NODE_DATA(0)->node_zones[z];
}

static inline void boot_fixture_reset_type(struct memblock_type *type,
					   struct memblock_region *regions, unsigned long max)
{
	type->regions = regions;
	memset(regions, 0, max * sizeof(*regions));
	type->cnt = 0;
	type->max = max;
	type->total_size = 0;
}

/**
 * boot_fixture_reset() - an empty machine: no RAM, no reservations
 *
 * memblock back on its empty static arrays (top-down, no limit), the e820
 * table empty, the early_res table, the bootmem bitmap and head_32.S's
 * page tables forgotten.
 */
static inline void boot_fixture_reset(void)
{
	u64 s, e;

	boot_fixture_reset_type(&memblock.memory, boot_fixture_memory,
				INIT_MEMBLOCK_MEMORY_REGIONS);
	boot_fixture_reset_type(&memblock.reserved, boot_fixture_reserved,
				INIT_MEMBLOCK_RESERVED_REGIONS);
	memblock.bottom_up = false;
	memblock.current_limit = MEMBLOCK_ALLOC_ANYWHERE;
	e820_table->nr_entries = 0;
	while (early_res_entry(0, &s, &e, NULL))
		free_early(s, e);
	memset(bootmem_node_data, 0, sizeof(bootmem_node_data));
	init_pg_tables_start = init_pg_tables_end = 0;
	max_pfn_mapped = 0;
}

/**
 * boot_fixture_qemu_ram() - SeaBIOS's RAM for QEMU -m @size, after trimming
 * @r: BOOT_FIXTURE_QEMU_RANGES ranges, filled in
 * @size: the -m size
 *
 *   0x1000 .. 0x9f000 | 1 MiB .. min(@size, 3 GiB) - 128 KiB | 4 GiB .. (rest)
 *
 * Return: how many ranges (3 only when @size is above 3 GiB).
 */
static inline int boot_fixture_qemu_ram(struct boot_ram *r, phys_addr_t size)
{
	phys_addr_t low = min_t(phys_addr_t, size, 0xc0000000ULL);

	r[0] = (struct boot_ram){ 0x1000, 0x9f000 };
	r[1] = (struct boot_ram){ SZ_1M, low - 0x20000 };
	if (size <= low)
		return 2;
	r[2] = (struct boot_ram){ SZ_4G, SZ_4G + size - low };
	return 3;
}

/**
 * boot_fixture_add_ram() - RAM into the e820 table, sanitised
 * @r: the ranges (any order; overlaps merge)
 * @n: how many
 */
static inline void boot_fixture_add_ram(const struct boot_ram *r, int n)
{
	int i;

	for (i = 0; i < n; i++)
		__e820__range_add(e820_table, r[i].start, r[i].end - r[i].start, E820_TYPE_RAM);
	e820__update_table(e820_table);
}

/**
 * boot_fixture_qemu_map() - SeaBIOS's firmware map for QEMU pc -m @size
 * @size: the -m size (2 MiB at least, whole pages)
 *
 * Every entry as the BIOS reports it (page 0, the EBDA, the ROM, the
 * reserved tail below the PCI hole, RAM above 4 GiB from 3.5 GiB on),
 * from the simulator's model of QEMU (tools/bootmm/qemu.c).  After
 * mm_profile is set: x86_64 adds the AMD HyperTransport hole.
 */
static inline void boot_fixture_qemu_map(phys_addr_t size)
{
	char err[FWMAP_ERR_MAX];
	struct fw_map map;
	size_t i;

	fwmap_init(&map, "boot_fixture");
	if (fwmap_qemu(&map, QEMU_PC, size, mm_profile == &mm_profile_x86_64, err, sizeof(err)))
		panic("boot_fixture: %s", err);
	for (i = 0; i < map.nr; i++)
		__e820__range_add(e820_table, map.entries[i].addr, map.entries[i].size,
				  map.entries[i].type);
	fwmap_free(&map);
}

/* Does one RAM entry of the e820 table cover [@start, @end)? */
static inline bool boot_fixture_ram_covers(u64 start, u64 end)
{
	u32 i;

	for (i = 0; i < e820_table->nr_entries; i++) {
		const struct e820_entry *e = &e820_table->entries[i];

		if (e->type == E820_TYPE_RAM && e->addr <= start && e->addr + e->size >= end)
			return true;
	}
	return false;
}

/**
 * boot_fixture_kernel_image() - the pretend kernel image
 *
 * 1.75 MiB at 16 MiB (1 MiB text, 256 KiB rodata, 128 KiB data, 256 KiB
 * init, 128 KiB bss), where Linux loads it, when RAM there holds it and
 * head_32.S's tables; else 0.5 MiB at 1 MiB.  After the map.
 */
static inline void boot_fixture_kernel_image(void)
{
	if (boot_fixture_ram_covers(SZ_16M, SZ_16M + SZ_8M))
		host_kernel_image_setup(SZ_16M, 1 << 20, 256 << 10, 128 << 10, 256 << 10, 128 << 10);
	else
		host_kernel_image_setup(SZ_1M, 256 << 10, 64 << 10, 64 << 10, 64 << 10, 64 << 10);
}

/**
 * boot_fixture_setup_arch() - the boot loader, head_32.S, then setup_arch()
 * @cmdline: the kernel command line, or NULL for none
 *
 * The firmware map in e820_table goes into the zero page as a boot loader
 * passes it; setup_arch() rebuilds e820_table from there.
 */
static inline void boot_fixture_setup_arch(const char *cmdline)
{
	char err[FWMAP_ERR_MAX], *cmd;
	struct fw_map map;
	u32 i;

	fwmap_init(&map, "boot_fixture");
	for (i = 0; i < e820_table->nr_entries; i++)
		fwmap_add(&map, e820_table->entries[i].addr, e820_table->entries[i].size,
			  e820_table->entries[i].type, i + 1);
	if (map.nr != e820_table->nr_entries)
		panic("boot_fixture: out of memory for the firmware map");
	if (loader_fill(&map, cmdline ? cmdline : "", err, sizeof(err)))
		panic("boot_fixture: %s", err);
	fwmap_free(&map);
	if (mm_profile == &mm_profile_i386)
		loader_head_32();
	setup_arch(&cmd);
}

/**
 * boot_fixture_start_kernel() - boot the machine described so far
 * @cmdline: the kernel command line, or NULL for none
 *
 * boot_fixture_setup_arch(), then mm_core_init() as start_kernel() calls
 * it: the page allocator works afterwards.
 */
static inline void boot_fixture_start_kernel(const char *cmdline)
{
	boot_fixture_setup_arch(cmdline);
	build_all_zonelists(NULL);
	mm_core_init();
}

/**
 * boot_fixture_setup_memblock() - setup_arch()'s steps up to init_mem_mapping()
 *
 * For tests of one step: the kernel image reserved (early_reserve_memory),
 * max_pfn from e820 ("last_pfn = ..."), the lowmem split, min_low_pfn
 * after the image, memblock fed from e820, the first 1 MiB reserved
 * (reserve_low_1m).  Reservations made before this call stay.
 */
static inline void boot_fixture_setup_memblock(void)
{
	memblock_reserve(__pa(_text), _end - _text);
	if (mm_profile == &mm_profile_x86_64)
		max_pfn = __e820__end_ram_pfn(e820_table, BOOT_FIXTURE_X86_64_MAX_ARCH_PFN,
					      BOOT_FIXTURE_X86_64_MAX_ARCH_PFN);
	else
		max_pfn = e820__end_of_ram_pfn();
	find_low_pfn_range();
	min_low_pfn = PFN_UP(__pa(_end));
	__e820__memblock_setup(mm_profile == &mm_profile_x86_64 ? ULLONG_MAX : U32_MAX);
	memblock_reserve(0, SZ_1M);
}

/**
 * boot_fixture_paging_init() - the rest of setup_arch()'s memory steps
 *
 * For tests of one step: lowmem mapped, the HIGHMEM/LOWMEM lines, the
 * bitmap under bootmem=bitmap, kmap/fixmap tables, zones and memmap.
 */
static inline void boot_fixture_paging_init(void)
{
	init_mem_mapping();
	initmem_init();
	setup_bootmem_allocator();
	paging_init();
}

/* A whole boot of the machine described so far, its log where asked. */
static inline void boot_fixture_boot(const char *cmdline)
{
	if (boot_fixture_log_buf)
		host_console_capture(boot_fixture_log_buf, boot_fixture_log_size);
	boot_fixture_kernel_image();
	boot_fixture_start_kernel(cmdline);
	if (boot_fixture_log_buf)
		host_console_capture(NULL, 0);
}

/**
 * boot_fixture_machine() - boot RAM @r[0..n) up to the page allocator
 * @profile: &mm_profile_i386 or &mm_profile_x86_64
 * @r: the RAM ranges (the whole firmware map), @n how many
 * @cmdline: the kernel command line, or NULL
 *
 * The log lands in boot_fixture_log()'s buffer when one is set.
 */
static inline void boot_fixture_machine(const struct mm_profile *profile,
					const struct boot_ram *r, int n, const char *cmdline)
{
	boot_fixture_reset();
	mm_profile = profile;
	boot_fixture_add_ram(r, n);
	boot_fixture_boot(cmdline);
}

/** boot_fixture_qemu() - as boot_fixture_machine(), on QEMU pc -m @size's map. */
static inline void boot_fixture_qemu(const struct mm_profile *profile, phys_addr_t size,
				     const char *cmdline)
{
	boot_fixture_reset();
	mm_profile = profile;
	boot_fixture_qemu_map(size);
	boot_fixture_boot(cmdline);
}

/**
 * boot_fixture_slab() - QEMU -m @size on i386, quietly, up to the slab allocator
 * @size: the -m size (also the arena's)
 * @cmdline: the kernel command line, or NULL
 *
 * A group setup for slab tests: the arena, the boot, then
 * kmem_cache_init() as start_kernel() calls it.
 *
 * Return: 0, or sim_ram_setup()'s error.
 */
static inline int boot_fixture_slab(phys_addr_t size, const char *cmdline)
{
	int ret = boot_fixture_init(size);

	if (ret)
		return ret;
	host_console_quiet(true);
	boot_fixture_qemu(&mm_profile_i386, size, cmdline);
	kmem_cache_init();
	host_console_quiet(false);
	return 0;
}

#endif /* _TESTS_MM_BOOT_FIXTURE_H */
