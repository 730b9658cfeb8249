// SPDX-License-Identifier: GPL-2.0
/*
 * early_res: the first "allocator" of a 2.6.2x x86 boot (seed 000).  Before
 * bootmem exists, setup code records what it must not lose - kernel
 * text/data/bss, page tables, the bootmem bitmap itself - as at most 20
 * named [start, end) ranges.  find_e820_area() finds e820 RAM that no
 * reservation covers; early_res_to_bootmem() finally marks every range
 * reserved in the bitmap and empties the table.
 *
 * Two reservations may not overlap: that is a bug in the boot code, and
 * the panic names both ranges so it can be found from the log alone.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/early_res.h>
#include <linux/bootmem.h>
#include <asm/e820/api.h>

struct early_res {
	u64 start, end;
	char name[EARLY_RES_NAME_LEN];
};

/* Entries 0 .. early_res_nr - 1 are in use, in the order they were made. */
static struct early_res early_res[MAX_EARLY_RES] __initdata;
static int early_res_nr __initdata;

/* Index of the first entry overlapping [start, end), or early_res_nr. */
static int __init find_overlapped_early(u64 start, u64 end)
{
	int i;

	for (i = 0; i < early_res_nr; i++)
		if (end > early_res[i].start && start < early_res[i].end)
			break;
	return i;
}

/**
 * reserve_early() - record a range no early allocation may use
 * @start: first byte
 * @end: byte after the last; an empty range (@start == @end) is ignored
 * @name: shown in the table (cut to 15 characters); NULL for none
 *
 * Panics when the table is full ("Too many early reservations", after
 * printing the table) or when the range overlaps an existing one (both
 * ranges are named).  An inverted range (@end < @start) is reported and
 * ignored.
 */
void __init reserve_early(u64 start, u64 end, const char *name)
{
	struct early_res *r;
	int i;

	if (start >= end) {
		WARN(start > end, "reserve_early: inverted range %llx-%llx %s ignored\n",
		     (unsigned long long)start, (unsigned long long)end, name ? name : "");
		return;
	}
	i = find_overlapped_early(start, end);
	if (i < early_res_nr) {
		r = &early_res[i];
		panic("Overlapping early reservations %llx-%llx %s to %llx-%llx %s",
		      (unsigned long long)start, (unsigned long long)end - 1,
		      name ? name : "", (unsigned long long)r->start,
		      (unsigned long long)r->end - 1, r->name);
	}
	if (early_res_nr >= MAX_EARLY_RES) {
		print_early_res();	/* what filled it */
		panic("Too many early reservations");
	}
	r = &early_res[early_res_nr++];
	r->start = start;
	r->end = end;
	strscpy(r->name, name ? name : "", sizeof(r->name));
}

/**
 * free_early() - drop a reservation made by reserve_early()
 * @start: its exact start
 * @end: its exact end
 *
 * Panics when no entry is exactly [@start, @end): freeing part of a
 * reservation, or one that was never made, is a boot code bug.
 */
void __init free_early(u64 start, u64 end)
{
	int i = find_overlapped_early(start, end);

	if (i >= early_res_nr || early_res[i].start != start || early_res[i].end != end)
		panic("free_early on not reserved area: %llx-%llx!",
		      (unsigned long long)start, (unsigned long long)end - 1);
	memmove(&early_res[i], &early_res[i + 1],
		(early_res_nr - 1 - i) * sizeof(early_res[0]));
	early_res_nr--;
	memset(&early_res[early_res_nr], 0, sizeof(early_res[0]));
}

/** early_res_count() - Return: the number of reservations in the table. */
int __init early_res_count(void)
{
	return early_res_nr;
}

/**
 * early_res_entry() - read entry @i of the table
 * @i: index, 0 .. early_res_count() - 1
 * @start: its start (may be NULL)
 * @end: its end, exclusive (may be NULL)
 * @name: its name (may be NULL)
 *
 * Return: false when @i is out of range (nothing is written).
 */
bool __init early_res_entry(int i, u64 *start, u64 *end, const char **name)
{
	if (i < 0 || i >= early_res_nr)
		return false;
	if (start)
		*start = early_res[i].start;
	if (end)
		*end = early_res[i].end;
	if (name)
		*name = early_res[i].name;
	return true;
}

static void __init print_one(int i)
{
	printk(KERN_INFO "  #%d [%010llx - %010llx] %16s", i,
	       (unsigned long long)early_res[i].start,
	       (unsigned long long)early_res[i].end, early_res[i].name);
}

/** print_early_res() - the table, in early_res_to_bootmem()'s 2.6 format. */
void __init print_early_res(void)
{
	int i;

	printk(KERN_INFO "(%d/%d early reservations)\n", early_res_nr, MAX_EARLY_RES);
	for (i = 0; i < early_res_nr; i++) {
		print_one(i);
		pr_cont("\n");
	}
}

/*
 * Move *addrp past every reservation [*addrp, *addrp + size) hits,
 * keeping it aligned.  Return: false if the address would wrap.
 */
static bool __init skip_reserved(u64 *addrp, u64 size, u64 align)
{
	u64 addr = *addrp;
	int i;

	while ((i = find_overlapped_early(addr, addr + size)) < early_res_nr) {
		u64 next = round_up(early_res[i].end, align);

		if (next < early_res[i].end || next + size < next)
			return false;
		addr = next;
	}
	*addrp = addr;
	return true;
}

/**
 * find_early_area() - first free, aligned range inside one RAM range
 * @ei_start: start of the RAM range
 * @ei_last: its end (exclusive)
 * @start: lowest acceptable address
 * @end: the range found must end at or below this
 * @size: bytes wanted (> 0)
 * @align: power of two (0 or 1: none)
 *
 * Return: the lowest address, or EARLY_RES_NOT_FOUND.
 */
u64 __init find_early_area(u64 ei_start, u64 ei_last, u64 start, u64 end,
			   u64 size, u64 align)
{
	u64 addr;

	if (!size || (align & (align - 1)))
		return EARLY_RES_NOT_FOUND;
	if (!align)
		align = 1;
	addr = max(ei_start, start);
	if (round_up(addr, align) < addr)
		return EARLY_RES_NOT_FOUND;
	addr = round_up(addr, align);
	if (addr >= ei_last || size > ei_last - addr)
		return EARLY_RES_NOT_FOUND;
	if (!skip_reserved(&addr, size, align))
		return EARLY_RES_NOT_FOUND;
	if (addr >= ei_last || size > ei_last - addr || addr + size > end)
		return EARLY_RES_NOT_FOUND;
	return addr;
}

/**
 * find_e820_area() - find free RAM for an early allocation
 * @start: lowest acceptable address
 * @end: the range found must end at or below this
 * @size: bytes wanted
 * @align: power of two
 *
 * Searches the usable entries of e820_table in table order (sorted after
 * e820__update_table()) and skips every early reservation, as Linux
 * 2.6.28 did.  The caller still has to reserve_early() the result.
 *
 * Return: the address, or EARLY_RES_NOT_FOUND.
 */
u64 __init find_e820_area(u64 start, u64 end, u64 size, u64 align)
{
	u32 i;

	for (i = 0; i < e820_table->nr_entries; i++) {
		const struct e820_entry *ei = &e820_table->entries[i];
		u64 ei_last = ei->addr + ei->size, addr;

		if (ei->type != E820_TYPE_RAM || ei_last < ei->addr)
			continue;
		addr = find_early_area(ei->addr, ei_last, start, end, size, align);
		if (addr != EARLY_RES_NOT_FOUND)
			return addr;
	}
	return EARLY_RES_NOT_FOUND;
}

/**
 * early_res_to_bootmem() - reserve every early range in the bootmem bitmap
 * @start: the bitmap's first byte (ranges are clipped to [@start, @end))
 * @end: the bitmap's end
 *
 * Prints the table in Linux 2.6.3x's format, then empties it: from here
 * on bootmem is the only record.
 */
void __init early_res_to_bootmem(u64 start, u64 end)
{
	int i;

	printk(KERN_INFO "(%d/%d early reservations) ==> bootmem [%010llx - %010llx]\n",
	       early_res_nr, MAX_EARLY_RES, (unsigned long long)start,
	       (unsigned long long)end);
	for (i = 0; i < early_res_nr; i++) {
		u64 final_start = max(start, early_res[i].start);
		u64 final_end = min(end, early_res[i].end);

		print_one(i);
		if (final_start >= final_end) {
			pr_cont("\n");
			continue;
		}
		pr_cont(" ==> [%010llx - %010llx]\n", (unsigned long long)final_start,
			(unsigned long long)final_end);
		reserve_bootmem(final_start, final_end - final_start, BOOTMEM_DEFAULT);
	}
	memset(early_res, 0, sizeof(early_res));
	early_res_nr = 0;
}
