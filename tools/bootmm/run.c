// SPDX-License-Identifier: GPL-2.0
/*
 * The simulated boot: the driver stays thin.  It backs the machine's
 * physical address space with a sparse arena, places the kernel image
 * (kimage.c), lets the firmware, boot loader and head_32.S leave what
 * they leave (loader.c), and calls the kernel's own start_kernel(): the
 * same setup_arch -> mm_core_init -> kmem_cache_init the i386 kernel
 * runs.  Everything printed goes through printk into a captured log.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <asm/setup.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/host.h>
#include "kimage.h"
#include "loader.h"
#include "run.h"

#define LOG_MAX		(64UL << 20)	/* captured console; untouched pages cost nothing */
#define X86_64_MAX_ADDR	(1ULL << 46)	/* MAX_PHYSMEM_BITS 46 */

/** bootmm_arch_name() - "i386" or "x86_64". */
const char *bootmm_arch_name(enum bootmm_arch arch)
{
	return arch == BOOTMM_X86_64 ? "x86_64" : "i386";
}

/*
 * The arena must reach the end of the highest RAM the kernel may use, the
 * kernel image and, on i386, head_32.S's page tables after it.
 */
static u64 arena_size(const struct fw_map *map, enum bootmm_arch arch, u64 image_end)
{
	u64 top = SZ_32M, limit = arch == BOOTMM_I386 ? 1ULL << 32 : X86_64_MAX_ADDR;
	size_t i;

	for (i = 0; i < map->nr; i++) {
		const struct fw_entry *e = &map->entries[i];
		u64 end = e->addr + e->size;

		if ((e->type == E820_TYPE_RAM || e->type == E820_TYPE_ACPI) && e->size &&
		    (end > top || !end))
			top = end && end < limit ? end : limit;
	}
	if (arch == BOOTMM_I386)
		image_end = loader_head_32_end(image_end);
	top = max(top, image_end);
	return (top + SZ_2M - 1) & ~(u64)(SZ_2M - 1);
}

/*
 * memblock after start_kernel(): the kernel keeps its metadata, but
 * memblock_discard() gave region arrays that had grown (they live in
 * simulated RAM) back to the buddy allocator, where slab may have reused
 * them.  Such a copy is kept only if it still adds up: sorted, disjoint
 * regions whose sizes sum to the type's total_size, less at most a page
 * per region (memblock_trim_memory() trims regions, not the total, as in
 * Linux).  The static arrays are always kept.
 */
static bool snapshot_sane(const struct memblock_snapshot *s)
{
	unsigned long i, grown = (unsigned long)__pa(s->regions_live) < sim_ram_size();
	phys_addr_t sum = 0;

	if (!grown)
		return true;
	for (i = 0; i < s->cnt; i++) {
		const struct memblock_region *r = &s->regions[i];

		if (r->base + r->size < r->base ||
		    (i && s->regions[i - 1].base + s->regions[i - 1].size > r->base))
			return false;
		sum += r->size;
	}
	return sum <= s->total_size && s->total_size - sum < (phys_addr_t)s->cnt * PAGE_SIZE;
}

static void snapshot(struct memblock_snapshot *s, const struct memblock_type *t)
{
	s->cnt = t->cnt;
	s->regions_live = t->regions;
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

static char *panic_log;
static FILE *panic_out;

/*
 * The kernel panicked: what it printed up to the panic is the most
 * useful thing to show, so the log goes out (to stdout where the log was
 * asked for, else stderr) before the message (exit status 1: the input
 * describes a machine the kernel cannot boot).
 */
static void bootmm_panic(const char *msg)
{
	host_console_capture(NULL, 0);
	if (panic_log)
		fputs(panic_log, panic_out);
	fflush(panic_out);
	fprintf(stderr, "bootmm: the simulated kernel panicked: %s\n", msg);
	exit(1);
}

/*
 * What the memmap of @map will cost the host, roughly: SPARSEMEM gives
 * each 128 MiB section holding RAM a struct page per 4 KiB page (FLATMEM,
 * i386: at most 4 GiB of pages, never a problem).  Overlapping entries
 * count twice: an estimate, on the safe side.
 */
static u64 memmap_estimate(const struct fw_map *map)
{
	u64 sect = 1ULL << (mm_profile_x86_64.section_shift + PAGE_SHIFT), bytes = 0;
	size_t i;

	for (i = 0; i < map->nr; i++) {
		const struct fw_entry *e = &map->entries[i];
		u64 a = e->addr & ~(sect - 1), b;

		if (e->type != E820_TYPE_RAM || !e->size || e->addr >= X86_64_MAX_ADDR)
			continue;
		b = e->addr + e->size > X86_64_MAX_ADDR || !(e->addr + e->size) ?
		    X86_64_MAX_ADDR : e->addr + e->size;
		bytes += ((b - a + sect - 1) & ~(sect - 1)) >> PAGE_SHIFT;
	}
	return bytes * sizeof(struct page);
}

/* MemAvailable from /proc/meminfo in bytes, or 0 if unknown. */
static u64 host_mem_available(void)
{
	FILE *f = fopen("/proc/meminfo", "r");
	char line[128];
	unsigned long long kb = 0;

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "MemAvailable: %llu kB", &kb) == 1)
			break;
	fclose(f);
	return (u64)kb << 10;
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
 * memory).  What the kernel itself reports goes to the log; if it
 * panics, the log so far is printed and the process exits with status 1.
 */
int bootmm_boot(const struct fw_map *map, struct bootmm_run *run, char *err, size_t errlen)
{
	struct timespec t0, t1;
	struct rusage ru;
	bool x86_64 = run->arch == BOOTMM_X86_64;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (x86_64 && !(run->cmdline && strstr(run->cmdline, "mem="))) {
		u64 need = memmap_estimate(map), avail = host_mem_available();

		/* refuse up front rather than be killed by the OOM killer midway */
		if (avail && need > avail) {
			snprintf(err, errlen, "this map's memmap needs about %llu GiB of host memory (a %zu-byte struct page per 4 KiB of RAM), more than the %llu GiB available here; boot less of it with --append mem=SIZE",
				 (unsigned long long)(need >> 30), sizeof(struct page),
				 (unsigned long long)(avail >> 30));
			return -1;
		}
	}
	if (run->kernel_image) {
		if (kimage_read_elf(&run->image, run->kernel_image, err, errlen))
			return -1;
	} else {
		kimage_linux(&run->image, x86_64, arena_size(map, run->arch, 0));
	}
	run->arena = arena_size(map, run->arch, kimage_end(&run->image));
	if (sim_ram_setup(run->arena)) {
		snprintf(err, errlen, "cannot reserve %llu MiB of address space for simulated RAM",
			 (unsigned long long)(run->arena >> 20));
		return -1;
	}
	/*
	 * The memmap is most of what the boot touches: large contiguous runs
	 * of struct pages.  Backing them with transparent huge pages saves
	 * 511 of every 512 page faults (the dominant cost of a 1 TiB map);
	 * the kernel falls back to small pages where it cannot, and a few
	 * scattered touches cost at most 2 MiB each.
	 */
	madvise(__va(0), run->arena, MADV_HUGEPAGE);
	if (loader_fill(map, run->cmdline ? run->cmdline : "", err, errlen))
		return -1;
	run->log = malloc(LOG_MAX);
	if (!run->log) {
		snprintf(err, errlen, "out of memory for the console log");
		return -1;
	}
	mm_profile = x86_64 ? &mm_profile_x86_64 : &mm_profile_i386;
	kimage_place(&run->image);
	if (!x86_64)
		loader_head_32();

	host_console_capture(run->log, LOG_MAX);
	panic_log = run->log;
	panic_out = run->panic_log_stderr ? stderr : stdout;
	host_panic_handler = bootmm_panic;
	start_kernel();		/* setup_arch, mm_core_init, kmem_cache_init */
	host_console_capture(NULL, 0);
	host_panic_handler = NULL;
	run->log_len = strlen(run->log);

	snapshot(&run->memory, &memblock.memory);
	snapshot(&run->reserved, &memblock.reserved);
	if (!snapshot_sane(&run->memory) || !snapshot_sane(&run->reserved)) {
		fprintf(stderr, "bootmm: memblock's grown arrays were reused after memblock_discard(); memblock not shown\n");
		run->memory.cnt = run->reserved.cnt = 0;
	}
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
