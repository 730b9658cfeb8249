// SPDX-License-Identifier: GPL-2.0
/*
 * The simulated boot.  The driver stays thin: it fills a zero page
 * (struct boot_params: e820_table at 0x2d0, alt_mem_k, ext_mem_k, more
 * than 128 entries in a SETUP_E820_EXT node) from the parsed map, backs
 * the machine's physical address space with a sparse arena, places a
 * pretend kernel image, and then makes the calls setup_arch() and
 * start_kernel() make, in their order, on the real core code.  Everything
 * printed goes through printk into a captured console log.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <sys/resource.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/init.h>
#include <linux/sizes.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/slab.h>
#include <asm/bootparam.h>
#include <asm/e820/api.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/host.h>
#include "run.h"

#define LOG_MAX		(64UL << 20)	/* captured console; untouched pages cost nothing */
#define X86_64_MAX_ARCH_PFN	(1UL << (46 - PAGE_SHIFT))	/* MAX_PHYSMEM_BITS 46 */

/* The zero page a boot loader would have filled. */
static struct boot_params boot_params;

/** bootmm_arch_name() - "i386" or "x86_64". */
const char *bootmm_arch_name(enum bootmm_arch arch)
{
	return arch == BOOTMM_X86_64 ? "x86_64" : "i386";
}

/*
 * Linux takes the first 128 entries from the zero page and the rest from
 * a SETUP_E820_EXT setup_data node.  The node lives in host memory: its
 * "physical" address is __pa() of the buffer, which __va() maps back,
 * and no memblock range covers it, so nothing can allocate over it.
 */
static struct setup_data *fill_zero_page(const struct fw_map *map)
{
	size_t i, nr = map->nr, extra;
	struct setup_data *node = NULL;

	memset(&boot_params, 0, sizeof(boot_params));
	boot_params.alt_mem_k = map->alt_mem_k;
	boot_params.screen_info.ext_mem_k = map->ext_mem_k;
	boot_params.e820_entries = nr < E820_MAX_ENTRIES_ZEROPAGE ? nr : E820_MAX_ENTRIES_ZEROPAGE;
	for (i = 0; i < boot_params.e820_entries; i++) {
		boot_params.e820_table[i].addr = map->entries[i].addr;
		boot_params.e820_table[i].size = map->entries[i].size;
		boot_params.e820_table[i].type = map->entries[i].type;
	}
	extra = nr - boot_params.e820_entries;
	if (!extra)
		return NULL;
	node = calloc(1, sizeof(*node) + extra * sizeof(struct boot_e820_entry));
	if (!node)
		return NULL;
	node->type = SETUP_E820_EXT;
	node->len = extra * sizeof(struct boot_e820_entry);
	for (i = 0; i < extra; i++) {
		struct boot_e820_entry *e = (struct boot_e820_entry *)node->data + i;

		e->addr = map->entries[E820_MAX_ENTRIES_ZEROPAGE + i].addr;
		e->size = map->entries[E820_MAX_ENTRIES_ZEROPAGE + i].size;
		e->type = map->entries[E820_MAX_ENTRIES_ZEROPAGE + i].type;
	}
	return node;
}

/* The arena must reach the end of the highest RAM the kernel may use. */
static u64 arena_size(const struct fw_map *map, enum bootmm_arch arch)
{
	u64 top = SZ_32M, limit = arch == BOOTMM_I386 ? 1ULL << 32 :
				(u64)X86_64_MAX_ARCH_PFN << PAGE_SHIFT;
	size_t i;

	for (i = 0; i < map->nr; i++) {
		const struct fw_entry *e = &map->entries[i];
		u64 end = e->addr + e->size;

		if ((e->type == E820_TYPE_RAM || e->type == E820_TYPE_ACPI) && e->size &&
		    (end > top || !end))
			top = end && end < limit ? end : limit;
	}
	return (top + SZ_2M - 1) & ~(u64)(SZ_2M - 1);
}

/*
 * A pretend kernel image, sized like the Debian 6.1 kernels of the
 * reference logs so the "Memory:" line is comparable, at 16 MiB as
 * Linux loads it; at 1 MiB and smaller when RAM is below 32 MiB.
 */
static void place_kernel_image(enum bootmm_arch arch, u64 ram_top)
{
	if (ram_top < SZ_32M)
		host_kernel_image_setup(SZ_1M, 256 << 10, 64 << 10, 64 << 10, 64 << 10, 64 << 10);
	else if (arch == BOOTMM_X86_64)
		host_kernel_image_setup(SZ_16M, 14343 << 10, 9132 << 10, 2338 << 10, 2824 << 10,
					17344 << 10);
	else
		host_kernel_image_setup(SZ_16M, 9327 << 10, 3188 << 10, 1246 << 10, 912 << 10,
					464 << 10);
}

/*
 * trim_bios_range(): page 0 holds the real-mode IVT and BDA, and
 * 640 KiB..1 MiB is VGA memory and ROM whatever the firmware claims.
 */
static void __init trim_bios_range(void)
{
	e820__range_update(0, PAGE_SIZE, E820_TYPE_RAM, E820_TYPE_RESERVED);
	e820__range_remove(BIOS_BEGIN, BIOS_END - BIOS_BEGIN, E820_TYPE_RAM, true);
	e820__update_table(e820_table);
}

/* setup_arch()'s memory steps, in Linux 6.1's order. */
static void __init setup_arch_memory(struct setup_data *ext, char *cmdline)
{
	e820__memory_setup(&boot_params);	/* "BIOS-provided physical RAM map:" */
	if (ext)
		e820__memory_setup_extended(__pa(ext), sizeof(*ext) + ext->len);
	parse_early_param(cmdline);		/* mem=, memmap=, memblock=debug, ... */
	e820__finish_early_params();		/* "user-defined physical RAM map:" */
	memblock_reserve(__pa(_text), _end - _text);	/* early_reserve_memory() */
	trim_bios_range();
	if (mm_profile == &mm_profile_x86_64)
		max_pfn = __e820__end_ram_pfn(e820_table, X86_64_MAX_ARCH_PFN,
					      X86_64_MAX_ARCH_PFN);
	else
		max_pfn = e820__end_of_ram_pfn();
	find_low_pfn_range();			/* max_low_pfn: the lowmem split */
	/*
	 * x86_64 Linux computes the end of RAM below 4 GiB here too (its
	 * second "last_pfn" line); the x86_64 profile's zones are sized from
	 * max_pfn, so only the line is kept.
	 */
	if (mm_profile == &mm_profile_x86_64 && max_pfn > (1UL << (32 - PAGE_SHIFT)))
		__e820__end_ram_pfn(e820_table, 1UL << (32 - PAGE_SHIFT), X86_64_MAX_ARCH_PFN);
	e820__memblock_setup();			/* memblock_add() every RAM range */
	memblock_reserve(0, SZ_1M);		/* reserve_real_mode(): the first 1 MiB */
	init_mem_mapping();			/* direct map of lowmem */
	initmem_init();				/* HIGHMEM/LOWMEM lines; bootmem=bitmap */
	paging_init();				/* zones, memmap */
}

static void snapshot(struct memblock_snapshot *s, const struct memblock_type *t)
{
	s->cnt = t->cnt;
	s->total_size = t->total_size;
	s->regions = malloc((t->cnt + 1) * sizeof(*s->regions));
	if (s->regions)
		memcpy(s->regions, t->regions, t->cnt * sizeof(*s->regions));
	else
		s->cnt = 0;
}

static u64 memmap_bytes(void)
{
	unsigned long nr, n = 0;

	if (!mem_section)
		return 0;
	if (!mm_profile->section_shift)		/* FLATMEM: one array to max_mapnr */
		return (u64)max_mapnr * sizeof(struct page);
	for (nr = 0; nr < nr_mem_sections; nr++)
		n += mem_section[nr].section_mem_map != NULL;
	return (u64)n * PAGES_PER_SECTION * sizeof(struct page);
}

/**
 * bootmm_boot() - boot the simulated machine once
 * @map: the firmware map (firmware order)
 * @run: @arch and @cmdline in; the log and measurements out
 * @err: why the boot could not start, @errlen its size
 *
 * Call once per process: the kernel's state is global, as in a kernel.
 *
 * Return: 0, or -1 with @err set (no address space for the arena, out of
 * memory).  What the kernel itself reports goes to the log.
 */
int bootmm_boot(const struct fw_map *map, struct bootmm_run *run, char *err, size_t errlen)
{
	static char cmdline[COMMAND_LINE_SIZE];
	struct setup_data *ext;
	struct timespec t0, t1;
	struct rusage ru;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (strlen(run->cmdline ? run->cmdline : "") >= sizeof(cmdline)) {
		snprintf(err, errlen, "command line longer than %zu bytes", sizeof(cmdline) - 1);
		return -1;
	}
	strscpy(cmdline, run->cmdline ? run->cmdline : "", sizeof(cmdline));
	ext = fill_zero_page(map);
	if (map->nr > E820_MAX_ENTRIES_ZEROPAGE && !ext) {
		snprintf(err, errlen, "out of memory for the SETUP_E820_EXT node");
		return -1;
	}
	run->arena = arena_size(map, run->arch);
	if (sim_ram_setup(run->arena)) {
		snprintf(err, errlen, "cannot reserve %llu MiB of address space for simulated RAM",
			 (unsigned long long)(run->arena >> 20));
		free(ext);
		return -1;
	}
	run->log = malloc(LOG_MAX);
	if (!run->log) {
		snprintf(err, errlen, "out of memory for the console log");
		free(ext);
		return -1;
	}
	mm_profile = run->arch == BOOTMM_X86_64 ? &mm_profile_x86_64 : &mm_profile_i386;
	place_kernel_image(run->arch, run->arena);

	host_console_capture(run->log, LOG_MAX);
	setup_arch_memory(ext, cmdline);
	snapshot(&run->memory, &memblock.memory);
	snapshot(&run->reserved, &memblock.reserved);
	mm_core_init();				/* start_kernel: buddy takes over */
	kmem_cache_init();			/* slab on top of the buddy */
	kmem_cache_init_late();
	host_console_capture(NULL, 0);
	run->log_len = strlen(run->log);
	free(ext);

	run->memmap_bytes = memmap_bytes();
	clock_gettime(CLOCK_MONOTONIC, &t1);
	run->seconds = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	getrusage(RUSAGE_SELF, &ru);
	run->peak_rss_kb = ru.ru_maxrss;
	return 0;
}

/** bootmm_run_free() - release what bootmm_boot() allocated. */
void bootmm_run_free(struct bootmm_run *run)
{
	free(run->log);
	free(run->memory.regions);
	free(run->reserved.regions);
	run->log = NULL;
	run->memory.regions = run->reserved.regions = NULL;
}
