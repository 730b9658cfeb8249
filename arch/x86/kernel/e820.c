// SPDX-License-Identifier: GPL-2.0
/*
 * The x86 e820 memory map: the firmware's list of physical address ranges
 * and their types, as the kernel keeps, cleans up, edits and hands on to
 * memblock.  Behaviour and log lines follow Linux 6.12's
 * arch/x86/kernel/e820.c, so a bootmm log reads like a Linux log for the
 * same firmware map; where Linux would read out of bounds or overflow on
 * bad input, bootmm checks and says so (each such place is marked).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/memblock.h>
#include <asm/page.h>
#include <asm/e820/api.h>

/**
 * DOC: e820 overview
 *
 * Three tables, as in Linux:
 *
 * - e820_table: the working copy.  Boot code and the mem=/memmap=
 *   parameters edit it, then e820__memblock_setup() feeds its RAM to
 *   memblock.
 * - e820_table_kexec: a copy only kexec-related code edits.
 * - e820_table_firmware: the map exactly as the firmware gave it (after
 *   sanitising), for /sys/firmware/memmap in Linux.
 *
 * Edits (e820__range_add/_update/_remove) only append, trim or zero
 * entries; the result may be unsorted and overlapping until the next
 * e820__update_table(), which rebuilds a sorted, non-overlapping table.
 *
 * Where bootmm differs from Linux 6.12 (everything else, including the
 * sanitiser's edge cases and return values, is meant to be identical):
 *
 * - e820__memory_setup() and e820__memory_setup_default() take the zero
 *   page as an argument instead of reading a global boot_params, so the
 *   simulator and tests can pass their own; e820__reserve_setup_data()
 *   takes the list head and the end of what the caller has mapped.
 * - Workhorses that take the table (__e820__range_add,
 *   __e820__range_remove, __e820__mapped_any/_all, __e820__print_table,
 *   __e820__end_ram_pfn with the arch limit as a parameter,
 *   e820_search_gap) are public, for tests and the simulator.
 * - Bad input that would make Linux read out of bounds, hang or BUG is
 *   refused with a message: an e820_entries count above 128, a
 *   SETUP_E820_EXT node longer than its buffer, a setup_data list that
 *   loops, an indirect node too short for its payload, memmap=nn%ss-T+T
 *   with equal types.
 * - __e820__end_ram_pfn() computes page numbers in 64 bits: Linux's i386
 *   build truncates them for RAM at or above 2^44 (16 TiB).
 * - phys_addr_t is 64 bits everywhere, so __e820__memblock_setup() takes
 *   the width of the modelled kernel's resource_size_t (32 bits on i386
 *   without PAE) instead of using the type.
 * - mem=nopentium is reported as ignored (no PSE switch here).
 * - "e820.legacy_format" selects the 2.6 table format the seeds show.
 * - e820__setup_pci_gap() uses the 32-bit kernel's fallback (256 MiB).
 */
static struct e820_table e820_table_init		__initdata;
static struct e820_table e820_table_kexec_init		__initdata;
static struct e820_table e820_table_firmware_init	__initdata;

struct e820_table *e820_table __refdata			= &e820_table_init;
struct e820_table *e820_table_kexec __refdata		= &e820_table_kexec_init;
struct e820_table *e820_table_firmware __refdata	= &e820_table_firmware_init;

/* Linux's "nothing found yet" marker, replaced by e820__setup_pci_gap(). */
unsigned long pci_mem_start = 0xaeedbabe;

bool e820_legacy_format;

/* ------------------------------------------------------------ queries */

/**
 * __e820__mapped_any() - does any part of [@start, @end) have type @type?
 * @table: the table to search
 * @start: first byte
 * @end: one past the last byte
 * @type: the type to look for, or 0 for any type
 *
 * Return: true if some entry of that type overlaps the range.
 */
bool __e820__mapped_any(const struct e820_table *table, u64 start, u64 end,
			enum e820_type type)
{
	u32 i;

	for (i = 0; i < table->nr_entries; i++) {
		const struct e820_entry *entry = &table->entries[i];

		if (type && entry->type != type)
			continue;
		if (entry->addr >= end || entry->addr + entry->size <= start)
			continue;
		return true;
	}
	return false;
}

/** e820__mapped_raw_any() - __e820__mapped_any() on the firmware's table. */
bool e820__mapped_raw_any(u64 start, u64 end, enum e820_type type)
{
	return __e820__mapped_any(e820_table_firmware, start, end, type);
}

/** e820__mapped_any() - __e820__mapped_any() on e820_table. */
bool e820__mapped_any(u64 start, u64 end, enum e820_type type)
{
	return __e820__mapped_any(e820_table, start, end, type);
}

/*
 * Walk the entries in order, moving @start past each one that covers it:
 * only meaningful on a sorted, non-overlapping table (a sanitised one).
 * Returns the entry that completed the coverage.
 */
static const struct e820_entry *e820_mapped_all_entry(const struct e820_table *table,
							u64 start, u64 end,
							enum e820_type type)
{
	u32 i;

	for (i = 0; i < table->nr_entries; i++) {
		const struct e820_entry *entry = &table->entries[i];

		if (type && entry->type != type)
			continue;
		if (entry->addr >= end || entry->addr + entry->size <= start)
			continue;
		if (entry->addr <= start)
			start = entry->addr + entry->size;
		if (start >= end)
			return entry;
	}
	return NULL;
}

/**
 * __e820__mapped_all() - is all of [@start, @end) covered by type @type?
 * @table: a sanitised table
 * @start: first byte
 * @end: one past the last byte
 * @type: the type, or 0 for "any type" (i.e. no hole in the map)
 *
 * Return: true if entries of that type cover the whole range.
 */
bool __e820__mapped_all(const struct e820_table *table, u64 start, u64 end,
			enum e820_type type)
{
	return e820_mapped_all_entry(table, start, end, type) != NULL;
}

/** e820__mapped_all() - __e820__mapped_all() on e820_table. */
bool e820__mapped_all(u64 start, u64 end, enum e820_type type)
{
	return __e820__mapped_all(e820_table, start, end, type);
}

/**
 * e820__get_entry_type() - the type of the entry covering [@start, @end)
 * @start: first byte
 * @end: one past the last byte
 *
 * Return: the type of the entry that completes the coverage of the range
 * in e820_table, or -EINVAL if the range has a hole.
 */
int e820__get_entry_type(u64 start, u64 end)
{
	const struct e820_entry *entry = e820_mapped_all_entry(e820_table, start, end, 0);

	return entry ? (int)entry->type : -EINVAL;
}

/* ------------------------------------------------------------ printing */

static void __init e820_print_type(enum e820_type type)
{
	switch (type) {
	case E820_TYPE_RAM:
	case E820_TYPE_RESERVED_KERN:	pr_cont("usable");			break;
	case E820_TYPE_RESERVED:	pr_cont("reserved");			break;
	case E820_TYPE_SOFT_RESERVED:	pr_cont("soft reserved");		break;
	case E820_TYPE_ACPI:		pr_cont("ACPI data");			break;
	case E820_TYPE_NVS:		pr_cont("ACPI NVS");			break;
	case E820_TYPE_UNUSABLE:	pr_cont("unusable");			break;
	case E820_TYPE_PMEM:
	case E820_TYPE_PRAM:		pr_cont("persistent (type %u)", type);	break;
	default:			pr_cont("type %u", type);		break;
	}
}

/* The 2.6 kernels' names: fewer types, in parentheses (none for "type N"). */
static void __init e820_print_type_legacy(enum e820_type type)
{
	switch (type) {
	case E820_TYPE_RAM:
	case E820_TYPE_RESERVED_KERN:	pr_cont("(usable)");		break;
	case E820_TYPE_RESERVED:	pr_cont("(reserved)");		break;
	case E820_TYPE_ACPI:		pr_cont("(ACPI data)");		break;
	case E820_TYPE_NVS:		pr_cont("(ACPI NVS)");		break;
	case E820_TYPE_UNUSABLE:	pr_cont("(unusable)");		break;
	default:			pr_cont("type %u", type);	break;
	}
}

/**
 * __e820__print_table() - print @table, one KERN_INFO line per entry
 * @table: the table
 * @who: the label ("BIOS-e820", "user", "modified", ...)
 *
 * Linux 6.1's format, end inclusive:
 *   "BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable"
 * or, with e820_legacy_format, the 2.6 format, end exclusive:
 *   " BIOS-e820: 0000000000000000 - 000000000009fc00 (usable)"
 */
void __init __e820__print_table(const struct e820_table *table, const char *who)
{
	u32 i;

	for (i = 0; i < table->nr_entries; i++) {
		const struct e820_entry *entry = &table->entries[i];

		if (e820_legacy_format) {
			pr_info(" %s: %016Lx - %016Lx ", who, entry->addr,
				entry->addr + entry->size);
			e820_print_type_legacy(entry->type);
		} else {
			pr_info("%s: [mem %#018Lx-%#018Lx] ", who, entry->addr,
				entry->addr + entry->size - 1);
			e820_print_type(entry->type);
		}
		pr_cont("\n");
	}
}

/** e820__print_table() - print e820_table (see __e820__print_table()). */
void __init e820__print_table(const char *who)
{
	__e820__print_table(e820_table, who);
}

static int __init parse_e820_legacy_format(char *arg)
{
	if (!arg) {
		e820_legacy_format = true;
		return 0;
	}
	return kstrtobool(arg, &e820_legacy_format);
}
early_param("e820.legacy_format", parse_e820_legacy_format);

/* ------------------------------------------------------------ edits */

/**
 * __e820__range_add() - append [@start, @start + @size) of @type to @table
 * @table: the table
 * @start: first byte
 * @size: length in bytes (not checked: e820__update_table() rejects
 *	  wrapping entries and drops empty ones)
 * @type: the type
 *
 * A full table drops the entry with an error line, as Linux does.
 */
void __init __e820__range_add(struct e820_table *table, u64 start, u64 size,
			      enum e820_type type)
{
	u32 x = table->nr_entries;

	if (x >= ARRAY_SIZE(table->entries)) {
		pr_err("too many entries; ignoring [mem %#010llx-%#010llx]\n",
		       start, start + size - 1);
		return;
	}

	table->entries[x].addr = start;
	table->entries[x].size = size;
	table->entries[x].type = type;
	table->nr_entries++;
}

/** e820__range_add() - __e820__range_add() on e820_table. */
void __init e820__range_add(u64 start, u64 size, enum e820_type type)
{
	__e820__range_add(e820_table, start, size, type);
}

/*
 * Retype (to *new_type) or remove (new_type NULL) the parts of entries of
 * type *old_type (any type if old_type is NULL) inside [start, end).  An entry that straddles the range keeps
 * its head in place; the retyped middle and any tail are appended:
 *
 *   entry      |AAAAAAAAAAAAAAAA|          range    [----)
 *   retype     |AAAA|    |AAAAAA| + |BBBB|   (tail and middle appended)
 *   remove     |AAAA|    |AAAAAA|            (tail appended)
 *
 * An entry fully inside the range is retyped in place, or zeroed
 * (addr = size = type = 0) when removing.  Returns the bytes changed.
 */
static u64 __init e820_range_edit(struct e820_table *table, u64 start, u64 end,
				  const enum e820_type *old_type,
				  const enum e820_type *new_type)
{
	u64 changed = 0;
	u32 i;

	for (i = 0; i < table->nr_entries; i++) {
		struct e820_entry *entry = &table->entries[i];
		u64 entry_end, final_start, final_end;

		if (old_type && entry->type != *old_type)
			continue;

		entry_end = entry->addr + entry->size;

		/* Completely covered by the range? */
		if (entry->addr >= start && entry_end <= end) {
			changed += entry->size;
			if (new_type)
				entry->type = *new_type;
			else
				memset(entry, 0, sizeof(*entry));
			continue;
		}

		/* The range lies strictly inside the entry: split in three. */
		if (entry->addr < start && entry_end > end) {
			if (new_type)
				__e820__range_add(table, start, end - start, *new_type);
			__e820__range_add(table, end, entry_end - end, entry->type);
			entry->size = start - entry->addr;
			changed += end - start;
			continue;
		}

		/* Partial overlap at the head or the tail of the entry. */
		final_start = max(start, entry->addr);
		final_end = min(end, entry_end);
		if (final_start >= final_end)
			continue;

		if (new_type)
			__e820__range_add(table, final_start, final_end - final_start,
					  *new_type);
		changed += final_end - final_start;

		entry->size -= final_end - final_start;
		if (entry->addr < final_start)
			continue;
		entry->addr = final_end;
	}
	return changed;
}

/**
 * e820__range_update_table() - retype @old_type parts of a range in @t
 * @t: the table
 * @start: first byte
 * @size: length; clipped so that the range ends by 2^64 - 1
 * @old_type: only entries of this type change
 * @new_type: their new type (must differ from @old_type: a BUG, as Linux)
 *
 * Prints "e820: update [mem 0x...-0x...] <old> ==> <new>" at KERN_DEBUG.
 * The table is left unsorted; run e820__update_table() after.
 *
 * Return: the number of bytes retyped.
 */
u64 __init e820__range_update_table(struct e820_table *t, u64 start, u64 size,
				    enum e820_type old_type, enum e820_type new_type)
{
	u64 end;

	BUG_ON(old_type == new_type);

	if (size > (ULLONG_MAX - start))
		size = ULLONG_MAX - start;
	end = start + size;

	printk(KERN_DEBUG "e820: update [mem %#010Lx-%#010Lx] ", start, end - 1);
	e820_print_type(old_type);
	pr_cont(" ==> ");
	e820_print_type(new_type);
	pr_cont("\n");

	return e820_range_edit(t, start, end, &old_type, &new_type);
}

/** e820__range_update() - e820__range_update_table() on e820_table. */
u64 __init e820__range_update(u64 start, u64 size, enum e820_type old_type,
			      enum e820_type new_type)
{
	return e820__range_update_table(e820_table, start, size, old_type, new_type);
}

/**
 * __e820__range_remove() - take a range out of @table
 * @table: the table
 * @start: first byte
 * @size: length; clipped so that the range ends by 2^64 - 1
 * @old_type: with @check_type, only entries of this type lose the range
 * @check_type: false to remove the range from entries of every type
 *
 * Prints "e820: remove [mem 0x...-0x...] <old>" at KERN_DEBUG (the type
 * only with @check_type).  Covered entries become zero entries that the
 * next e820__update_table() drops.
 *
 * Return: the number of bytes removed.
 */
u64 __init __e820__range_remove(struct e820_table *table, u64 start, u64 size,
				enum e820_type old_type, bool check_type)
{
	u64 end;

	if (size > (ULLONG_MAX - start))
		size = ULLONG_MAX - start;
	end = start + size;

	printk(KERN_DEBUG "e820: remove [mem %#010Lx-%#010Lx] ", start, end - 1);
	if (check_type)
		e820_print_type(old_type);
	pr_cont("\n");

	return e820_range_edit(table, start, end, check_type ? &old_type : NULL, NULL);
}

/** e820__range_remove() - __e820__range_remove() on e820_table. */
u64 __init e820__range_remove(u64 start, u64 size, enum e820_type old_type,
			      bool check_type)
{
	return __e820__range_remove(e820_table, start, size, old_type, check_type);
}

/* ------------------------------------------------------------ sanitiser */

/*
 * Sanitising, as Linux (since 2.4) does it: entries may overlap and come
 * in any order; the result is sorted, non-overlapping, and where entries
 * overlap the numerically highest type wins ("1=usable, 2,3,4,4+=unusable").
 * Example (digits are types, one column per unit of address):
 *
 *	Sample memory map (w/overlaps):
 *	   ____22__________________
 *	   ______________________4_
 *	   ____1111________________
 *	   _44_____________________
 *	   11111111________________
 *	   ____________________33__
 *	   ___________44___________
 *	   __________33333_________
 *	   ______________22________
 *	   ___________________2222_
 *	   _________111111111______
 *	   _____________________11_
 *	   _________________4______
 *
 *	Sanitized equivalent (no overlap):
 *	   1_______________________
 *	   _44_____________________
 *	   ___1____________________
 *	   ____22__________________
 *	   ______11________________
 *	   _________1______________
 *	   __________3_____________
 *	   ___________44___________
 *	   _____________33_________
 *	   _______________2________
 *	   ________________1_______
 *	   _________________4______
 *	   ___________________2____
 *	   ____________________33__
 *	   ______________________4_
 *
 * Method: every non-empty entry gives two change points, its start and its
 * end.  Sorted by address (a start before an end at the same address, so
 * touching entries of one type merge), a sweep keeps the set of entries
 * open at each point; the output type is the highest type in that set.
 */
struct change_member {
	/* The entry this point starts or ends. */
	struct e820_entry	*entry;
	/* The point's address: entry->addr, or entry->addr + entry->size. */
	unsigned long long	addr;
};

/* Scratch space, static as in Linux: the sanitiser runs single-threaded at boot. */
static struct change_member	change_point[2 * E820_MAX_ENTRIES]	__initdata;
static struct e820_entry	*overlap_list[E820_MAX_ENTRIES]		__initdata;
static struct e820_entry	new_entries[E820_MAX_ENTRIES]		__initdata;

/* Order by address; at equal addresses a start point comes first. */
static int __init cpcompare(const struct change_member *a, const struct change_member *b)
{
	if (a->addr != b->addr)
		return a->addr > b->addr ? 1 : -1;
	return (a->addr != a->entry->addr) - (b->addr != b->entry->addr);
}

/*
 * Insertion sort: at most 2 * E820_MAX_ENTRIES points, usually a dozen,
 * mostly in order already.  The result does not depend on how ties of
 * the same kind are ordered (only the maximum type of the open set counts).
 */
static void __init sort_change_points(struct change_member *cp, u32 n)
{
	u32 i, j;

	for (i = 1; i < n; i++) {
		struct change_member key = cp[i];

		for (j = i; j > 0 && cpcompare(&cp[j - 1], &key) > 0; j--)
			cp[j] = cp[j - 1];
		cp[j] = key;
	}
}

/*
 * PRAM and SOFT_RESERVED ranges may mark platform boundaries (NUMA node,
 * protection or performance domain): never merge them, not even with a
 * neighbour of the same type.
 */
static bool __init e820_nomerge(enum e820_type type)
{
	return type == E820_TYPE_PRAM || type == E820_TYPE_SOFT_RESERVED;
}

/**
 * e820__update_table() - sanitise @table in place
 * @table: the table; nr_entries must not exceed E820_MAX_ENTRIES (a BUG)
 *
 * Rewrites the table sorted and without overlaps (the highest type wins),
 * drops empty entries and merges touching or overlapping entries of one
 * type, except PRAM and SOFT_RESERVED, which are split at every change
 * point inside them.  If the result needs more than E820_MAX_ENTRIES
 * entries it is silently cut there, as in Linux.
 *
 * Return: 0 when the table was rewritten; -1, with the table untouched,
 * when it has fewer than two entries or any entry wraps past 2^64 (an
 * entry ending exactly at 2^64 counts as wrapping).
 */
int __init e820__update_table(struct e820_table *table)
{
	struct e820_entry *entries = table->entries;
	u32 max_nr_entries = ARRAY_SIZE(table->entries);
	enum e820_type current_type, last_type;
	unsigned long long last_addr;
	u32 new_nr_entries, overlap_entries;
	u32 i, chg_idx, chg_nr;

	/* If there's only one memory region, don't bother: */
	if (table->nr_entries < 2)
		return -1;

	BUG_ON(table->nr_entries > max_nr_entries);

	/* Bail out if we find any unreasonable addresses in the map: */
	for (i = 0; i < table->nr_entries; i++) {
		if (entries[i].addr + entries[i].size < entries[i].addr)
			return -1;
	}

	/* Record the start and end of every non-empty entry. */
	chg_nr = 0;
	for (i = 0; i < table->nr_entries; i++) {
		if (entries[i].size == 0)
			continue;
		change_point[chg_nr].addr = entries[i].addr;
		change_point[chg_nr++].entry = &entries[i];
		change_point[chg_nr].addr = entries[i].addr + entries[i].size;
		change_point[chg_nr++].entry = &entries[i];
	}
	sort_change_points(change_point, chg_nr);

	overlap_entries = 0;	/* entries open at the current point */
	new_nr_entries = 0;	/* output entries closed so far */
	last_type = 0;		/* 0: no output entry open */
	last_addr = 0;		/* where the open output entry started */

	for (chg_idx = 0; chg_idx < chg_nr; chg_idx++) {
		struct change_member *cp = &change_point[chg_idx];

		if (cp->addr == cp->entry->addr) {
			overlap_list[overlap_entries++] = cp->entry;
		} else {
			/* Remove it from the open set (order does not matter). */
			for (i = 0; i < overlap_entries; i++) {
				if (overlap_list[i] == cp->entry)
					overlap_list[i] = overlap_list[overlap_entries - 1];
			}
			overlap_entries--;
		}

		current_type = 0;
		for (i = 0; i < overlap_entries; i++) {
			if (overlap_list[i]->type > current_type)
				current_type = overlap_list[i]->type;
		}

		if (current_type != last_type || e820_nomerge(current_type)) {
			if (last_type) {
				new_entries[new_nr_entries].size = cp->addr - last_addr;
				/* Keep it only if non-empty; stop when the table is full. */
				if (new_entries[new_nr_entries].size != 0)
					if (++new_nr_entries >= max_nr_entries)
						break;
			}
			if (current_type) {
				new_entries[new_nr_entries].addr = cp->addr;
				new_entries[new_nr_entries].type = current_type;
				last_addr = cp->addr;
			}
			last_type = current_type;
		}
	}

	memcpy(entries, new_entries, new_nr_entries * sizeof(*entries));
	table->nr_entries = new_nr_entries;

	return 0;
}

/**
 * e820__update_table_print() - sanitise e820_table; print it if it changed
 *
 * Prints "modified physical RAM map:" and the table when
 * e820__update_table() rewrote it.
 */
void __init e820__update_table_print(void)
{
	if (e820__update_table(e820_table))
		return;

	pr_info("modified physical RAM map:\n");
	e820__print_table("modified");
}

/* ------------------------------------------------------------ sources */

/* Append firmware entries; a wrapping one makes the caller fake a map. */
static int __init __append_e820_table(struct e820_table *table,
				      const struct boot_e820_entry *entries,
				      u32 nr_entries)
{
	const struct boot_e820_entry *entry = entries;

	while (nr_entries) {
		u64 start = entry->addr;
		u64 size = entry->size;
		u64 end = start + size - 1;
		u32 type = entry->type;

		/* Ignore the whole map on 64-bit overflow: */
		if (start > end && likely(size))
			return -1;

		__e820__range_add(table, start, size, type);

		entry++;
		nr_entries--;
	}
	return 0;
}

/**
 * append_e820_table() - copy a firmware map into @table
 * @table: the table to append to
 * @entries: the firmware's entries (boot_params.e820_table)
 * @nr_entries: how many
 *
 * A map of fewer than two entries is treated as no map (firmware that
 * reports a single range is not trusted).  An entry that wraps past
 * 2^64 (other than one ending exactly there) rejects the map; the
 * entries before it have been appended already, as in Linux.
 *
 * Return: 0, or -1 when the caller should fake a map instead.
 */
int __init append_e820_table(struct e820_table *table,
			     const struct boot_e820_entry *entries, u32 nr_entries)
{
	/* Only one memory region (or negative)? Ignore it */
	if (nr_entries < 2)
		return -1;

	return __append_e820_table(table, entries, nr_entries);
}

/**
 * e820__memory_setup_default() - load e820_table from the zero page
 * @bp: the zero page (Linux reads its global boot_params)
 *
 * Uses the BIOS E820h map when it is usable.  Otherwise fakes one from
 * the larger of the E801h result (alt_mem_k, "BIOS-e801") and the 88h
 * result (ext_mem_k, "BIOS-88"): RAM [0, 0x9f000) and RAM from 1 MiB for
 * that many KiB.  Either way the table is sanitised.
 *
 * Linux trusts e820_entries; a count above the zero page's 128 slots
 * would read past them, so bootmm uses the first 128 and says so.
 *
 * Return: the label for printing: "BIOS-e820", "BIOS-e801" or "BIOS-88".
 */
const char *__init e820__memory_setup_default(const struct boot_params *bp)
{
	const char *who = "BIOS-e820";
	u32 nr = bp->e820_entries;

	if (nr > E820_MAX_ENTRIES_ZEROPAGE) {
		pr_warn("e820: boot_params claims %u entries; using the first %u\n",
			nr, E820_MAX_ENTRIES_ZEROPAGE);
		nr = E820_MAX_ENTRIES_ZEROPAGE;
	}

	if (append_e820_table(e820_table, bp->e820_table, nr) < 0) {
		u64 mem_size;

		/* Compare the other methods' results; take the larger. */
		if (bp->alt_mem_k < bp->screen_info.ext_mem_k) {
			mem_size = bp->screen_info.ext_mem_k;
			who = "BIOS-88";
		} else {
			mem_size = bp->alt_mem_k;
			who = "BIOS-e801";
		}

		e820_table->nr_entries = 0;
		e820__range_add(0, LOWMEMSIZE, E820_TYPE_RAM);
		e820__range_add(HIGH_MEMORY, mem_size << 10, E820_TYPE_RAM);
	}

	/* We just appended a lot of ranges, sanitize the table: */
	e820__update_table(e820_table);

	return who;
}

/**
 * e820__memory_setup() - set up e820_table from the firmware and print it
 * @bp: the zero page
 *
 * Loads the map (e820__memory_setup_default()), copies it to the kexec
 * and firmware tables, and prints "BIOS-provided physical RAM map:".
 */
void __init e820__memory_setup(const struct boot_params *bp)
{
	const char *who;

	/* This is a firmware interface ABI - make sure we don't break it: */
	BUILD_BUG_ON(sizeof(struct boot_e820_entry) != 20);

	who = e820__memory_setup_default(bp);

	memcpy(e820_table_kexec, e820_table, sizeof(*e820_table_kexec));
	memcpy(e820_table_firmware, e820_table, sizeof(*e820_table_firmware));

	pr_info("BIOS-provided physical RAM map:\n");
	e820__print_table(who);
}

/**
 * e820__memory_setup_extended() - add the entries of a SETUP_E820_EXT node
 * @phys_addr: physical address of the struct setup_data (must be mapped)
 * @data_len: its size in bytes, header included
 *
 * The zero page holds 128 entries; a boot loader with more passes the
 * rest in a setup_data node of type SETUP_E820_EXT.  They are appended to
 * e820_table, which is sanitised, copied to the kexec and firmware
 * tables and printed as "extended physical RAM map:".  A node whose
 * length does not fit @data_len is refused with an error line (Linux
 * would read past it).
 */
void __init e820__memory_setup_extended(u64 phys_addr, u32 data_len)
{
	const u8 *node;
	struct setup_data sdata;
	u32 entries;

	if (data_len < sizeof(sdata) || phys_addr + data_len < phys_addr) {
		pr_err("e820: bad SETUP_E820_EXT node at %#llx (%u bytes); ignored\n",
		       phys_addr, data_len);
		return;
	}
	/* The header by copy: the node need not be aligned. */
	node = __va(phys_addr);
	memcpy(&sdata, node, sizeof(sdata));
	if (sdata.len > data_len - sizeof(sdata)) {
		pr_err("e820: SETUP_E820_EXT node at %#llx: length %u exceeds %u bytes; ignored\n",
		       phys_addr, sdata.len, data_len);
		return;
	}

	entries = sdata.len / sizeof(struct boot_e820_entry);
	__append_e820_table(e820_table, (const struct boot_e820_entry *)(node + sizeof(sdata)),
			    entries);
	e820__update_table(e820_table);

	memcpy(e820_table_kexec, e820_table, sizeof(*e820_table_kexec));
	memcpy(e820_table_firmware, e820_table, sizeof(*e820_table_firmware));

	pr_info("extended physical RAM map:\n");
	e820__print_table("extended");
}

/* ------------------------------------------------------------ consumers */

/**
 * e820__memblock_alloc_reserved() - allocate memory that kexec must not reuse
 * @size: bytes
 * @align: alignment
 *
 * Allocates from memblock (memblock_phys_alloc()) and marks the block
 * reserved in e820_table_kexec, the map a kexec'd kernel will get, so
 * that kernel finds the data there (Linux: a faked MP table).  Prints
 * "update e820_table_kexec for e820__memblock_alloc_reserved()".
 *
 * Return: the physical address, or 0 when memblock has no room.
 */
u64 __init e820__memblock_alloc_reserved(u64 size, u64 align)
{
	u64 addr = memblock_phys_alloc(size, align);

	if (addr) {
		e820__range_update_table(e820_table_kexec, addr, size,
					 E820_TYPE_RAM, E820_TYPE_RESERVED);
		pr_info("update e820_table_kexec for e820__memblock_alloc_reserved()\n");
		e820__update_table(e820_table_kexec);
	}

	return addr;
}

/**
 * __e820__end_ram_pfn() - the end of RAM (and ACPI data) below a limit
 * @table: the table
 * @limit_pfn: ignore entries starting at or above this page frame
 * @max_arch_pfn: what the architecture can address (MAX_ARCH_PFN)
 *
 * Walks the entries in order; the first RAM/ACPI entry that crosses
 * @limit_pfn ends the walk at the limit, as in Linux.  Prints
 * "last_pfn = %#lx max_arch_pfn = %#lx".  Page numbers are computed in
 * 64 bits, so entries far above 4 GiB do not wrap on i386.
 *
 * Return: the page frame after the last RAM page, at most @max_arch_pfn.
 */
unsigned long __init __e820__end_ram_pfn(const struct e820_table *table,
					 unsigned long limit_pfn,
					 unsigned long max_arch_pfn)
{
	unsigned long last_pfn = 0;
	u32 i;

	for (i = 0; i < table->nr_entries; i++) {
		const struct e820_entry *entry = &table->entries[i];
		u64 start_pfn, end_pfn, end;

		if (entry->type != E820_TYPE_RAM && entry->type != E820_TYPE_ACPI)
			continue;

		end = entry->addr + entry->size;
		if (end < entry->addr)
			end = ULLONG_MAX;
		start_pfn = entry->addr >> PAGE_SHIFT;
		end_pfn = end >> PAGE_SHIFT;

		if (start_pfn >= limit_pfn)
			continue;
		if (end_pfn > limit_pfn) {
			last_pfn = limit_pfn;
			break;
		}
		if (end_pfn > last_pfn)
			last_pfn = end_pfn;
	}

	if (last_pfn > max_arch_pfn)
		last_pfn = max_arch_pfn;

	pr_info("last_pfn = %#lx max_arch_pfn = %#lx\n", last_pfn, max_arch_pfn);
	return last_pfn;
}

/** e820__end_of_ram_pfn() - end of RAM in e820_table, up to MAX_ARCH_PFN. */
unsigned long __init e820__end_of_ram_pfn(void)
{
	return __e820__end_ram_pfn(e820_table, MAX_ARCH_PFN, MAX_ARCH_PFN);
}

/** e820__end_of_low_ram_pfn() - end of RAM in e820_table below 4 GiB. */
unsigned long __init e820__end_of_low_ram_pfn(void)
{
	return __e820__end_ram_pfn(e820_table, 1UL << (32 - PAGE_SHIFT), MAX_ARCH_PFN);
}

#define MAX_GAP_END 0x100000000ull

/**
 * e820_search_gap() - the largest hole in @table below 4 GiB
 * @table: a sanitised table
 * @gapstart: set to the hole's start when one is found
 * @gapsize: in: the smallest size worth reporting; out: the hole's size
 *
 * Scans from the top down; a hole that ties the best so far replaces it,
 * so the lowest of equal holes wins, as in Linux.
 *
 * Return: 1 if a hole of at least *@gapsize was found, else 0.
 */
int __init e820_search_gap(const struct e820_table *table,
			   unsigned long *gapstart, unsigned long *gapsize)
{
	unsigned long long last = MAX_GAP_END;
	int i = table->nr_entries;
	int found = 0;

	while (--i >= 0) {
		unsigned long long start = table->entries[i].addr;
		unsigned long long end = start + table->entries[i].size;

		if (last > end) {
			unsigned long long gap = last - end;

			/* Only a hole from 0 to 4 GiB is too big for 32 bits. */
			if (gap > ULONG_MAX)
				gap = ULONG_MAX;
			if (gap >= *gapsize) {
				*gapsize = gap;
				*gapstart = end;
				found = 1;
			}
		}
		if (start < last)
			last = start;
	}
	return found;
}

/**
 * e820__setup_pci_gap() - choose pci_mem_start: the largest hole below 4 GiB
 *
 * Looks for a hole of at least 4 MiB; without one, uses 256 MiB (the
 * 32-bit kernel's fallback).  Prints "[mem %#010lx-%#010lx] available for
 * PCI devices".
 */
void __init e820__setup_pci_gap(void)
{
	unsigned long gapstart = 0, gapsize = 0x400000;

	if (!e820_search_gap(e820_table, &gapstart, &gapsize))
		gapstart = 0x10000000;

	pci_mem_start = gapstart;

	pr_info("[mem %#010lx-%#010lx] available for PCI devices\n",
		gapstart, gapstart + gapsize - 1);
}

/* ------------------------------------------------------------ command line */

static int userdef __initdata;

/*
 * mem=nn[KMG]: forget RAM above nn.  "mem=nopentium" turns off 4 MiB pages
 * in Linux's 32-bit kernel; bootmm has no such switch and says so.
 */
static int __init parse_memopt(char *p)
{
	u64 mem_size;

	if (!p)
		return -EINVAL;

	if (!strcmp(p, "nopentium")) {
		pr_warn("mem=nopentium ignored! (bootmm has no PSE switch)\n");
		return -EINVAL;
	}

	userdef = 1;
	mem_size = memparse(p, &p);

	/* Don't remove all memory when getting "mem={invalid}" parameter: */
	if (mem_size == 0)
		return -EINVAL;

	e820__range_remove(mem_size, ULLONG_MAX - mem_size, E820_TYPE_RAM, 1);

	return 0;
}
early_param("mem", parse_memopt);

/*
 * One memmap= item:
 *   exactmap           start from an empty map
 *   nn[KMG]@ss[KMG]    add RAM          nn#ss  add ACPI data
 *   nn$ss              add reserved     nn!ss  add PRAM (type 12)
 *   nn%ss-old+new      retype (either half alone removes or adds)
 *   nn                 as mem=nn
 */
static int __init parse_memmap_one(char *p)
{
	char *oldp;
	u64 start_at, mem_size;

	if (!p)
		return -EINVAL;

	if (!strncmp(p, "exactmap", 8)) {
		e820_table->nr_entries = 0;
		userdef = 1;
		return 0;
	}

	oldp = p;
	mem_size = memparse(p, &p);
	if (p == oldp)
		return -EINVAL;

	userdef = 1;
	if (*p == '@') {
		start_at = memparse(p + 1, &p);
		e820__range_add(start_at, mem_size, E820_TYPE_RAM);
	} else if (*p == '#') {
		start_at = memparse(p + 1, &p);
		e820__range_add(start_at, mem_size, E820_TYPE_ACPI);
	} else if (*p == '$') {
		start_at = memparse(p + 1, &p);
		e820__range_add(start_at, mem_size, E820_TYPE_RESERVED);
	} else if (*p == '!') {
		start_at = memparse(p + 1, &p);
		e820__range_add(start_at, mem_size, E820_TYPE_PRAM);
	} else if (*p == '%') {
		enum e820_type from = 0, to = 0;

		start_at = memparse(p + 1, &p);
		if (*p == '-')
			from = simple_strtoull(p + 1, &p, 0);
		if (*p == '+')
			to = simple_strtoull(p + 1, &p, 0);
		if (*p != '\0')
			return -EINVAL;
		/* Linux BUGs on from == to; refuse it instead. */
		if (from && from == to) {
			pr_err("memmap=%s: old and new type are both %u\n", oldp, from);
			return -EINVAL;
		}
		if (from && to)
			e820__range_update(start_at, mem_size, from, to);
		else if (to)
			e820__range_add(start_at, mem_size, to);
		else if (from)
			e820__range_remove(start_at, mem_size, from, 1);
		else
			e820__range_remove(start_at, mem_size, 0, 0);
	} else {
		e820__range_remove(mem_size, ULLONG_MAX - mem_size, E820_TYPE_RAM, 1);
	}

	return *p == '\0' ? 0 : -EINVAL;
}

/* memmap=a,b,c: each item as above; bad items are skipped, as in Linux. */
static int __init parse_memmap_opt(char *str)
{
	while (str) {
		char *k = strchr(str, ',');

		if (k)
			*k++ = 0;

		parse_memmap_one(str);
		str = k;
	}

	return 0;
}
early_param("memmap", parse_memmap_opt);

/* ------------------------------------------------------------ setup_data */

/*
 * Linux follows the list without a bound; a loader's list that loops
 * would hang the boot, so bootmm stops after this many nodes.
 */
#define E820_SETUP_DATA_MAX_NODES	64

/*
 * Linux's early_memremap() of [pa, pa + len): NULL, as when Linux's
 * mapping fails, for a range that wraps or ends past @map_end.  Callers
 * copy what they read out with memcpy(): the boot protocol does not
 * promise that a node is aligned.
 */
static const void *__init setup_data_remap(u64 pa, u64 len, u64 map_end)
{
	if (pa + len < pa || pa + len > map_end)
		return NULL;
	return __va(pa);
}

/**
 * e820__reserve_setup_data() - keep the boot loader's setup_data out of RAM
 * @pa_data: physical address of the first node (boot_params.hdr.setup_data)
 * @map_end: the end of what __va() reaches at this point of the boot
 *
 * Retypes every setup_data node (header and payload) and, for a
 * SETUP_INDIRECT node, the block it points to, from RAM to
 * RESERVED_KERN: still RAM to memblock, but the kernel will read those
 * bytes later (SETUP_E820_EXT, DTB, ...).  Then sanitises e820_table and
 * prints it as "reserve setup_data".  Nothing happens without a list.
 *
 * As Linux 6.12, except that Linux reads the list head from its global
 * boot_params and maps nodes with early_memremap(): here a node that
 * wraps or ends past @map_end gets Linux's "failed to memremap" line and
 * ends the walk, an indirect node too short for its struct
 * setup_indirect is only reserved itself, and a list longer than 64
 * nodes (a loop) is cut with an error line.
 */
void __init e820__reserve_setup_data(u64 pa_data, u64 map_end)
{
	struct setup_indirect indirect;
	struct setup_data data;
	const u8 *node;
	int nodes = 0;

	if (!pa_data)
		return;

	while (pa_data) {
		if (++nodes > E820_SETUP_DATA_MAX_NODES) {
			pr_err("e820: more than %d setup_data nodes; ignoring the rest\n",
			       E820_SETUP_DATA_MAX_NODES);
			break;
		}

		node = setup_data_remap(pa_data, sizeof(data), map_end);
		if (!node) {
			pr_warn("e820: failed to memremap setup_data entry\n");
			return;
		}
		memcpy(&data, node, sizeof(data));

		e820__range_update(pa_data, sizeof(data) + data.len,
				   E820_TYPE_RAM, E820_TYPE_RESERVED_KERN);

		if (data.type == SETUP_INDIRECT) {
			if (!setup_data_remap(pa_data, sizeof(data) + data.len, map_end)) {
				pr_warn("e820: failed to memremap indirect setup_data\n");
				return;
			}
			if (data.len < sizeof(indirect)) {
				pr_err("e820: indirect setup_data at %#llx: %u bytes, too short; not followed\n",
				       pa_data, data.len);
			} else {
				memcpy(&indirect, node + sizeof(data), sizeof(indirect));
				if (indirect.type != SETUP_INDIRECT)
					e820__range_update(indirect.addr, indirect.len,
							   E820_TYPE_RAM, E820_TYPE_RESERVED_KERN);
			}
		}

		pa_data = data.next;
	}

	e820__update_table(e820_table);

	pr_info("extended physical RAM map:\n");
	e820__print_table("reserve setup_data");
}

/**
 * e820__finish_early_params() - apply mem=/memmap= edits
 *
 * Call after parse_early_param().  If mem= or memmap= changed the map,
 * sanitise and print it as "user-defined physical RAM map:"; a map the
 * sanitiser refuses (fewer than two entries, or one wrapping past 2^64)
 * panics with "Invalid user supplied memory map", as Linux does.  The
 * "edited" flag is then cleared, so one process (the simulator, a test)
 * can run several boots.
 */
void __init e820__finish_early_params(void)
{
	if (userdef) {
		userdef = 0;
		if (e820__update_table(e820_table) < 0)
			panic("Invalid user supplied memory map");

		pr_info("user-defined physical RAM map:\n");
		e820__print_table("user");
	}
}

/* ------------------------------------------------------------ memblock */

/**
 * __e820__memblock_setup() - register e820_table's RAM with memblock
 * @resource_max: the largest value the kernel's resource_size_t holds
 *
 * Allows memblock's arrays to grow (EFI maps may exceed 128 regions),
 * adds every RAM and RESERVED_KERN entry to memblock.memory, reserves
 * SOFT_RESERVED ones, skips entries whose end does not fit
 * resource_size_t, then drops partial pages (memblock_trim_memory) and
 * dumps memblock when memblock=debug is set.
 *
 * Linux's resource_size_t is phys_addr_t: 32 bits on i386 without PAE,
 * where an entry ending at or above 4 GiB (even exactly at 4 GiB) never
 * reaches memblock; 64 bits on PAE and x86_64.  bootmm's phys_addr_t is
 * always 64 bits, so the caller says which kernel it models: U32_MAX
 * for i386 without PAE, ULLONG_MAX otherwise.
 */
void __init __e820__memblock_setup(u64 resource_max)
{
	u64 end;
	u32 i;

	memblock_allow_resize();

	for (i = 0; i < e820_table->nr_entries; i++) {
		struct e820_entry *entry = &e820_table->entries[i];

		end = entry->addr + entry->size;
		if (end > resource_max)
			continue;

		if (entry->type == E820_TYPE_SOFT_RESERVED)
			memblock_reserve(entry->addr, entry->size);

		if (entry->type != E820_TYPE_RAM && entry->type != E820_TYPE_RESERVED_KERN)
			continue;

		memblock_add(entry->addr, entry->size);
	}

	/* Throw away partial pages: */
	memblock_trim_memory(PAGE_SIZE);

	memblock_dump_all();
}

/**
 * e820__memblock_setup() - __e820__memblock_setup() for a 64-bit
 * resource_size_t (PAE, x86_64, and bootmm's own phys_addr_t)
 */
void __init e820__memblock_setup(void)
{
	__e820__memblock_setup(ULLONG_MAX);
}
