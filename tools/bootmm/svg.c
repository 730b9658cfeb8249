// SPDX-License-Identifier: GPL-2.0
/*
 * --svg / --html: a picture of the physical address space.  A linear axis
 * cannot show a 1 KiB EBDA and a 1 TiB RAM range at once, so the axis is
 * segmented: every edge of the firmware map, the kernel's e820_table and
 * the zones cuts the address space into segments, one row each, in
 * address order, with a height growing with log2 of the segment's size.
 * Inside a row the scale is linear, so memblock reservations show where
 * they fall.  Columns: firmware map, sanitised e820, memblock (memory and
 * reserved), zones; labels give the start address, the size and the type.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <asm/e820/api.h>
#include "report.h"

#define MAX_EDGES_DETAILED	1200	/* beyond: drop the raw firmware edges */
#define ROW_MIN		16.0
#define ROW_MAX		72.0
#define TOP		86.0
#define COL_X		200.0
#define COL_W		120.0
#define COL_GAP		14.0
#define WIDTH		(COL_X + 4 * (COL_W + COL_GAP) + 260.0)

static const char *type_color(u32 type)
{
	switch (type) {
	case E820_TYPE_RAM: case E820_TYPE_RESERVED_KERN: return "#4caf50";
	case E820_TYPE_RESERVED:	return "#9e9e9e";
	case E820_TYPE_ACPI:		return "#2196f3";
	case E820_TYPE_NVS:		return "#3f51b5";
	case E820_TYPE_UNUSABLE:	return "#f44336";
	case E820_TYPE_PMEM: case E820_TYPE_PRAM: return "#9c27b0";
	case E820_TYPE_SOFT_RESERVED:	return "#ff9800";
	default:			return "#795548";
	}
}

static const char *zone_color(int z)
{
	static const char *const c[] = { "#ffcc80", "#ffe082", "#a5d6a7", "#90caf9",
					 "#ce93d8", "#eeeeee" };

	return c[z % ARRAY_SIZE(c)];
}

/* "640 KiB", "1.5 GiB": exact units print without a fraction. */
static void human(char *buf, size_t n, u64 v)
{
	static const char *const unit[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
	unsigned int u = 0;

	while (u < 6 && v >= (1ULL << (10 * (u + 1))))
		u++;
	if (!u || !(v & ((1ULL << (10 * u)) - 1)))
		snprintf(buf, n, "%llu %s", (unsigned long long)(v >> (10 * u)), unit[u]);
	else
		snprintf(buf, n, "%llu.%llu %s", (unsigned long long)(v >> (10 * u)),
			 (unsigned long long)(((v >> (10 * u - 10)) & 1023) * 10 / 1024), unit[u]);
}

struct edges {
	u64 *v;
	size_t n, cap;
	bool top;	/* the segment list reaches 2^64 */
};

static void edge(struct edges *e, u64 a)
{
	if (e->n == e->cap) {
		size_t cap = e->cap ? 2 * e->cap : 256;
		u64 *v = realloc(e->v, cap * sizeof(*v));

		if (!v)
			return;	/* fewer cuts: a coarser picture, never a wrong one */
		e->v = v;
		e->cap = cap;
	}
	e->v[e->n++] = a;
}

static void range(struct edges *e, u64 start, u64 size)
{
	edge(e, start);
	if (start + size)
		edge(e, start + size);
	else
		e->top = true;
}

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return (x > y) - (x < y);
}

static void collect(struct edges *e, const struct fw_map *map, bool raw)
{
	const pg_data_t *pgdat = NODE_DATA(0);
	size_t i, n = 0;
	int z;

	if (raw)
		for (i = 0; i < map->nr; i++)
			if (map->entries[i].size)
				range(e, map->entries[i].addr, map->entries[i].size);
	for (i = 0; i < e820_table->nr_entries; i++)
		range(e, e820_table->entries[i].addr, e820_table->entries[i].size);
	for (z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &pgdat->node_zones[z];

		if (zone_configured(z) && zone->spanned_pages)
			range(e, (u64)zone->zone_start_pfn << PAGE_SHIFT,
			      (u64)zone->spanned_pages << PAGE_SHIFT);
	}
	edge(e, 0);
	qsort(e->v, e->n, sizeof(*e->v), cmp_u64);
	for (i = 0; i < e->n; i++)
		if (!n || e->v[i] != e->v[n - 1])
			e->v[n++] = e->v[i];
	e->n = n;
}

static double row_height(u64 size)
{
	double h = ROW_MIN + 2.2 * (log2((double)(size ? size : 1)) - 10.0);

	return h < ROW_MIN ? ROW_MIN : h > ROW_MAX ? ROW_MAX : h;
}

/* The type of the sanitised table at @a, or 0 for a hole. */
static u32 e820_type_at(const struct e820_table *t, u64 a)
{
	u32 i;

	for (i = 0; i < t->nr_entries; i++)
		if (a >= t->entries[i].addr && a - t->entries[i].addr < t->entries[i].size)
			return t->entries[i].type;
	return 0;
}

/* Firmware entries covering @a: the first one's type, and how many. */
static unsigned int fw_at(const struct fw_map *map, u64 a, u32 *type)
{
	unsigned int n = 0;
	size_t i;

	for (i = 0; i < map->nr; i++) {
		const struct fw_entry *e = &map->entries[i];

		if (a >= e->addr && a - e->addr < e->size && !n++)
			*type = e->type;
	}
	return n;
}

static void rect(FILE *f, double x, double y, double w, double h, const char *fill,
		 const char *extra)
{
	fprintf(f, "<rect x=\"%.1f\" y=\"%.2f\" width=\"%.1f\" height=\"%.2f\" fill=\"%s\"%s/>\n",
		x, y, w, h, fill, extra);
}

/* memblock regions inside [s, e) drawn at their linear place in the row. */
static void overlay(FILE *f, const struct memblock_snapshot *m, u64 s, u64 e, double x,
		    double y, double h, const char *fill)
{
	unsigned long i;

	for (i = 0; i < m->cnt; i++) {
		u64 a = m->regions[i].base, b = a + m->regions[i].size;
		double y0, y1;

		if (b <= s || (e && a >= e))
			continue;
		a = a < s ? s : a;
		b = e && b > e ? e : b;
		y0 = y + h * (double)(a - s) / (double)(e - s);
		y1 = y + h * (double)(b - s) / (double)(e - s);
		rect(f, x, y0, COL_W, y1 - y0 < 1.0 ? 1.0 : y1 - y0, fill, "");
	}
}

/* Bytes of @m inside [s, e) (e == 0: to the top of the 64-bit space). */
static u64 bytes_in(const struct memblock_snapshot *m, u64 s, u64 e)
{
	u64 n = 0;
	unsigned long i;

	for (i = 0; i < m->cnt; i++) {
		u64 a = m->regions[i].base, b = a + m->regions[i].size;

		if (b <= s || (e && a >= e))
			continue;
		n += (e && b > e ? e : b) - (a < s ? s : a);
	}
	return n;
}

/*
 * Bytes of the hole [s, e) (e == 0: to 2^64) that lie in SPARSEMEM sections
 * without any RAM in memblock.memory: those get no memmap at all; the rest
 * of a hole shares a section with RAM and has struct pages (marked
 * Reserved, the "pages in unavailable ranges").
 *
 *   | section (RAM) |   section   |   section   | section (RAM) |
 *   |  RAM  |-------------- hole -----------|  RAM            |
 *           |memmap |  no memmap  |no memmap |memmap
 */
static u64 bytes_without_memmap(const struct memblock_snapshot *m, u64 s, u64 e, u64 sect)
{
	u64 last = e ? e - 1 : UINT64_MAX, with = 0, done = s;	/* [s, done) counted */
	unsigned long i;

	for (i = 0; i < m->cnt; i++) {	/* regions sorted, so their sections are too */
		u64 a = m->regions[i].base & ~(sect - 1);
		u64 b = (m->regions[i].base + m->regions[i].size - 1) | (sect - 1);	/* inclusive */

		if (!m->regions[i].size || b < done || a > last)
			continue;
		if (a < done)
			a = done;
		if (b > last)
			b = last;
		with += b - a + 1;
		if (b == last)
			break;
		done = b + 1;
	}
	return last - s + 1 - with;
}

/*
 * A second line under a row's size and type: how much of it memblock
 * reserved (on a large row a 12 GiB memmap is a hairline in the column),
 * and, on SPARSEMEM, how much of a hole is in sections without RAM and so
 * has no memmap.
 */
static void row_note(FILE *f, const struct bootmm_run *run, u64 s, u64 end, double x,
		     double y, double h, bool hole)
{
	u64 resv = bytes_in(&run->reserved, s, end), sect = 1ULL << (mm_profile->section_shift + PAGE_SHIFT);
	u64 none;
	char size[32];

	if (h < 26)
		return;
	if (resv && resv < end - s) {
		human(size, sizeof(size), resv);
		fprintf(f, "<text x=\"%.0f\" y=\"%.2f\" fill=\"#b71c1c\">memblock reserved %s</text>\n",
			x, y + 23, size);
	} else if (hole && mm_profile->section_shift &&
		   (none = bytes_without_memmap(&run->memory, s, end, sect))) {
		if (none == end - s)	/* (end 0: 2^64, the same in u64) */
			fprintf(f, "<text x=\"%.0f\" y=\"%.2f\" fill=\"#666\">no memmap here (SPARSEMEM)</text>\n",
				x, y + 23);
		else {
			human(size, sizeof(size), none);
			fprintf(f, "<text x=\"%.0f\" y=\"%.2f\" fill=\"#666\">no memmap for %s of it (SPARSEMEM)</text>\n",
				x, y + 23, size);
		}
	}
}

static void legend(FILE *f, double x, double y, const char *color, const char *name)
{
	rect(f, x, y - 10, 12, 12, color, " stroke=\"#333\" stroke-width=\"0.5\"");
	fprintf(f, "<text x=\"%.0f\" y=\"%.0f\">%s</text>\n", x + 16, y, name);
}

/**
 * report_svg() - the address-space picture as a standalone SVG document
 *
 * Return: 0 (output errors are the caller's to check on @f).
 */
int report_svg(FILE *f, const struct fw_map *map, const struct bootmm_run *run)
{
	static const char *const heads[] = { "firmware map", "kernel e820", "memblock", "zone" };
	struct edges e = { 0 };
	const pg_data_t *pgdat = NODE_DATA(0);
	double y = TOP, total = TOP;
	size_t i;
	int z;

	collect(&e, map, true);
	if (e.n > MAX_EDGES_DETAILED) {
		e.n = 0;
		collect(&e, map, false);
	}
	for (i = 0; i < e.n; i++) {
		u64 end = i + 1 < e.n ? e.v[i + 1] : 0;

		if (i + 1 == e.n && !e.top)
			break;
		total += row_height(end - e.v[i]);
	}
	fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" font-family=\"monospace\" font-size=\"11\">\n",
		WIDTH, total + 20);
	fprintf(f, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n");
	fputs("<text x=\"10\" y=\"20\" font-size=\"15\" font-weight=\"bold\">", f);
	escape_xml(f, map->source);
	fprintf(f, ": physical address space, %s kernel (segmented axis: row height ~ log2(size))</text>\n",
		bootmm_arch_name(run->arch));
	legend(f, 10, 42, type_color(1), "usable");
	legend(f, 80, 42, type_color(2), "reserved");
	legend(f, 165, 42, type_color(3), "ACPI data");
	legend(f, 255, 42, type_color(4), "ACPI NVS");
	legend(f, 340, 42, type_color(5), "unusable");
	legend(f, 425, 42, type_color(7), "persistent");
	legend(f, 520, 42, "#ffffff", "hole");
	legend(f, 580, 42, "#b71c1c", "memblock reserved");
	legend(f, 730, 42, "#e53935", "overlap (hatched)");
	fprintf(f, "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffcdd2\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#e53935\" stroke-width=\"3\"/></pattern></defs>\n");
	fprintf(f, "<text x=\"10\" y=\"%.0f\" font-weight=\"bold\">start</text>\n", TOP - 8);
	for (i = 0; i < ARRAY_SIZE(heads); i++)
		fprintf(f, "<text x=\"%.0f\" y=\"%.0f\" font-weight=\"bold\">%s</text>\n",
			COL_X + i * (COL_W + COL_GAP), TOP - 8, heads[i]);
	fprintf(f, "<text x=\"%.0f\" y=\"%.0f\" font-weight=\"bold\">size, type</text>\n",
		COL_X + 4 * (COL_W + COL_GAP), TOP - 8);

	for (i = 0; i < e.n; i++) {
		u64 s = e.v[i], end = i + 1 < e.n ? e.v[i + 1] : 0;
		double h, x = COL_X;
		u32 ftype = 0, ktype;
		unsigned int nfw;
		char size[32];

		if (i + 1 == e.n && !e.top)
			break;
		h = row_height(end - s);
		nfw = fw_at(map, s, &ftype);
		ktype = e820_type_at(e820_table, s);
		human(size, sizeof(size), end - s);

		fprintf(f, "<text x=\"10\" y=\"%.2f\">0x%016llx</text>\n", y + 11,
			(unsigned long long)s);
		fprintf(f, "<line x1=\"10\" x2=\"%.0f\" y1=\"%.2f\" y2=\"%.2f\" stroke=\"#ccc\" stroke-width=\"0.5\"/>\n",
			WIDTH - 10, y, y);
		rect(f, x, y, COL_W, h, nfw > 1 ? "url(#hatch)" : nfw ? type_color(ftype) : "#ffffff",
		     nfw ? "" : " stroke=\"#bbb\" stroke-dasharray=\"3,3\"");
		x += COL_W + COL_GAP;
		rect(f, x, y, COL_W, h, ktype ? type_color(ktype) : "#ffffff",
		     ktype ? "" : " stroke=\"#bbb\" stroke-dasharray=\"3,3\"");
		x += COL_W + COL_GAP;
		rect(f, x, y, COL_W, h, "#f5f5f5", "");
		overlay(f, &run->memory, s, end, x, y, h, "#81c784");
		overlay(f, &run->reserved, s, end, x, y, h, "#b71c1c");
		x += COL_W + COL_GAP;
		for (z = 0; z < MAX_NR_ZONES; z++) {
			const struct zone *zone = &pgdat->node_zones[z];
			u64 zs = (u64)zone->zone_start_pfn << PAGE_SHIFT;

			if (zone_configured(z) && zone->spanned_pages && s >= zs &&
			    s - zs < (u64)zone->spanned_pages << PAGE_SHIFT) {
				rect(f, x, y, COL_W, h, zone_color(z), "");
				fprintf(f, "<text x=\"%.0f\" y=\"%.2f\">%s</text>\n", x + 4, y + 11,
					zone->name);
				break;
			}
		}
		x += COL_W + COL_GAP;
		fprintf(f, "<text x=\"%.0f\" y=\"%.2f\">%s  %s%s</text>\n", x, y + 11, size,
			ktype ? fwmap_type_name(ktype) : nfw ? "removed by the kernel" : "hole",
			nfw > 1 ? " (firmware overlap)" : "");
		row_note(f, run, s, end, x, y, h, !ktype && !nfw);
		y += h;
	}
	if (e.top)
		fprintf(f, "<text x=\"10\" y=\"%.2f\">end of the 64-bit space</text>\n", y + 12);
	else if (e.n)
		fprintf(f, "<text x=\"10\" y=\"%.2f\">0x%016llx  end of the map</text>\n", y + 12,
			(unsigned long long)e.v[e.n - 1]);
	fputs("</svg>\n", f);
	free(e.v);
	return 0;
}

/**
 * report_html() - a page with the picture, the zones and the lint findings
 *
 * Return: 0 (output errors are the caller's to check on @f).
 */
int report_html(FILE *f, const struct fw_map *map, const struct lint_report *lint,
		const struct bootmm_run *run)
{
	const pg_data_t *pgdat = NODE_DATA(0);
	size_t i;
	int z;

	fputs("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>bootmm: ", f);
	escape_xml(f, map->source);
	fputs("</title><style>body{font-family:sans-serif;margin:1em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;font-family:monospace;text-align:right}</style></head><body>\n<h1>bootmm: ", f);
	escape_xml(f, map->source);
	fprintf(f, " (%s)</h1>\n<h2>Zones</h2>\n<table><tr><th>zone</th><th>start pfn</th><th>spanned</th><th>present</th><th>managed</th><th>free</th><th>min</th><th>low</th><th>high</th></tr>\n",
		bootmm_arch_name(run->arch));
	for (z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &pgdat->node_zones[z];

		if (zone_configured(z) && zone->spanned_pages)
			fprintf(f, "<tr><td>%s</td><td>%#lx</td><td>%lu</td><td>%lu</td><td>%lu</td><td>%lu</td><td>%lu</td><td>%lu</td><td>%lu</td></tr>\n",
				zone->name, zone->zone_start_pfn, zone->spanned_pages,
				zone->present_pages, zone->managed_pages,
				zone->vm_stat[NR_FREE_PAGES], min_wmark_pages(zone),
				low_wmark_pages(zone), high_wmark_pages(zone));
	}
	fputs("</table>\n<h2>Firmware map lint</h2>\n<ul>\n", f);
	for (i = 0; i < lint->nr; i++) {
		fprintf(f, "<li><b>%s</b>%s (line %u): ", lint_kind_name(lint->items[i].kind),
			lint->items[i].note ? " (note)" : "", lint->items[i].line);
		escape_xml(f, lint->items[i].what);
		fputs("<br><i>Linux:</i> ", f);
		escape_xml(f, lint->items[i].behaviour);
		fputs("</li>\n", f);
	}
	fputs(lint->nr ? "</ul>\n" : "<li>no findings</li></ul>\n", f);
	fputs("<h2>Physical address space</h2>\n", f);
	report_svg(f, map, run);
	fputs("</body></html>\n", f);
	return 0;
}
