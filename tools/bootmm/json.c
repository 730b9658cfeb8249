// SPDX-License-Identifier: GPL-2.0
/*
 * --json: the firmware map, the lint findings, and (after a boot) the
 * sanitised e820_table, memblock's arrays, the zones with their page
 * counts, watermarks and free-list counts per order.  Addresses are hex
 * strings (JSON numbers lose precision above 2^53); counts are numbers.
 */
#include <stdio.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <asm/e820/api.h>
#include "report.h"

static void json_hex(FILE *f, const char *key, u64 v)
{
	fprintf(f, "\"%s\": \"0x%llx\"", key, (unsigned long long)v);
}

static void e820_array(FILE *f, const struct e820_table *t)
{
	u32 i;

	fputs("[", f);
	for (i = 0; i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];

		fputs(i ? ",\n    { " : "\n    { ", f);
		json_hex(f, "addr", e->addr);
		fprintf(f, ", \"size\": %llu, \"type\": %u, \"name\": ",
			(unsigned long long)e->size, e->type);
		escape_json(f, fwmap_type_name(e->type));
		fputs(" }", f);
	}
	fputs(t->nr_entries ? "\n  ]" : "]", f);
}

static void memblock_array(FILE *f, const struct memblock_snapshot *s)
{
	unsigned long i;

	fputs("[", f);
	for (i = 0; i < s->cnt; i++) {
		fputs(i ? ",\n      { " : "\n      { ", f);
		json_hex(f, "base", s->regions[i].base);
		fprintf(f, ", \"size\": %llu, \"flags\": %u, \"nid\": ",
			(unsigned long long)s->regions[i].size, s->regions[i].flags);
		if (s->regions[i].nid >= MAX_NUMNODES)	/* no node (reserved ranges) */
			fputs("null }", f);
		else
			fprintf(f, "%d }", s->regions[i].nid);
	}
	fputs(s->cnt ? "\n    ]" : "]", f);
}

static void zones(FILE *f)
{
	const pg_data_t *pgdat = NODE_DATA(0);
	bool first = true;
	int z, o;

	fputs("  \"zones\": [", f);
	for (z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &pgdat->node_zones[z];

		if (!zone_configured(z))
			continue;
		fputs(first ? "\n    { " : ",\n    { ", f);
		first = false;
		fputs("\"name\": ", f);
		escape_json(f, zone->name);
		fprintf(f, ", \"start_pfn\": %lu, \"spanned\": %lu, \"present\": %lu, \"managed\": %lu, \"free\": %lu,\n      \"watermarks\": { \"min\": %lu, \"low\": %lu, \"high\": %lu },\n      \"lowmem_reserve\": [",
			zone->zone_start_pfn, zone->spanned_pages, zone->present_pages,
			zone->managed_pages, zone->vm_stat[NR_FREE_PAGES], min_wmark_pages(zone),
			low_wmark_pages(zone), high_wmark_pages(zone));
		for (o = 0; o < MAX_NR_ZONES; o++)
			fprintf(f, "%s%ld", o ? ", " : "", zone->lowmem_reserve[o]);
		fputs("],\n      \"free_area\": [", f);
		for (o = 0; o < MAX_ORDER; o++)
			fprintf(f, "%s%lu", o ? ", " : "", zone->free_area[o].nr_free);
		fputs("] }", f);
	}
	fputs("\n  ]", f);
}

/**
 * report_json() - everything as one JSON object
 * @f: where
 * @map: the firmware map
 * @lint: its lint report
 * @run: the boot, or NULL (--lint --json: firmware map and findings only)
 */
void report_json(FILE *f, const struct fw_map *map, const struct lint_report *lint,
		 const struct bootmm_run *run)
{
	size_t i;

	fputs("{\n  \"source\": ", f);
	escape_json(f, map->source);
	if (run) {
		fputs(",\n  \"arch\": ", f);
		escape_json(f, bootmm_arch_name(run->arch));
		fputs(",\n  \"cmdline\": ", f);
		escape_json(f, run->cmdline ? run->cmdline : "");
	}
	fputs(",\n  \"firmware\": [", f);
	for (i = 0; i < map->nr; i++) {
		const struct fw_entry *e = &map->entries[i];

		fputs(i ? ",\n    { " : "\n    { ", f);
		json_hex(f, "addr", e->addr);
		fprintf(f, ", \"size\": %llu, \"type\": %u, \"name\": ",
			(unsigned long long)e->size, e->type);
		escape_json(f, fwmap_type_name(e->type));
		fprintf(f, ", \"line\": %u }", e->line);
	}
	fprintf(f, "%s,\n  \"alt_mem_k\": %u, \"ext_mem_k\": %u,\n  \"lint\": [",
		map->nr ? "\n  ]" : "]", map->alt_mem_k, map->ext_mem_k);
	for (i = 0; i < lint->nr; i++) {
		const struct lint_finding *x = &lint->items[i];

		fputs(i ? ",\n    { \"kind\": " : "\n    { \"kind\": ", f);
		escape_json(f, lint_kind_name(x->kind));
		fprintf(f, ", \"note\": %s, \"line\": %u, \"line2\": %u, ",
			x->note ? "true" : "false", x->line, x->line2);
		json_hex(f, "start", x->start);
		fputs(", ", f);
		json_hex(f, "end", x->end);
		fputs(", \"what\": ", f);
		escape_json(f, x->what);
		fputs(", \"linux\": ", f);
		escape_json(f, x->behaviour);
		fputs(" }", f);
	}
	fputs(lint->nr ? "\n  ]" : "]", f);
	if (run) {
		fputs(",\n  \"e820_firmware\": ", f);
		e820_array(f, e820_table_firmware);
		fputs(",\n  \"e820\": ", f);
		e820_array(f, e820_table);
		fputs(",\n  \"memblock\": {\n    \"memory\": ", f);
		memblock_array(f, &run->memory);
		fputs(",\n    \"reserved\": ", f);
		memblock_array(f, &run->reserved);
		fprintf(f, "\n  },\n  \"max_pfn\": %lu, \"max_low_pfn\": %lu,\n", max_pfn,
			max_low_pfn);
		zones(f);
		fprintf(f, ",\n  \"stats\": { \"seconds\": %.3f, \"peak_rss_kb\": %ld, \"memmap_bytes\": %llu, \"struct_page_bytes\": %zu }",
			run->seconds, run->peak_rss_kb, (unsigned long long)run->memmap_bytes,
			sizeof(struct page));
	}
	fputs("\n}\n", f);
}
