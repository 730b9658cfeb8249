// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the bootmem bitmap allocator (mm/bootmem.c).  The
 * input picks a node of up to 1024 pages - at PFN 0, just below 4 GiB or
 * straddling it, starting at an odd PFN - and then a sequence of
 * reserve_bootmem / free_bootmem / allocation operations with byte-level
 * addresses, goals, alignments and limits, ending with the hand-over.
 *
 * The reference model is one bool per page and a linear first-fit search
 * restating seed 004's rules (goal, last success, retry from the bottom,
 * absolute PFN alignment, sharing the previous allocation's last page).
 * After every operation the bitmap must equal the model bit for bit, each
 * allocation must return the model's address, stay inside the node and
 * under its limit, be aligned and use only pages that were free (or the
 * shared tail page), and the hand-over must report exactly the model's
 * free runs followed by the bitmap's pages.
 */
#include <stdint.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <linux/pfn.h>
#include <linux/errno.h>
#include <linux/bitops.h>
#include <linux/bootmem.h>
#include <asm/host.h>
#include "fuzz_input.h"

#define MAXPAGES	1024
#define MAP_PFN		0x180000UL	/* 6 GiB: outside every node */
#define NONE		(~0UL)

/* The model: page state and the allocator's three hints. */
static bool res[MAXPAGES];
static unsigned long start, end;		/* node PFNs [start, end) */
static unsigned long last_pos, last_offset;
static phys_addr_t last_success;
static bootmem_data_t *bdata = &bootmem_node_data[0];

static void die(const char *fmt, unsigned long long a, unsigned long long b)
{
	fprintf(stderr, "bootmem_fuzz: node [%#lx, %#lx): ", start, end);
	fprintf(stderr, fmt, a, b);
	fprintf(stderr, "\n");
	abort();
}

static void check_bits(void)
{
	unsigned long pfn;

	for (pfn = start; pfn < end; pfn++)
		if (test_bit(pfn - start, bdata->node_bootmem_map) != res[pfn - start])
			die("pfn %#llx: bitmap %llu, model differs", pfn,
			    test_bit(pfn - start, bdata->node_bootmem_map));
}

/* An address somewhere around the node, byte-granular. */
static phys_addr_t take_addr(struct fuzz_input *in)
{
	u32 v = fuzz_take(in, 2);
	long page = (long)(v >> 4) % (MAXPAGES + 8) - 4;

	return PFN_PHYS(start) + page * (phys_addr_t)PAGE_SIZE + (v & 0xf) * 0x111;
}

static bool in_node(phys_addr_t addr, phys_addr_t size)
{
	return size && addr + size > addr && addr >= PFN_PHYS(start) &&
	       addr + size <= PFN_PHYS(end);
}

static void do_reserve(struct fuzz_input *in)
{
	phys_addr_t addr = take_addr(in), size = fuzz_take(in, 2) * 7ULL;
	int flags = fuzz_take(in, 1) & 1 ? BOOTMEM_EXCLUSIVE : BOOTMEM_DEFAULT;
	unsigned long s, e, p;
	int want = 0, got;

	if (!in_node(addr, size)) {
		want = -EINVAL;
	} else {
		s = PFN_DOWN(addr);
		e = PFN_UP(addr + size);
		for (p = s; p < e && flags; p++)
			if (res[p - start])
				want = -EBUSY;
		for (p = s; p < e && !want; p++)
			res[p - start] = true;
	}
	got = reserve_bootmem(addr, size, flags);
	if (got != want)
		die("reserve_bootmem returned %lld, model %lld", got, want);
}

static void do_free(struct fuzz_input *in)
{
	phys_addr_t addr = take_addr(in), size = fuzz_take(in, 2) * 13ULL;
	unsigned long s, e, p;

	if (!in_node(addr, size))
		return;		/* reported and ignored: covered by the unit tests */
	s = PFN_UP(addr);
	e = PFN_DOWN(addr + size);
	for (p = s; p < e; p++)
		if (!res[p - start])
			return;	/* would be a double free: a panic by design */
	for (p = s; p < e; p++)
		res[p - start] = false;
	if (addr < last_success)
		last_success = addr;
	if (s <= last_pos && last_pos < e)
		last_offset = 0;
	free_bootmem(addr, size);
}

/* Linear first fit: lowest PFN >= from, multiple of incr, n free pages. */
static unsigned long first_fit(unsigned long from, unsigned long lim,
			       unsigned long n, unsigned long incr)
{
	unsigned long p, q;

	for (p = from; p + n <= lim; p++) {
		if (p % incr)
			continue;
		for (q = p; q < p + n && !res[q - start]; q++)
			;
		if (q == p + n)
			return p;
	}
	return NONE;
}

static void do_alloc(struct fuzz_input *in)
{
	static const unsigned long aligns[] = { 0, 1, 8, 64, 512, 4096, 8192, 65536 };
	unsigned long size = fuzz_take(in, 2) % (5 * PAGE_SIZE) + 1;
	unsigned long align = aligns[fuzz_take(in, 1) % ARRAY_SIZE(aligns)];
	u32 g = fuzz_take(in, 1);
	phys_addr_t goal = g & 0x80 ? take_addr(in) : 0;
	phys_addr_t limit = g & 0x40 ? take_addr(in) : 0;
	unsigned long lim = end, n = DIV_ROUND_UP(size, PAGE_SIZE);
	unsigned long incr = max(align >> PAGE_SHIFT, 1UL), pref = start, found, p;
	phys_addr_t want = 0, got;
	void *ptr;

	if (limit && PFN_DOWN(limit) < lim)
		lim = PFN_DOWN(limit);
	found = NONE;
	if (lim > start) {
		if (goal && goal >= PFN_PHYS(start) && PFN_DOWN(goal) < lim) {
			pref = PFN_DOWN(goal);
			if (last_success >= goal && PFN_DOWN(last_success) < lim)
				pref = PFN_DOWN(last_success);
		}
		found = first_fit(pref, lim, n, incr);
		if (found == NONE && pref > start)
			found = first_fit(start, lim, n, incr);
	}
	if (found != NONE) {
		last_success = PFN_PHYS(found);
		if (align < PAGE_SIZE && last_offset && last_pos + 1 == found) {
			unsigned long off = ALIGN(last_offset, align ? align : 1);

			want = PFN_PHYS(last_pos) + off;
			if (size < PAGE_SIZE - off) {
				n = 0;
				last_offset = off + size;
			} else {
				n = DIV_ROUND_UP(size - (PAGE_SIZE - off), PAGE_SIZE);
				last_offset = size - (PAGE_SIZE - off);
				last_pos = found + n - 1;
			}
			last_offset &= PAGE_SIZE - 1;
		} else {
			want = PFN_PHYS(found);
			last_pos = found + n - 1;
			last_offset = size & (PAGE_SIZE - 1);
		}
		for (p = found; p < found + n; p++)
			res[p - start] = true;
	}

	ptr = __alloc_bootmem_core_raw(bdata, size, align, goal, limit);
	if (found == NONE) {
		if (ptr)
			die("allocation at %#llx, model finds no room (size %#llx)",
			    __pa(ptr), size);
		return;
	}
	if (!ptr)
		die("allocation failed, model has %#llx (size %#llx)", want, size);
	got = __pa(ptr);
	if (got != want)
		die("allocation at %#llx, model %#llx", got, want);
	if (align && got % align)
		die("allocation at %#llx misaligned to %#llx", got, align);
	if (got < PFN_PHYS(start) || got + size > PFN_PHYS(lim))
		die("allocation [%#llx +%#llx) outside node or limit", got, size);
}

/* The model's hand-over: free runs in order, then the bitmap's pages. */
static unsigned long runs[MAXPAGES + 64][2];
static int nr_runs, next_run;

static void check_run(unsigned long s, unsigned long e)
{
	if (next_run >= nr_runs || runs[next_run][0] != s || runs[next_run][1] != e)
		die("hand-over of [%#llx, %#llx) not in the model", s, e);
	next_run++;
}

static void do_free_all(void)
{
	unsigned long map_pages = PFN_UP(ALIGN(DIV_ROUND_UP(end - start, 8), sizeof(long)));
	unsigned long pfn = start, count = 0, got, i, s;

	nr_runs = next_run = 0;
	while (pfn < end) {
		while (pfn < end && res[pfn - start])
			pfn++;
		if (pfn == end)
			break;
		s = pfn;
		while (pfn < end && !res[pfn - start])
			pfn++;
		runs[nr_runs][0] = s;
		runs[nr_runs++][1] = pfn;
		count += pfn - s;
	}
	for (i = 0; i < map_pages; i++) {
		runs[nr_runs][0] = MAP_PFN + i;
		runs[nr_runs++][1] = MAP_PFN + i + 1;
	}
	got = free_all_bootmem_core(bdata, check_run);
	if (next_run != nr_runs || got != count + map_pages)
		die("hand-over gave %llu pages, model %llu", got, count + map_pages);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	host_console_quiet(true);	/* free_bootmem's "outside the bitmap" */
	if (sim_ram_setup(7ULL << 30))
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned long bases[] = { 0, 0xfff00, 0x100000 - 512, 0x100000 };
	struct fuzz_input in = { data, size };
	u32 shape = fuzz_take(&in, 2);
	unsigned long pfn;

	start = bases[shape & 3] + ((shape >> 2) & 7);
	end = start + (shape >> 5) % MAXPAGES + 1;
	memset(bootmem_node_data, 0, sizeof(bootmem_node_data));
	init_bootmem_core(bdata, MAP_PFN, start, end);
	for (pfn = start; pfn < end; pfn++)
		res[pfn - start] = true;
	last_pos = last_offset = 0;
	last_success = 0;
	free_bootmem(PFN_PHYS(start), PFN_PHYS(end - start));
	for (pfn = start; pfn < end; pfn++)
		res[pfn - start] = false;

	while (in.n) {
		u32 op = fuzz_take(&in, 1);

		if (op < 0x40)
			do_reserve(&in);
		else if (op < 0x70)
			do_free(&in);
		else
			do_alloc(&in);
		check_bits();
	}
	do_free_all();
	return 0;
}
