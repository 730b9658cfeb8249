// SPDX-License-Identifier: GPL-2.0
/*
 * memblock at scale: ns per memblock_reserve / memblock_phys_free /
 * memblock_phys_alloc with 128, 1k, 10k and 100k reserved regions, and how
 * the cost grows per 10x.  The baseline, measured in the same run on the
 * same layout, is Linux 6.12's insert/remove algorithm as written there
 * (a linear scan from region 0, then memmove), reproduced below on a
 * private array.  bootmm finds the first affected region by binary search
 * instead; both then pay one memmove of the array tail.
 *
 * Layout: RAM [1 GiB, 1 GiB + N * 16 KiB + 64 MiB); region i reserved at
 * 1 GiB + i * 16 KiB (4 KiB).  Timed reservations go into the gaps
 * (2 KiB at +8 KiB, never adjacent, so the count really grows), spread
 * over the array; the same ranges are then freed (timed).  Allocations
 * take 4 KiB: top-down from the free RAM above the regions, bottom-up
 * from the first gap, i.e. at the front of the array (worst memmove).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <linux/memblock.h>
#include <asm/host.h>

#define BASE		SZ_1G
#define STRIDE		SZ_16K
#define OPS		1000

static struct memblock_region *static_memory, *static_reserved;

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* ---------------------------------------------------- Linux's O(n) baseline */

static void lx_insert(struct memblock_type *t, int idx, phys_addr_t base, phys_addr_t size)
{
	struct memblock_region *rgn = &t->regions[idx];

	memmove(rgn + 1, rgn, (t->cnt - idx) * sizeof(*rgn));
	rgn->base = base;
	rgn->size = size;
	rgn->flags = 0;
	rgn->nid = MAX_NUMNODES;
	t->cnt++;
	t->total_size += size;
}

static void lx_merge(struct memblock_type *t, unsigned long start, unsigned long end)
{
	unsigned long i = start ? start - 1 : 0;

	end = min(end, t->cnt - 1);
	while (i < end) {
		struct memblock_region *this = &t->regions[i], *next = this + 1;

		if (this->base + this->size != next->base) {
			i++;
			continue;
		}
		this->size += next->size;
		memmove(next, next + 1, (t->cnt - (i + 2)) * sizeof(*next));
		t->cnt--;
		end--;
	}
}

/* memblock_add_range() as Linux 6.12 has it (array big enough, no nid/flags). */
static void lx_add_range(struct memblock_type *t, phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end = base + size;
	int idx, start_rgn = -1, end_rgn = 0;

	for (idx = 0; idx < t->cnt; idx++) {
		phys_addr_t rbase = t->regions[idx].base;
		phys_addr_t rend = rbase + t->regions[idx].size;

		if (rbase >= end)
			break;
		if (rend <= base)
			continue;
		if (rbase > base) {
			if (start_rgn == -1)
				start_rgn = idx;
			end_rgn = idx + 1;
			lx_insert(t, idx++, base, rbase - base);
		}
		base = min(rend, end);
	}
	if (base < end) {
		if (start_rgn == -1)
			start_rgn = idx;
		end_rgn = idx + 1;
		lx_insert(t, idx, base, end - base);
	}
	lx_merge(t, start_rgn, end_rgn);
}

/* memblock_isolate_range() + removal as Linux 6.12 has them. */
static void lx_remove_range(struct memblock_type *t, phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end = base + size;
	int idx, start_rgn = 0, end_rgn = 0;

	for (idx = 0; idx < t->cnt; idx++) {
		struct memblock_region *rgn = &t->regions[idx];
		phys_addr_t rbase = rgn->base, rend = rbase + rgn->size;

		if (rbase >= end)
			break;
		if (rend <= base)
			continue;
		if (rbase < base) {
			rgn->base = base;
			rgn->size -= base - rbase;
			t->total_size -= base - rbase;
			lx_insert(t, idx, rbase, base - rbase);
		} else if (rend > end) {
			rgn->base = end;
			rgn->size -= end - rbase;
			t->total_size -= end - rbase;
			lx_insert(t, idx--, rbase, end - rbase);
		} else {
			if (!end_rgn)
				start_rgn = idx;
			end_rgn = idx + 1;
		}
	}
	for (idx = end_rgn - 1; idx >= start_rgn; idx--) {
		t->total_size -= t->regions[idx].size;
		memmove(&t->regions[idx], &t->regions[idx + 1],
			(t->cnt - (idx + 1)) * sizeof(t->regions[idx]));
		t->cnt--;
	}
}

/* ---------------------------------------------------- the measurements */

static void reset(unsigned long n)
{
	unsigned long i;

	memblock.memory.regions = static_memory;
	memblock.memory.cnt = 0;
	memblock.memory.max = INIT_MEMBLOCK_MEMORY_REGIONS;
	memblock.memory.total_size = 0;
	memset(static_memory, 0, INIT_MEMBLOCK_MEMORY_REGIONS * sizeof(*static_memory));
	memblock.reserved.regions = static_reserved;
	memblock.reserved.cnt = 0;
	memblock.reserved.max = INIT_MEMBLOCK_RESERVED_REGIONS;
	memblock.reserved.total_size = 0;
	memset(static_reserved, 0, INIT_MEMBLOCK_RESERVED_REGIONS * sizeof(*static_reserved));
	memblock.bottom_up = false;
	memblock.current_limit = MEMBLOCK_ALLOC_ANYWHERE;

	memblock_add(BASE, n * STRIDE + SZ_64M);
	for (i = 0; i < n; i++)
		memblock_reserve(BASE + i * STRIDE, SZ_4K);
}

/* The j-th timed gap: spread evenly over the array. */
static phys_addr_t gap(unsigned long n, int j)
{
	return BASE + ((unsigned long)j * (n / OPS ? n / OPS : 1) % n) * STRIDE + SZ_8K;
}

struct result {
	double reserve, free, alloc_td, alloc_bu, lx_reserve, lx_free, grow_ms;
};

static void measure(unsigned long n, struct result *r)
{
	static struct memblock_region *lx;
	struct memblock_type t = { .name = "linux" };
	phys_addr_t got[OPS];
	double t0;
	int j;

	t0 = now_ns();
	reset(n);
	r->grow_ms = (now_ns() - t0) / 1e6;

	t0 = now_ns();
	for (j = 0; j < OPS; j++)
		memblock_reserve(gap(n, j), SZ_2K);
	r->reserve = (now_ns() - t0) / OPS;
	t0 = now_ns();
	for (j = 0; j < OPS; j++)
		memblock_phys_free(gap(n, j), SZ_2K);
	r->free = (now_ns() - t0) / OPS;

	t0 = now_ns();
	for (j = 0; j < OPS; j++)
		got[j] = memblock_phys_alloc(SZ_4K, SZ_4K);
	r->alloc_td = (now_ns() - t0) / OPS;
	for (j = 0; j < OPS; j++)
		memblock_phys_free(got[j], SZ_4K);

	memblock_set_bottom_up(true);
	t0 = now_ns();
	for (j = 0; j < OPS; j++)
		got[j] = memblock_phys_alloc(SZ_4K, SZ_4K);
	r->alloc_bu = (now_ns() - t0) / OPS;
	for (j = 0; j < OPS; j++)
		if (!got[j])
			abort();

	/* the baseline on a copy of the same reserved layout */
	lx = realloc(lx, (n + 2 * OPS) * sizeof(*lx));
	for (j = 0; j < (int)n; j++)
		lx[j] = (struct memblock_region){ BASE + (phys_addr_t)j * STRIDE, SZ_4K, 0, MAX_NUMNODES };
	t.regions = lx;
	t.cnt = n;
	t.max = n + 2 * OPS;
	t.total_size = n * SZ_4K;
	t0 = now_ns();
	for (j = 0; j < OPS; j++)
		lx_add_range(&t, gap(n, j), SZ_2K);
	r->lx_reserve = (now_ns() - t0) / OPS;
	t0 = now_ns();
	for (j = 0; j < OPS; j++)
		lx_remove_range(&t, gap(n, j), SZ_2K);
	r->lx_free = (now_ns() - t0) / OPS;
	if (t.cnt != n)
		abort();
}

static void best(double *have, double v)
{
	if (v < *have)
		*have = v;
}

int main(void)
{
	static const unsigned long sizes[] = { 128, 1000, 10000, 100000 };
	struct result r[ARRAY_SIZE(sizes)];
	unsigned int i;

	static_memory = memblock.memory.regions;
	static_reserved = memblock.reserved.regions;
	if (sim_ram_setup(BASE + sizes[ARRAY_SIZE(sizes) - 1] * STRIDE + SZ_128M))
		return 1;
	memblock_allow_resize();

	/* best of 3: the first pass also pays the arena's first-touch faults */
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct result t;
		int k;

		measure(sizes[i], &r[i]);
		for (k = 0; k < 2; k++) {
			measure(sizes[i], &t);
			best(&r[i].reserve, t.reserve);
			best(&r[i].free, t.free);
			best(&r[i].alloc_td, t.alloc_td);
			best(&r[i].alloc_bu, t.alloc_bu);
			best(&r[i].lx_reserve, t.lx_reserve);
			best(&r[i].lx_free, t.lx_free);
			best(&r[i].grow_ms, t.grow_ms);
		}
	}

	printf("memblock: ns per operation with N reserved regions (%d ops each, best of 3)\n", OPS);
	printf("%8s %10s %10s %10s %10s | %12s %12s | %10s\n", "N",
	       "reserve", "free", "alloc(td)", "alloc(bu)",
	       "linux-resv", "linux-free", "build ms");
	/* build ms: reserving the N regions in address order, arrays doubling */
	for (i = 0; i < ARRAY_SIZE(sizes); i++)
		printf("%8lu %10.0f %10.0f %10.0f %10.0f | %12.0f %12.0f | %10.2f\n",
		       sizes[i], r[i].reserve, r[i].free, r[i].alloc_td, r[i].alloc_bu,
		       r[i].lx_reserve, r[i].lx_free, r[i].grow_ms);
	printf("growth per 10x (1k->10k, 10k->100k):");
	printf(" reserve %.1fx %.1fx, free %.1fx %.1fx, linux-resv %.1fx %.1fx\n",
	       r[2].reserve / r[1].reserve, r[3].reserve / r[2].reserve,
	       r[2].free / r[1].free, r[3].free / r[2].free,
	       r[2].lx_reserve / r[1].lx_reserve, r[3].lx_reserve / r[2].lx_reserve);
	printf("arrays at N=100k: memory.max %lu, reserved.max %lu (doubled from %d)\n",
	       memblock.memory.max, memblock.reserved.max, INIT_MEMBLOCK_REGIONS);
	return 0;
}
