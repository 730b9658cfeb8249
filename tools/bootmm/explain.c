// SPDX-License-Identifier: GPL-2.0
/*
 * --explain: the boot told step by step for a learner, in the seeds'
 * words.  Each step names the function (Linux 6.x, with the 2.6 name the
 * seeds use where it differs), says why it runs, quotes the log lines it
 * printed in this run, and adds the figures that matter from the data
 * structures it left behind.
 */
#include <stdio.h>

#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <asm/e820/api.h>
#include "report.h"

struct step {
	const char *title;
	const char *functions;
	const char *why;
	const char *const patterns[6];	/* log lines quoted: those containing one */
};

static const struct step steps[] = {
	{ "1. The firmware's map",
	  "detect_memory() -> detect_memory_e820() (arch/x86/boot/memory.c), int 0x15 AX=0xE820",
	  "Before protected mode, the setup code asks the BIOS for the memory map, one entry per call, into boot_params.e820_table (zero page offset 0x2d0); E801 (alt_mem_k) and 88h (ext_mem_k) are asked too, as fallbacks.",
	  { NULL } },
	{ "2. Sanitise and print the map",
	  "setup_arch() -> e820__memory_setup() -> e820__update_table() (seeds: setup_memory_region(), sanitize_e820_map(), copy_e820_map())",
	  "Firmware maps may be unsorted, overlapping or hold empty entries; the sanitiser rebuilds the table from its change points: sorted, overlaps given the larger type, neighbours of one type merged.",
	  { "BIOS-provided physical RAM map", "BIOS-e820", "BIOS-e801", "BIOS-88", "extended", NULL } },
	{ "3. Command line and legacy trims",
	  "parse_early_param(), e820__finish_early_params(), trim_bios_range()",
	  "mem= and memmap= edit the map (\"user-defined physical RAM map\"); page 0 (real-mode IVT and BIOS data) becomes reserved and RAM claimed in 640 KiB..1 MiB (VGA, option ROMs, BIOS) is removed.",
	  { "user-defined", "e820: update", "e820: remove", "not marked as E820_TYPE_RAM", NULL } },
	{ "4. How much memory, and how much of it is lowmem",
	  "e820__end_of_ram_pfn() (seeds: find_max_pfn()), find_low_pfn_range()",
	  "max_pfn is the end of the last RAM page. A 32-bit kernel maps only ~896 MiB (875 MiB in Linux 6.1, 887 MiB here: see the \"lowmem limit\" line) directly at PAGE_OFFSET: max_low_pfn; the rest becomes HighMem, reachable through kmap().",
	  { "last_pfn", "HIGHMEM available", "LOWMEM available", "low ram", NULL } },
	{ "5. The early allocator",
	  "e820__memblock_setup() -> memblock_add(); memblock_reserve() (seeds: init_bootmem(), register_bootmem_low_pages(), reserve_bootmem())",
	  "Before any page allocator exists, memblock (or, with bootmem=bitmap, the 2.6 bootmem bitmap) knows what RAM exists and what is already taken: the kernel image, head_32.S's early page tables (i386), the BIOS area and EBDA the BDA points at, the first 1 MiB, and each early allocation.",
	  { "memblock_add", "memblock_reserve", "bootmem", "BOOTMAP", NULL } },
	{ "6. Zones and the memmap",
	  "paging_init() -> zone_sizes_init() -> free_area_init() (seeds: free_area_init_nodes(), memmap_init_zone())",
	  "Physical memory is cut into zones by what hardware can reach (ISA DMA below 16 MiB, 32-bit DMA below 4 GiB, lowmem/highmem); every page frame gets a struct page (the memmap), marked Reserved; holes count in spanned but not present pages.",
	  { "Zone ranges", "  DMA", "  Normal", "  HighMem", "node   0", "unavailable ranges" } },
	{ "7. Handing memory to the buddy allocator",
	  "start_kernel() -> build_all_zonelists(), mm_core_init() -> mem_init() -> memblock_free_all() (seeds: free_all_bootmem())",
	  "Every page memblock did not reserve is freed into its zone's free_area lists in the largest aligned blocks (order 0..10); the zonelist orders the fallback from the highest zone down (i386: HighMem -> Normal -> DMA; x86_64: Normal -> DMA32 -> DMA).",
	  { "Built 1 zonelists", "Memory:", "Policy zone", NULL } },
	{ "8. Slab",
	  "kmem_cache_init() (Linux: mm/slub.c; here mm/slab_common.c and mm/slab.c)",
	  "Small objects come from caches carved out of buddy pages; the bootstrap caches are built first, then kmalloc's size classes.",
	  { "SLUB", "kmem_cache", "slab", NULL } },
};

static void quote(FILE *f, const char *log, const struct step *s)
{
	const char *line = log;
	unsigned int shown = 0, more = 0;

	while (line && *line) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		unsigned int i;

		for (i = 0; i < ARRAY_SIZE(s->patterns) && s->patterns[i]; i++) {
			const char *hit = strstr(line, s->patterns[i]);

			if (hit && hit < line + len) {
				if (shown++ < 12)
					fprintf(f, "    | %.*s\n", (int)len, line);
				else
					more++;
				break;
			}
		}
		line = nl ? nl + 1 : NULL;
	}
	if (more)
		fprintf(f, "    | ... %u more lines\n", more);
}

static void facts(FILE *f, unsigned int step, const struct fw_map *map,
		  const struct bootmm_run *run)
{
	const pg_data_t *pgdat = NODE_DATA(0);
	u16 base_kb, ebda_seg;
	const char *sep;
	int z;

	switch (step) {
	case 0:
		fprintf(f, "    This run: %zu entries from %s (%s); alt_mem_k %u KiB, ext_mem_k %u KiB.\n",
			map->nr, map->source, map->who, map->alt_mem_k, map->ext_mem_k);
		memcpy(&base_kb, __va(0x413), sizeof(base_kb));	/* BDA words, 0x413 unaligned */
		memcpy(&ebda_seg, __va(0x40e), sizeof(ebda_seg));
		fprintf(f, "    Here bootmm's loader (tools/bootmm/loader.c) filled the zero page as a boot loader would, and the BIOS data area as SeaBIOS does: %u KiB of base memory, EBDA segment %#x.\n",
			base_kb, ebda_seg);
		if (map->nr > E820_MAX_ENTRIES_ZEROPAGE)
			fprintf(f, "    The zero page holds 128 entries; the other %zu travel in a SETUP_E820_EXT setup_data node.\n",
				map->nr - E820_MAX_ENTRIES_ZEROPAGE);
		break;
	case 1:
		fprintf(f, "    This run: %zu firmware entries became %u.\n", map->nr,
			e820_table_firmware->nr_entries);
		break;
	case 2:
		fprintf(f, "    This run: e820_table has %u entries after the edits%s.\n",
			e820_table->nr_entries,
			strstr(run->log, "e820: remove") || strstr(run->log, "e820: update") ? "" :
			" (the \"e820: update/remove\" lines are KERN_DEBUG: --append loglevel=8 shows them)");
		break;
	case 3:
		fprintf(f, "    This run: max_pfn %#lx (%lu MiB), max_low_pfn %#lx (%lu MiB)%s.\n",
			max_pfn, max_pfn >> (20 - PAGE_SHIFT), max_low_pfn,
			max_low_pfn >> (20 - PAGE_SHIFT),
			run->arch == BOOTMM_X86_64 ?
			": a 64-bit kernel maps all RAM directly, so there is no HighMem and init_mem_mapping() sets max_low_pfn to max_pfn" :
			max_low_pfn < max_pfn ? "; the rest is HighMem" : "; all of it is lowmem");
		break;
	case 4:
		fprintf(f, "    This run: memblock.memory %lu regions (%llu KiB), memblock.reserved %lu regions (%llu KiB).\n",
			run->memory.cnt, (unsigned long long)run->memory.total_size >> 10,
			run->reserved.cnt, (unsigned long long)run->reserved.total_size >> 10);
		break;
	case 5:
		for (z = 0; z < MAX_NR_ZONES; z++) {
			const struct zone *zone = &pgdat->node_zones[z];

			if (zone_configured(z) && zone->spanned_pages)
				fprintf(f, "    zone %-7s pfn %#lx..%#lx: spanned %lu, present %lu (holes %lu)\n",
					zone->name, zone->zone_start_pfn, zone_end_pfn(zone),
					zone->spanned_pages, zone->present_pages,
					zone->spanned_pages - zone->present_pages);
		}
		fprintf(f, "    memmap: %llu KiB of struct page (%zu bytes each)%s.\n",
			(unsigned long long)run->memmap_bytes >> 10, sizeof(struct page),
			mm_profile->section_shift ? ", only for sections that hold memory (SPARSEMEM)" :
			", one flat array from pfn 0 (FLATMEM)");
		break;
	case 6:
		fputs("    This run's zonelist:", f);
		for (z = MAX_NR_ZONES - 1, sep = " "; z >= 0; z--)
			if (zone_configured(z) && managed_zone(&pgdat->node_zones[z])) {
				fprintf(f, "%s%s", sep, pgdat->node_zones[z].name);
				sep = " -> ";
			}
		fputc('\n', f);
		for (z = 0; z < MAX_NR_ZONES; z++) {
			const struct zone *zone = &pgdat->node_zones[z];
			int o;

			if (!zone_configured(z) || !zone->managed_pages)
				continue;
			fprintf(f, "    zone %-7s managed %lu pages, free blocks by order:", zone->name,
				zone->managed_pages);
			for (o = 0; o < MAX_ORDER; o++)
				fprintf(f, " %lu", zone->free_area[o].nr_free);
			fputc('\n', f);
		}
		break;
	}
}

/** report_explain() - the narrated boot (see the top of this file). */
void report_explain(FILE *f, const struct fw_map *map, const struct bootmm_run *run)
{
	unsigned int i;

	fprintf(f, "How an %s kernel sets up memory for %s\n\n", bootmm_arch_name(run->arch),
		map->source);
	for (i = 0; i < ARRAY_SIZE(steps); i++) {
		fprintf(f, "%s\n  %s\n  %s\n", steps[i].title, steps[i].functions, steps[i].why);
		quote(f, run->log, &steps[i]);
		facts(f, i, map, run);
		fputc('\n', f);
	}
}
