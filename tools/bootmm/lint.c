// SPDX-License-Identifier: GPL-2.0
/*
 * The firmware-map lint.  Each check names the oddity, the entry's input
 * line, and what Linux 6.x does about it, so a firmware engineer can tell
 * a harmless quirk (unsorted: the sanitiser sorts) from one that costs
 * memory (unaligned RAM edges) or changes a type (overlaps).  The checks
 * read the map as given; the kernel's own handling is what run.c shows.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lint.h"

#define PAGE_SZ		4096ULL
#define BIOS_START_MAX	0x9f000ULL	/* arch/x86/kernel/ebda.c */
#define E820_ZEROPAGE	128
#define E820_KERNEL_MAX	(E820_MAX_ENTRIES)

static const char *const kind_names[LINT_NR_KINDS] = {
	[LINT_ZERO_LENGTH]	= "zero-length",
	[LINT_UNSORTED]		= "unsorted",
	[LINT_OVERLAP]		= "overlap",
	[LINT_UNALIGNED_RAM]	= "unaligned-ram",
	[LINT_RAM_IN_BIOS_HOLE]	= "ram-in-bios-hole",
	[LINT_UNKNOWN_TYPE]	= "unknown-type",
	[LINT_TOO_FEW]		= "too-few-entries",
	[LINT_TOO_MANY]		= "too-many-entries",
	[LINT_E801]		= "suspicious-e801",
	[LINT_NO_RAM]		= "no-ram",
	[LINT_NO_LOW_RAM]	= "no-low-ram",
};

/** lint_kind_name() - the short name of @kind ("overlap", ...). */
const char *lint_kind_name(enum lint_kind kind)
{
	return kind < LINT_NR_KINDS ? kind_names[kind] : "?";
}

static int vadd(struct lint_report *r, enum lint_kind kind, bool note, unsigned int line,
		unsigned int line2, u64 start, u64 end, const char *behaviour,
		const char *fmt, va_list ap)
{
	struct lint_finding *f;

	r->notes += note;
	if (r->per_kind[kind]++ >= LINT_MAX_PER_KIND)
		return 0;
	if (r->nr == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 16;

		f = realloc(r->items, cap * sizeof(*f));
		if (!f)
			return -1;
		r->items = f;
		r->cap = cap;
	}
	f = &r->items[r->nr++];
	f->kind = kind;
	f->note = note;
	f->line = line;
	f->line2 = line2;
	f->start = start;
	f->end = end;
	f->behaviour = behaviour;
	vsnprintf(f->what, sizeof(f->what), fmt, ap);
	return 0;
}

/* A finding: counts towards --lint's exit status 3 and the run's warning. */
static int add(struct lint_report *r, enum lint_kind kind, unsigned int line,
	       unsigned int line2, u64 start, u64 end, const char *behaviour, const char *fmt, ...)
	__attribute__((format(printf, 8, 9)));

static int add(struct lint_report *r, enum lint_kind kind, unsigned int line,
	       unsigned int line2, u64 start, u64 end, const char *behaviour, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vadd(r, kind, false, line, line2, start, end, behaviour, fmt, ap);
	va_end(ap);
	return ret;
}

/* A note: shown with the findings, but the map is still clean. */
static int note(struct lint_report *r, enum lint_kind kind, unsigned int line,
		u64 start, u64 end, const char *behaviour, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

static int note(struct lint_report *r, enum lint_kind kind, unsigned int line,
		u64 start, u64 end, const char *behaviour, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vadd(r, kind, true, line, 0, start, end, behaviour, fmt, ap);
	va_end(ap);
	return ret;
}

static bool known_type(u32 type)
{
	switch (type) {
	case E820_TYPE_RAM: case E820_TYPE_RESERVED: case E820_TYPE_ACPI:
	case E820_TYPE_NVS: case E820_TYPE_UNUSABLE: case E820_TYPE_PMEM:
	case E820_TYPE_PRAM: case E820_TYPE_SOFT_RESERVED:
		return true;
	default:
		return false;
	}
}

/* The sanitiser's tie-break (e820__update_table): the larger type wins. */
static u32 overlap_winner(u32 a, u32 b)
{
	return a > b ? a : b;
}

static const struct fw_map *sort_map;

/* By start; at one start the larger entry first, then in firmware order. */
static int cmp_by_addr(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	const struct fw_entry *x = &sort_map->entries[i], *y = &sort_map->entries[j];

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	if (x->size != y->size)
		return x->size > y->size ? -1 : 1;
	return (i > j) - (i < j);
}

/* Exclusive end; 2^64 (an entry up to the top) as the largest value. */
static u64 end_of(const struct fw_entry *e)
{
	return e->addr + e->size ? e->addr + e->size : UINT64_MAX;
}

/*
 * Overlaps, by a sweep over the entries sorted by start, keeping the
 * entries still open at the current address: each new entry overlaps
 * every open one, and the sanitiser gives each overlapped byte the
 * largest type of the entries over it.
 *
 *   |---- A (usable) ---------------|
 *          |--- B (ACPI data) ---|
 *          |--- C (ACPI NVS) ----|      B and C overlap A and each other;
 *                                       Linux makes all of B..C ACPI NVS
 */
static int check_overlaps(const struct fw_map *map, struct lint_report *r)
{
	size_t *idx = malloc(map->nr * sizeof(*idx) + 1), *open = malloc(map->nr * sizeof(*open) + 1);
	size_t i, j, nr_open = 0;
	int ret = 0;

	if (!idx || !open) {
		free(idx);
		free(open);
		return -1;
	}
	for (i = 0; i < map->nr; i++)
		idx[i] = i;
	sort_map = map;
	qsort(idx, map->nr, sizeof(*idx), cmp_by_addr);
	for (i = 0; i < map->nr && !ret; i++) {
		const struct fw_entry *e = &map->entries[idx[i]];
		u64 end = end_of(e);
		size_t kept = 0;

		if (!e->size)
			continue;
		for (j = 0; j < nr_open; j++)
			if (end_of(&map->entries[open[j]]) > e->addr)
				open[kept++] = open[j];
		nr_open = kept;
		for (j = 0; j < nr_open && !ret; j++) {
			const struct fw_entry *o = &map->entries[open[j]];
			u64 oend = end_of(o) < end ? end_of(o) : end;
			u32 win = e->type > o->type ? e->type : o->type;
			size_t k;

			if (r->per_kind[LINT_OVERLAP] >= LINT_MAX_PER_KIND) {	/* only counted now */
				r->per_kind[LINT_OVERLAP] += nr_open - j;
				break;
			}
			for (k = 0; k < nr_open; k++)	/* open entries covering it all */
				if (end_of(&map->entries[open[k]]) >= oend)
					win = overlap_winner(win, map->entries[open[k]].type);
			ret = add(r, LINT_OVERLAP, e->line, o->line, e->addr, oend,
				  o->type == e->type && win == e->type ?
				  "e820__update_table() merges them into one entry; no memory is lost" :
				  "e820__update_table() splits them at every boundary and gives each overlapped part the largest type number over it, so RAM overlapped by any other type is not used",
				  "%s [%#llx-%#llx) overlaps line %u %s in [%#llx-%#llx); Linux makes it %s",
				  fwmap_type_name(e->type), (unsigned long long)e->addr,
				  (unsigned long long)(e->addr + e->size), o->line,
				  fwmap_type_name(o->type), (unsigned long long)e->addr,
				  (unsigned long long)(oend == UINT64_MAX ? 0 : oend),
				  fwmap_type_name(win));
		}
		open[nr_open++] = idx[i];
	}
	free(idx);
	free(open);
	return ret;
}

static int check_e801(const struct fw_map *map, struct lint_report *r, u64 ram_above_1m)
{
	u64 e801 = (u64)map->alt_mem_k << 10;

	if (!map->alt_mem_k)
		return 0;
	if (map->alt_mem_k == 32768 && map->ext_mem_k == 32768)
		return add(r, LINT_E801, 0, 0, 0, 0,
			   "Linux uses alt_mem_k only when it rejects the e820 map; GRUB's figures must not be trusted",
			   "alt_mem_k = ext_mem_k = 32768 (32 MiB): GRUB's hard-coded \"not needed to be precise\" value, not a BIOS answer");
	if (map->alt_mem_k > 0x3fffff)
		return add(r, LINT_E801, 0, 0, 0, 0,
			   "detect_memory_e801() could not have produced it (E801 reports at most 4 GiB)",
			   "alt_mem_k = %u KiB is more than E801 can express", map->alt_mem_k);
	if (ram_above_1m && (e801 > ram_above_1m + (1 << 20) || e801 + (16 << 20) < ram_above_1m))
		return add(r, LINT_E801, 0, 0, 0, 0,
			   "harmless while the e820 map is accepted; if it is rejected, e820__memory_setup_default() fakes a map from this figure",
			   "E801 says %llu KiB above 1 MiB but the e820 map has %llu KiB of RAM from 1 MiB up to 4 GiB",
			   (unsigned long long)map->alt_mem_k,
			   (unsigned long long)(ram_above_1m >> 10));
	return 0;
}

/*
 * RAM edges inside a page: PFN_UP(start) and PFN_DOWN(end) drop the
 * partial pages.  RAM that ends inside the page below 640 KiB that holds
 * the EBDA (0x9fc00 on most PCs, 0x9f800 in the seeds) loses nothing:
 * reserve_bios_regions() reserves from BIOS_START_MAX (0x9f000) up in any
 * case, so that one is a note.
 *
 *   0x9f000       0x9fc00  0xa0000
 *   |--- usable ---|-EBDA--|         the page 0x9f000 is never free anyway
 */
static int check_unaligned(struct lint_report *r, const struct fw_entry *e)
{
	u64 end = e->addr + e->size;	/* no wrap: fwmap_add; 2^64 reads 0 */
	u64 head = -e->addr & (PAGE_SZ - 1), tail = end & (PAGE_SZ - 1);
	u64 lost = e->size >= head + PAGE_SZ ? head + tail : e->size;
	char where[64];

	if (!head && end > BIOS_START_MAX && end < BIOS_BEGIN)
		return note(r, LINT_UNALIGNED_RAM, e->line, e->addr, end,
			    "harmless: reserve_bios_regions() reserves everything from 0x9f000 (BIOS_START_MAX) to 1 MiB, EBDA and BIOS included, so this page is never free whatever the map says",
			    "usable [%#llx-%#llx) ends inside page %#llx, where the EBDA starts (as on most PCs)",
			    (unsigned long long)e->addr, (unsigned long long)end,
			    (unsigned long long)(end - tail));
	snprintf(where, sizeof(where), "%s%s%s", head ? "starts" : "",
		 head && tail ? " and " : "", tail ? "ends" : "");
	return add(r, LINT_UNALIGNED_RAM, e->line, 0, e->addr, end,
		   "memblock keeps the bytes but the page allocator sees only whole pages (PFN_UP(start), PFN_DOWN(end)); the partial pages are lost, and e820__reserve_resources_late() reserves them as \"RAM buffer\"",
		   "usable [%#llx-%#llx) %s inside a page: %llu bytes of RAM are not whole pages",
		   (unsigned long long)e->addr, (unsigned long long)end, where,
		   (unsigned long long)lost);
}

/**
 * lint_map() - run every check over @map
 * @map: the firmware map, in firmware order
 * @r: the report (zero it first; lint_free() after)
 *
 * Return: the number of findings (all kinds, notes not counted), or -1
 * out of memory.
 */
int lint_map(const struct fw_map *map, struct lint_report *r)
{
	u64 ram_above_1m = 0, ram = 0, low_ram = 0;
	size_t i, total = 0;
	int ret = 0;

	for (i = 0; i < map->nr && !ret; i++) {
		const struct fw_entry *e = &map->entries[i];
		u64 end = e->addr + e->size;

		if (!e->size) {
			ret = add(r, LINT_ZERO_LENGTH, e->line, 0, e->addr, e->addr,
				  "e820__update_table() skips empty entries; harmless, but loaders that copy the table blindly keep them",
				  "zero-length %s entry at %#llx", fwmap_type_name(e->type),
				  (unsigned long long)e->addr);
			continue;
		}
		if (i && e->addr < map->entries[i - 1].addr)
			ret |= add(r, LINT_UNSORTED, e->line, map->entries[i - 1].line, e->addr, end,
				  "e820__update_table() sorts the change points; harmless to Linux, fatal to loaders that assume order",
				  "entry at %#llx comes after one at %#llx",
				  (unsigned long long)e->addr,
				  (unsigned long long)map->entries[i - 1].addr);
		if (!known_type(e->type))
			ret |= add(r, LINT_UNKNOWN_TYPE, e->line, 0, e->addr, end,
				  "Linux prints \"type N\" and treats it as reserved: never RAM, kept out of the PCI gap",
				  "type %u is not defined by ACPI 6 (reserved for future use or OEM)", e->type);
		if (e->type != E820_TYPE_RAM)
			continue;
		ram += e->size >= (-e->addr & (PAGE_SZ - 1)) + PAGE_SZ;	/* a whole page */
		if (e->addr < BIOS_START_MAX && (end > PAGE_SZ || !end)) {	/* page 0 and the BIOS area aside */
			u64 a = e->addr > PAGE_SZ ? e->addr : PAGE_SZ;
			u64 b = end && end < BIOS_START_MAX ? end : BIOS_START_MAX;

			a = (a + PAGE_SZ - 1) & ~(PAGE_SZ - 1);
			low_ram += b > a ? (b - a) & ~(PAGE_SZ - 1) : 0;
		}
		if ((e->addr | e->size) & (PAGE_SZ - 1))
			ret |= check_unaligned(r, e);
		if (e->addr < BIOS_END && (end > BIOS_BEGIN || !end))
			ret |= add(r, LINT_RAM_IN_BIOS_HOLE, e->line, 0,
				  e->addr > BIOS_BEGIN ? e->addr : BIOS_BEGIN,
				  end && end < BIOS_END ? end : BIOS_END,
				  "setup_arch() removes RAM in [0xa0000, 0x100000) (trim_bios_range: \"e820: remove [mem 0x000a0000-0x000fffff] usable\"); VGA memory and the BIOS ROM live there",
				  "usable [%#llx-%#llx) reaches into the legacy VGA/BIOS hole 640 KiB..1 MiB",
				  (unsigned long long)e->addr, (unsigned long long)end);
		if (end > (1 << 20) && e->addr < (1ULL << 32)) {
			u64 s = e->addr > (1 << 20) ? e->addr : (1 << 20);
			u64 t = !end || end > (1ULL << 32) ? (1ULL << 32) : end;

			ram_above_1m += t - s;
		}
	}
	if (!ret && map->nr_unnamed)
		ret = note(r, LINT_UNKNOWN_TYPE, map->first_unnamed, 0, 0,
			   "it printed these as \"type N\" and treats them as reserved: never RAM, kept out of the PCI gap; bootmm's log says \"reserved\" for them",
			   "%u entr%s \"Unknown E820 type\" (sysfs does not give the number): read as reserved",
			   map->nr_unnamed, map->nr_unnamed == 1 ? "y says" : "ies say");
	if (!ret)
		ret = check_overlaps(map, r);
	if (!ret && !ram)
		ret = add(r, LINT_NO_RAM, 0, 0, 0, 0,
			  "memblock gets no memory, so the boot dies at its first early allocation (in bootmm: the out-of-memory panic)",
			  "no usable entry holds a whole page: nothing for the kernel to run in");
	if (!ret && ram && !low_ram)
		ret = add(r, LINT_NO_LOW_RAM, 0, 0, 0, 0,
			  "reserve_real_mode() finds no room for the AP trampoline (\"No sub-1M memory is available for the trampoline\") and init_real_mode() panics: \"Real mode trampoline was not allocated\" (2.6/3.x: \"Cannot allocate trampoline\"); bootmm does not model the trampoline, so its boot goes on",
			  "no usable page between page 0 and the BIOS area (0x1000..0x9f000), where the kernel needs its real-mode trampoline");
	if (!ret && map->nr < 2)
		ret = add(r, LINT_TOO_FEW, 0, 0, 0, 0,
			  "append_e820_table() rejects a map of fewer than 2 entries; e820__memory_setup_default() then fakes 0..636 KiB and 1 MiB.. from max(alt_mem_k, ext_mem_k) (\"BIOS-e801\"/\"BIOS-88\")",
			  "only %zu entr%s", map->nr, map->nr == 1 ? "y" : "ies");
	if (!ret && map->nr > E820_KERNEL_MAX)
		ret = add(r, LINT_TOO_MANY, 0, 0, 0, 0,
			  "the zero page holds 128; a boot loader passes the rest in a SETUP_E820_EXT setup_data node; beyond the kernel table's size (128 + 3 per NUMA node) __e820__range_add() prints \"e820: too many entries; ignoring\" and drops them",
			  "%zu entries: %zu more than the kernel's table holds", map->nr,
			  map->nr - E820_KERNEL_MAX);
	else if (!ret && map->nr > E820_ZEROPAGE)
		ret = note(r, LINT_TOO_MANY, 0, 0, 0,
			   "harmless: the zero page holds 128; a boot loader passes the rest in a SETUP_E820_EXT setup_data node (e820__memory_setup_extended), and the kernel's table has room for them",
			   "%zu entries", map->nr);
	if (!ret)
		ret = check_e801(map, r, ram_above_1m);
	if (ret)
		return -1;
	for (i = 0; i < LINT_NR_KINDS; i++)
		total += r->per_kind[i];
	return (int)(total - r->notes);
}

/** lint_free() - release a report's findings. */
void lint_free(struct lint_report *r)
{
	free(r->items);
	memset(r, 0, sizeof(*r));
}

/**
 * lint_print() - the report as text, one finding per block:
 *   source:line: kind[ (note)]: what
 *       Linux: what Linux does
 */
void lint_print(FILE *f, const struct fw_map *map, const struct lint_report *r)
{
	size_t i, total = 0;

	fprintf(f, "Firmware map lint: %s, %zu entries\n", map->source, map->nr);
	for (i = 0; i < r->nr; i++) {
		const struct lint_finding *x = &r->items[i];

		if (x->line)
			fprintf(f, "%s:%u: %s%s: %s\n", map->source, x->line,
				lint_kind_name(x->kind), x->note ? " (note)" : "", x->what);
		else
			fprintf(f, "%s: %s%s: %s\n", map->source, lint_kind_name(x->kind),
				x->note ? " (note)" : "", x->what);
		fprintf(f, "    Linux: %s\n", x->behaviour);
	}
	for (i = 0; i < LINT_NR_KINDS; i++) {
		total += r->per_kind[i];
		if (r->per_kind[i] > LINT_MAX_PER_KIND)
			fprintf(f, "%s: %s: %zu more not shown\n", map->source, kind_names[i],
				r->per_kind[i] - LINT_MAX_PER_KIND);
	}
	total -= r->notes;
	if (total)
		fprintf(f, "%zu finding%s", total, total == 1 ? "" : "s");
	else
		fputs("no findings: the map is clean", f);
	if (r->notes)
		fprintf(f, " (%zu note%s)", r->notes, r->notes == 1 ? "" : "s");
	fputc('\n', f);
}
