// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the e820 sanitiser and range edits
 * (arch/x86/kernel/e820.c).  The input bytes become a table of up to
 * E820_MAX_ENTRIES entries on a small grid of "units" (placed at 0,
 * across 4 GiB, or just below 2^64).  e820__update_table() is checked
 * against an oracle that shares nothing with its change-point sweep: it
 * brute-forces every unit of the grid (the winning type is the highest
 * one among the entries covering that unit; type 0 is no memory), then
 * run-length encodes the units: a run continues while the type stays the
 * same, except that PRAM and SOFT_RESERVED also break at every unit where
 * some non-empty entry starts or ends; only the first E820_MAX_ENTRIES
 * runs are kept.  Tables with fewer than two entries or an entry wrapping
 * past 2^64 must come back untouched with -1.  Independently of the
 * oracle, the output must be sorted, non-overlapping, free of empty and
 * type-0 entries and merged (touching entries of one type only for the
 * no-merge types); it must be the same for the input in another order,
 * and stable under a second sanitise.  e820__mapped_any/_all() on the
 * result must agree with its units, and a random range update or removal
 * must change exactly the units the oracle says.
 *
 * Four more input kinds exercise the parsers of untrusted data: a random
 * zero page through e820__memory_setup(); a random "mem=" / "memmap="
 * command line through parse_early_param() and
 * e820__finish_early_params(), neither of which may crash or leave an
 * unsanitised table; a random setup_data list (loops, overlapping and
 * unmapped nodes, indirect nodes) through e820__reserve_setup_data(),
 * which may only turn RAM into RESERVED_KERN; and a random
 * SETUP_E820_EXT node through e820__memory_setup_extended().
 */
#include <stdint.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/init.h>
#include <asm/e820/api.h>
#include <asm/host.h>

/*
 * Grid sizes in units: a small grid makes touching entries and shared
 * change points common; the large one lets 131 entries fragment into more
 * than E820_MAX_ENTRIES pieces.
 */
#define COORDS		512
#define SMALL_COORDS	24
#define WRAP_UNITS	24		/* wrap mode: the grid's last unit ends at 2^64 */

/* An undefined-behaviour report is a finding, not a warning to scroll past. */
const char *__ubsan_default_options(void);
const char *__ubsan_default_options(void)
{
	return "halt_on_error=1:print_stacktrace=1";
}

static const u32 types[] = {
	0, E820_TYPE_RAM, E820_TYPE_RESERVED, E820_TYPE_ACPI, E820_TYPE_NVS,
	E820_TYPE_UNUSABLE, 6, E820_TYPE_PMEM, E820_TYPE_PRAM,
	E820_TYPE_RESERVED_KERN, E820_TYPE_SOFT_RESERVED, 0x1000,
};

struct input {
	const u8 *p;
	size_t n;
};

static u32 take(struct input *in, u32 bytes)
{
	u32 v = 0;

	while (bytes--) {
		v <<= 8;
		if (in->n) {
			v |= *in->p++;
			in->n--;
		}
	}
	return v;
}

static void die(const char *what, const struct e820_table *got,
		const struct e820_table *want)
{
	u32 i;

	fprintf(stderr, "e820_fuzz: %s\n got %u:", what, got->nr_entries);
	for (i = 0; i < got->nr_entries; i++)
		fprintf(stderr, " [%#llx +%#llx %u]", got->entries[i].addr,
			got->entries[i].size, got->entries[i].type);
	fprintf(stderr, "\n want %u:", want->nr_entries);
	for (i = 0; i < want->nr_entries; i++)
		fprintf(stderr, " [%#llx +%#llx %u]", want->entries[i].addr,
			want->entries[i].size, want->entries[i].type);
	fprintf(stderr, "\n");
	abort();
}

static bool same(const struct e820_table *a, const struct e820_table *b)
{
	return a->nr_entries == b->nr_entries &&
	       !memcmp(a->entries, b->entries, a->nr_entries * sizeof(a->entries[0]));
}

static bool nomerge(u32 type)
{
	return type == E820_TYPE_PRAM || type == E820_TYPE_SOFT_RESERVED;
}

/* Unit index of an address on the grid (addresses are base + k * unit). */
static u32 unit_of(u64 addr, u64 base, u64 unit)
{
	return (addr - base) / unit;
}

/*
 * The model: colour every unit with the highest type covering it, mark
 * every change point, then emit runs (a no-merge type starts a new entry
 * at each change point), keeping the first E820_MAX_ENTRIES.
 */
static void model(const struct e820_table *in, u64 base, u64 unit, struct e820_table *out)
{
	static u32 colour[COORDS + 1];
	static bool point[COORDS + 1];
	u32 i, c;

	memset(colour, 0, sizeof(colour));
	memset(point, 0, sizeof(point));
	for (i = 0; i < in->nr_entries; i++) {
		const struct e820_entry *e = &in->entries[i];
		u32 s = unit_of(e->addr, base, unit), n = e->size / unit;

		if (!e->size)
			continue;
		point[s] = point[s + n] = true;
		for (c = s; c < s + n; c++)
			colour[c] = max(colour[c], (u32)e->type);
	}

	out->nr_entries = 0;
	for (c = 0; c < COORDS; c++) {
		struct e820_entry *last = out->nr_entries ? &out->entries[out->nr_entries - 1] : NULL;
		u64 addr = base + c * unit;

		if (!colour[c])
			continue;
		if (last && last->type == colour[c] && last->addr + last->size == addr &&
		    !(nomerge(colour[c]) && point[c])) {
			last->size += unit;
			continue;
		}
		if (out->nr_entries == E820_MAX_ENTRIES)
			break;
		out->entries[out->nr_entries].addr = addr;
		out->entries[out->nr_entries].size = unit;
		out->entries[out->nr_entries].type = colour[c];
		out->nr_entries++;
	}
}

/* Per-unit types of a sanitised (sorted, disjoint) table. */
static void colours(const struct e820_table *t, u64 base, u64 unit, u32 *colour)
{
	u32 i, c;

	memset(colour, 0, (COORDS + 1) * sizeof(*colour));
	for (i = 0; i < t->nr_entries; i++) {
		u32 s = unit_of(t->entries[i].addr, base, unit);

		for (c = s; c < s + t->entries[i].size / unit; c++)
			colour[c] = t->entries[i].type;
	}
}

/*
 * Retype or remove units [s, s + n) of a sanitised table and check the
 * bytes returned and, after another sanitise, the colour of every unit.
 */
static void check_edit(struct e820_table *t, struct input *in, u64 base, u64 unit,
		       u32 grid)
{
	static u32 before[COORDS + 1], after[COORDS + 1];
	static struct e820_table edited;
	u32 s = take(in, 2) % grid, n = take(in, 2) % (grid - s + 1);
	u32 op = take(in, 1), old = types[take(in, 1) % ARRAY_SIZE(types)];
	u32 new = types[take(in, 1) % ARRAY_SIZE(types)];
	bool check_type = op & 2;
	u64 changed, expect = 0;
	u32 c;

	/* A full table drops the split-off pieces (memory is lost, as in Linux). */
	if (t->nr_entries + 2 > E820_MAX_ENTRIES)
		return;
	if (op & 1 && old == new)
		return;	/* a BUG in Linux */

	colours(t, base, unit, before);
	edited = *t;
	if (op & 1)
		changed = e820__range_update_table(&edited, base + s * unit, n * unit, old, new);
	else
		changed = __e820__range_remove(&edited, base + s * unit, n * unit, old, check_type);

	for (c = s; c < s + n; c++) {
		if (!before[c] || ((op & 1 || check_type) && before[c] != old))
			continue;
		before[c] = op & 1 ? new : 0;
		expect += unit;
	}
	if (changed != expect) {
		fprintf(stderr, "e820_fuzz: edit op %u [%u +%u) %u->%u returned %#llx, want %#llx\n",
			op, s, n, old, new, changed, expect);
		abort();
	}

	/* Two entries or more, none wrapping: the sanitiser must accept it. */
	if (edited.nr_entries >= 2 && e820__update_table(&edited) != 0)
		die("edited table refused", &edited, t);
	colours(&edited, base, unit, after);
	if (memcmp(before, after, sizeof(before)))
		die("edit changed the wrong units", &edited, t);
}

/*
 * __e820__mapped_any/_all() on units [s, s + n) of a sanitised table
 * against its unit colours: "any" if one unit has the type (or any type,
 * for 0), "all" if every unit does.
 */
static void check_queries(const struct e820_table *t, struct input *in, u64 base,
			  u64 unit, u32 grid)
{
	static u32 colour[COORDS + 1];
	u32 s = take(in, 2) % grid, n = 1 + take(in, 2) % (grid - s);
	u32 type = types[take(in, 1) % ARRAY_SIZE(types)], c;
	bool any = false, all = true;

	colours(t, base, unit, colour);
	for (c = s; c < s + n; c++) {
		bool hit = type ? colour[c] == type : colour[c] != 0;

		any |= hit;
		all &= hit;
	}
	if (__e820__mapped_any(t, base + s * unit, base + (s + n) * unit, type) != any ||
	    __e820__mapped_all(t, base + s * unit, base + (s + n) * unit, type) != all) {
		fprintf(stderr, "e820_fuzz: mapped_any/all [%u +%u) type %u: want any %d all %d\n",
			s, n, type, any, all);
		die("query", t, t);
	}
}

/* Sorted, disjoint, non-empty entries of a known type: a sanitised table. */
static bool sanitised(const struct e820_table *t)
{
	u32 i;

	for (i = 0; i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];

		if (!e->size || !e->type || e->addr + e->size < e->addr)
			return false;
		if (i && t->entries[i - 1].addr + t->entries[i - 1].size > e->addr)
			return false;
	}
	return true;
}

/*
 * What a sanitised table looks like, checked without the oracle: sorted,
 * disjoint, no empty or type-0 entry, at most E820_MAX_ENTRIES, and two
 * touching entries of one type only where that type is never merged.
 */
static bool well_formed(const struct e820_table *t)
{
	u32 i;

	if (t->nr_entries > E820_MAX_ENTRIES || !sanitised(t))
		return false;
	for (i = 1; i < t->nr_entries; i++) {
		const struct e820_entry *a = &t->entries[i - 1], *b = &t->entries[i];

		if (a->addr + a->size == b->addr && a->type == b->type && !nomerge(a->type))
			return false;
	}
	return true;
}

/* What e820__update_table() may leave: sanitised, or refused and raw. */
static void check_result(const struct e820_table *t, const char *what)
{
	u32 i;

	if (t->nr_entries > E820_MAX_ENTRIES)
		die(what, t, t);
	if (t->nr_entries < 2 || sanitised(t))
		return;
	for (i = 0; i < t->nr_entries; i++)
		if (t->entries[i].addr + t->entries[i].size < t->entries[i].addr)
			return;
	die(what, t, t);
}

/* A zero page made of the input: count, entries, E801 and 88h results. */
static void fuzz_boot_params(struct input *in)
{
	static struct boot_params bp;
	u32 i;

	memset(&bp, 0, sizeof(bp));
	bp.e820_entries = take(in, 1);
	bp.alt_mem_k = take(in, 4);
	bp.screen_info.ext_mem_k = take(in, 2);
	for (i = 0; i < E820_MAX_ENTRIES_ZEROPAGE && in->n; i++) {
		u64 a = (u64)take(in, 4) << 32 | take(in, 4);
		u64 s = (u64)take(in, 4) << 32 | take(in, 4);

		bp.e820_table[i] = (struct boot_e820_entry){ a, s, take(in, 4) };
	}
	e820_table->nr_entries = 0;
	e820__memory_setup(&bp);
	check_result(e820_table, "e820__memory_setup left an unsanitised table");
}

static jmp_buf panic_jmp;

/* Only Linux's own verdict on a one-entry user map may stop the boot. */
static void panic_to_fuzzer(const char *msg)
{
	if (strcmp(msg, "Invalid user supplied memory map")) {
		fprintf(stderr, "e820_fuzz: unexpected panic: %s\n", msg);
		abort();
	}
	longjmp(panic_jmp, 1);
}

/* QEMU's SeaBIOS map for -m 1G, the table the parser modes start from. */
static const struct boot_e820_entry seabios[] = {
	{ 0, 0x9fc00, 1 }, { 0x9fc00, 0x400, 2 }, { 0xf0000, 0x10000, 2 },
	{ 0x100000, 0x3fee0000, 1 }, { 0x3ffe0000, 0x20000, 2 },
	{ 0xfffc0000, 0x40000, 2 },
};

static void load_seabios(void)
{
	e820_table->nr_entries = 0;
	append_e820_table(e820_table, seabios, ARRAY_SIZE(seabios));
	e820__update_table(e820_table);
	memcpy(e820_table_firmware, e820_table, sizeof(*e820_table));
}

/* "mem=" or "memmap=" and the input's text, on the 1 GiB SeaBIOS map. */
static void fuzz_cmdline(struct input *in)
{
	static char line[COMMAND_LINE_SIZE];
	size_t len;

	len = snprintf(line, sizeof(line), "%s", take(in, 1) & 1 ? "memmap=" : "mem=");
	while (in->n && len < 512) {
		char c = take(in, 1);

		if (!c)
			break;
		line[len++] = c;
	}
	line[len] = 0;

	load_seabios();

	host_panic_handler = panic_to_fuzzer;
	if (setjmp(panic_jmp) == 0) {
		parse_early_param(line);
		e820__finish_early_params();
		check_result(e820_table, "mem=/memmap= left an unsanitised table");
	}
	host_panic_handler = NULL;
}

/*
 * setup_data nodes live in simulated RAM [0, SD_ARENA), which is also
 * where e820__reserve_setup_data() may read (map_end); node addresses
 * reach a little past it, and "next" pointers anywhere.
 */
#define SD_ARENA	0x40000
#define SD_NODES	16

/* Bytes of RAM + RESERVED_KERN, and of every other type, in a sanitised table. */
static void sums(const struct e820_table *t, u64 *ram, u64 *other)
{
	u32 i;

	*ram = *other = 0;
	for (i = 0; i < t->nr_entries; i++) {
		if (t->entries[i].type == E820_TYPE_RAM ||
		    t->entries[i].type == E820_TYPE_RESERVED_KERN)
			*ram += t->entries[i].size;
		else
			*other += t->entries[i].size;
	}
}

static void fuzz_setup_data(struct input *in)
{
	u64 addr[SD_NODES], head, ram, other, ram2, other2;
	u32 n = take(in, 1) % (SD_NODES + 1), i;

	if (sim_ram_size() < SD_ARENA && sim_ram_setup(SD_ARENA))
		abort();
	memset(__va(0), 0, SD_ARENA);

	for (i = 0; i < n; i++)
		addr[i] = take(in, 3) % (SD_ARENA + 64);
	for (i = 0; i < n; i++) {
		u32 sel = take(in, 1) % (n + 2), kind = take(in, 1), len = take(in, 2) % 0x2000;
		u64 next = sel < n ? addr[sel] : sel == n ? 0 : take(in, 4);
		struct setup_data sd = { .next = next, .len = len };
		struct setup_indirect ind = { 0 };
		u8 *node = __va(addr[i]);

		/* Write the node only where the arena has room for it. */
		if (addr[i] + sizeof(sd) + max(len, (u32)sizeof(ind)) > SD_ARENA)
			continue;
		sd.type = kind & 0x80 ? SETUP_INDIRECT : kind % (SETUP_ENUM_MAX + 1);
		if (sd.type == SETUP_INDIRECT) {
			ind.type = kind & 0x40 ? SETUP_INDIRECT : SETUP_INDIRECT | SETUP_PCI;
			ind.len = take(in, 4);
			ind.addr = take(in, 4);
			memcpy(node + sizeof(sd), &ind, sizeof(ind));
		}
		memcpy(node, &sd, sizeof(sd));
	}
	head = !n ? 0 : take(in, 1) & 1 ? take(in, 4) : addr[0];

	load_seabios();
	sums(e820_table, &ram, &other);
	e820__reserve_setup_data(head, SD_ARENA);

	/* It may stop early and unsorted; sanitised, only RAM changed type. */
	if (e820__update_table(e820_table) != 0 || !well_formed(e820_table))
		die("setup_data left a table the sanitiser refuses", e820_table, e820_table);
	sums(e820_table, &ram2, &other2);
	if (ram2 != ram || other2 != other) {
		fprintf(stderr, "e820_fuzz: setup_data changed RAM %#llx -> %#llx, other %#llx -> %#llx\n",
			ram, ram2, other, other2);
		abort();
	}
}

/*
 * A SETUP_E820_EXT node at 4 KiB with entries from the input and a
 * buffer length that may disagree with the node's own: the table must
 * come out sanitised (or refused for a wrapping entry), and the firmware
 * copy must equal it.
 */
static void fuzz_e820_ext(struct input *in)
{
	const u64 pa = 0x1000 + take(in, 1) % 8;	/* nodes need not be aligned */
	struct setup_data hdr = { .type = SETUP_E820_EXT };
	u8 *node;
	u32 data_len, i;

	if (sim_ram_size() < SD_ARENA && sim_ram_setup(SD_ARENA))
		abort();
	node = __va(pa);
	memset(node, 0, SD_ARENA - pa);
	hdr.len = take(in, 2);
	memcpy(node, &hdr, sizeof(hdr));
	data_len = take(in, 2) % (SD_ARENA - pa);
	for (i = 0; i < (SD_ARENA - pa - sizeof(hdr)) / 20 && in->n; i++) {
		struct boot_e820_entry *e = (struct boot_e820_entry *)(node + sizeof(hdr)) + i;
		u64 a = (u64)take(in, 4) << 32 | take(in, 4);
		u64 sz = (u64)take(in, 4) << 32 | take(in, 4);

		*e = (struct boot_e820_entry){ a, sz, types[take(in, 1) % ARRAY_SIZE(types)] };
	}

	load_seabios();
	e820__memory_setup_extended(pa, data_len);
	check_result(e820_table, "SETUP_E820_EXT left an unsanitised table");
	if (e820_table_firmware->nr_entries != e820_table->nr_entries ||
	    memcmp(e820_table_firmware->entries, e820_table->entries,
		   e820_table->nr_entries * sizeof(e820_table->entries[0])))
		die("firmware table differs after SETUP_E820_EXT", e820_table_firmware, e820_table);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct e820_table t, orig, want, again;
	struct input in = { data, size };
	u32 mode = take(&in, 1), shift = take(&in, 1) % 32;
	u32 grid = mode & 0x80 ? COORDS : SMALL_COORDS;
	u32 n = take(&in, 1) % (E820_MAX_ENTRIES + 1);
	u64 unit = 1ULL << shift, base;
	bool wraps = false;
	u32 i;
	int ret;

	host_console_quiet(true);

	switch (mode >> 5 & 3) {
	case 1:
		if (mode & 0x80)
			fuzz_e820_ext(&in);
		else
			fuzz_setup_data(&in);
		return 0;
	case 2:
		fuzz_boot_params(&in);
		return 0;
	case 3:
		fuzz_cmdline(&in);
		return 0;
	}

	switch (mode % 3) {
	case 0:
		base = 0;
		break;
	case 1:		/* the grid straddles 4 GiB */
		base = 0x100000000ULL - (grid / 2) * unit;
		if (base > 0x100000000ULL)
			base = 0;
		break;
	default:	/* the grid's end is 2^64: entries may wrap */
		base = -(WRAP_UNITS * unit);
		break;
	}

	t.nr_entries = 0;
	for (i = 0; i < n && in.n; i++) {
		u32 a, s, ty = types[take(&in, 1) % ARRAY_SIZE(types)];

		if (mode % 3 == 2) {
			a = take(&in, 1) % WRAP_UNITS;
			s = take(&in, 1) % (WRAP_UNITS + 4 - a);
			if (s && a + s >= WRAP_UNITS)
				wraps = true;	/* ends at or past 2^64 */
		} else {
			a = take(&in, 2) % grid;
			s = take(&in, 2) % (grid - a + 1);
		}
		__e820__range_add(&t, base + a * unit, (u64)s * unit, ty);
	}

	orig = t;
	ret = e820__update_table(&t);

	if (orig.nr_entries < 2 || wraps) {
		if (ret != -1 || !same(&t, &orig))
			die("want -1 and the table untouched", &t, &orig);
		return 0;
	}
	if (ret != 0)
		die("sanitiser refused a valid table", &t, &orig);

	model(&orig, base, unit, &want);
	if (!same(&t, &want))
		die("differs from the model", &t, &want);
	if (!well_formed(&t))
		die("output not sorted, disjoint and merged", &t, &want);

	/* Any order of the same entries gives the same table. */
	again = orig;
	for (i = again.nr_entries - 1; i > 0; i--) {
		u32 j = take(&in, 1) % (i + 1);
		struct e820_entry tmp = again.entries[i];

		again.entries[i] = again.entries[j];
		again.entries[j] = tmp;
	}
	if (e820__update_table(&again) != 0 || !same(&again, &t))
		die("depends on the input order", &again, &t);

	again = t;
	ret = e820__update_table(&again);
	if (ret != (t.nr_entries < 2 ? -1 : 0) || !same(&again, &t))
		die("not idempotent", &again, &t);

	if (mode % 3 != 2) {
		check_queries(&t, &in, base, unit, grid);
		check_edit(&t, &in, base, unit, grid);
	}
	return 0;
}
