// SPDX-License-Identifier: GPL-2.0
/*
 * Text outputs after a boot: the debugfs memblock files, the /proc dumps
 * (the mm code's own zoneinfo/buddyinfo/slabinfo printers), a one-screen
 * summary and the run's cost.  Floating point goes through stdio: the
 * core's snprintf has none.
 */
#include <stdio.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <asm/e820/api.h>
#include "report.h"

static const char *const flag_names[] = {
	"HOTPLUG", "MIRROR", "NOMAP", "DRIVER_MANAGED", "RSRV_NOINIT",
};

/* mm/memblock.c memblock_debug_show() (Linux 6.12): "   0: 0x..-0x.. nid FLAGS". */
static void debugfs_type(FILE *f, const char *name, const struct memblock_snapshot *s)
{
	unsigned long i;

	fprintf(f, "/sys/kernel/debug/memblock/%s:\n", name);
	for (i = 0; i < s->cnt; i++) {
		const struct memblock_region *r = &s->regions[i];
		unsigned int bit;

		fprintf(f, "%4lu: 0x%016llx..0x%016llx ", i, (unsigned long long)r->base,
			(unsigned long long)(r->base + r->size - 1));
		if (r->nid >= 0 && r->nid < MAX_NUMNODES)
			fprintf(f, "%4d ", r->nid);
		else
			fprintf(f, "%4c ", 'x');
		if (!r->flags)
			fputs("NONE", f);
		for (bit = 0; bit < ARRAY_SIZE(flag_names); bit++)
			if (r->flags & (1U << bit))
				fprintf(f, "%s ", flag_names[bit]);
		fputc('\n', f);
	}
}

/** report_memblock() - both memblock arrays as setup_arch() left them. */
void report_memblock(FILE *f, const struct bootmm_run *run)
{
	debugfs_type(f, "memory", &run->memory);
	debugfs_type(f, "reserved", &run->reserved);
}

static void put_line(void *data, const char *line)
{
	fprintf(data, "%s\n", line);
}

/** report_proc() - run one of the mm code's /proc printers into @f. */
void report_proc(FILE *f, void (*show)(mm_show_fn out, void *data))
{
	show(put_line, f);
}

static void mib(FILE *f, const char *label, unsigned long long pages)
{
	fprintf(f, "%s %.1f MiB", label, pages * (PAGE_SIZE / 1024.0) / 1024.0);
}

/**
 * report_summary() - one screen: the map, the lowmem split, each zone's
 * spanned/present/managed/free pages and its watermarks, and the totals
 */
void report_summary(FILE *f, const struct fw_map *map, const struct bootmm_run *run)
{
	const pg_data_t *pgdat = NODE_DATA(0);
	unsigned long free = 0, managed = 0;
	int z;

	fprintf(f, "\nbootmm summary: %s, %s kernel, %zu firmware entries -> %u after e820__update_table()\n",
		map->source, bootmm_arch_name(run->arch), map->nr,
		e820_table_firmware->nr_entries);
	fprintf(f, "  max_pfn %#lx, max_low_pfn %#lx%s\n", max_pfn, max_low_pfn,
		max_pfn > max_low_pfn ? " (the rest is HighMem)" : "");
	fprintf(f, "  %-8s %12s %12s %12s %12s  %s\n", "zone", "spanned", "present", "managed",
		"free", "min/low/high");
	for (z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &pgdat->node_zones[z];
		unsigned long nr_free = zone->vm_stat[NR_FREE_PAGES];

		if (!zone_configured(z) || !zone->spanned_pages)
			continue;
		fprintf(f, "  %-8s %12lu %12lu %12lu %12lu  %lu/%lu/%lu\n", zone->name,
			zone->spanned_pages, zone->present_pages, zone->managed_pages, nr_free,
			min_wmark_pages(zone), low_wmark_pages(zone), high_wmark_pages(zone));
		free += nr_free;
		managed += zone->managed_pages;
	}
	mib(f, "  managed", managed);
	mib(f, ", free", free);
	fprintf(f, ", memmap %.1f MiB (struct page %zu bytes)\n",
		run->memmap_bytes / 1048576.0, sizeof(struct page));
	if (run->arch == BOOTMM_I386) {
		u64 high = 0;
		size_t i;

		for (i = 0; i < map->nr; i++) {	/* firmware RAM past 4 GiB */
			const struct fw_entry *e = &map->entries[i];
			u64 end = e->addr + e->size;

			if (e->type == E820_TYPE_RAM && e->size && (!end || end > (1ULL << 32)))
				high += (end ? end : -1ULL) - max(e->addr, 1ULL << 32);
		}
		if (high)
			fprintf(f, "  %.1f GiB of RAM above 4 GiB unused: a 32-bit kernel without PAE stops at max_arch_pfn 0x100000 (--arch x86_64 uses it)\n",
				high / 1073741824.0);
	}
}

/** report_stats() - what the run cost on the host. */
void report_stats(FILE *f, const struct bootmm_run *run)
{
	fprintf(f, "bootmm: %.3f s, peak RSS %.1f MiB, memmap %.1f MiB (RSS/memmap %.2f), address space %.1f GiB\n",
		run->seconds, run->peak_rss_kb / 1024.0, run->memmap_bytes / 1048576.0,
		run->memmap_bytes ? run->peak_rss_kb * 1024.0 / run->memmap_bytes : 0.0,
		run->arena / 1073741824.0);
}
