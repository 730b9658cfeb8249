// SPDX-License-Identifier: GPL-2.0
/*
 * memblock at scale: ns per memblock_reserve / memblock_phys_free /
 * memblock_phys_alloc (top-down and bottom-up) with 128, 1k, 10k and 100k
 * reserved regions, against Linux 6.12's own algorithm run on the same
 * operation sequence in the same run, and an exact-result check.
 *
 * The baseline ("linux" below) is a faithful reimplementation of Linux
 * 6.12 mm/memblock.c's memblock_add_range, memblock_insert_region,
 * memblock_merge_regions, memblock_isolate_range, memblock_remove_range,
 * memblock_double_array, __next_mem_range(_rev), should_skip_region,
 * memblock_find_in_range_node and memblock_alloc_range_nid, on a private
 * copy of memblock's state: every insert/remove starts with a linear scan
 * from region 0, as Linux's do.  bootmm finds the first affected region by
 * binary search; both then pay the memmove of the array tail.  The
 * baseline's arrays live in host memory, but doubling finds, reserves and
 * frees their physical ranges exactly as Linux would, so the regions must
 * come out identical.
 *
 * Exact results: after every phase, memory and reserved (cnt, max,
 * total_size, and every region's base, size, flags, nid) and every
 * address an allocation returned must be equal; any difference aborts the
 * benchmark with the first differing region.
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
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sizes.h>
#include <linux/memblock.h>
#include <asm/host.h>
#include "bench.h"

#define BASE		SZ_1G
#define STRIDE		SZ_16K
#define OPS		1000

static struct memblock_region *static_memory, *static_reserved;

/* ---------------------------------------------------- Linux 6.12's memblock */

struct lx_type {
	struct memblock_type t;
	phys_addr_t phys;	/* where the array would be; unused while static */
	bool is_static;		/* still memblock_*_init_regions */
};

static struct {
	bool bottom_up;
	phys_addr_t current_limit;
	struct lx_type memory, reserved;
} lx;

static int lx_add_range(struct lx_type *lt, phys_addr_t base, phys_addr_t size,
			int nid, enum memblock_flags flags);
static int lx_remove_range(struct lx_type *lt, phys_addr_t base, phys_addr_t size);

static phys_addr_t lx_cap_size(phys_addr_t base, phys_addr_t *size)
{
	return *size = min(*size, PHYS_ADDR_MAX - base);
}

static bool lx_should_skip_region(struct lx_type *lt, struct memblock_region *m,
				  int nid, int flags)
{
	int m_nid = memblock_get_region_node(m);

	if (lt != &lx.memory)
		return false;
	if (numa_valid_node(nid) && nid != m_nid)
		return true;
	if ((flags & MEMBLOCK_MIRROR) && !(m->flags & MEMBLOCK_MIRROR))
		return true;
	if (!(flags & MEMBLOCK_NOMAP) && (m->flags & MEMBLOCK_NOMAP))
		return true;
	if (!(flags & MEMBLOCK_DRIVER_MANAGED) && (m->flags & MEMBLOCK_DRIVER_MANAGED))
		return true;
	return false;
}

static void lx_next_mem_range(u64 *idx, int nid, enum memblock_flags flags,
			      struct lx_type *la, struct lx_type *lb,
			      phys_addr_t *out_start, phys_addr_t *out_end)
{
	struct memblock_type *type_a = &la->t, *type_b = &lb->t;
	int idx_a = *idx & 0xffffffff;
	int idx_b = *idx >> 32;

	for (; idx_a < type_a->cnt; idx_a++) {
		struct memblock_region *m = &type_a->regions[idx_a];
		phys_addr_t m_start = m->base;
		phys_addr_t m_end = m->base + m->size;

		if (lx_should_skip_region(la, m, nid, flags))
			continue;
		for (; idx_b < type_b->cnt + 1; idx_b++) {
			struct memblock_region *r = &type_b->regions[idx_b];
			phys_addr_t r_start = idx_b ? r[-1].base + r[-1].size : 0;
			phys_addr_t r_end = idx_b < type_b->cnt ? r->base : PHYS_ADDR_MAX;

			if (r_start >= m_end)
				break;
			if (m_start < r_end) {
				*out_start = max(m_start, r_start);
				*out_end = min(m_end, r_end);
				if (m_end <= r_end)
					idx_a++;
				else
					idx_b++;
				*idx = (u32)idx_a | (u64)idx_b << 32;
				return;
			}
		}
	}
	*idx = ULLONG_MAX;
}

static void lx_next_mem_range_rev(u64 *idx, int nid, enum memblock_flags flags,
				  struct lx_type *la, struct lx_type *lb,
				  phys_addr_t *out_start, phys_addr_t *out_end)
{
	struct memblock_type *type_a = &la->t, *type_b = &lb->t;
	int idx_a = *idx & 0xffffffff;
	int idx_b = *idx >> 32;

	if (*idx == (u64)ULLONG_MAX) {
		idx_a = type_a->cnt - 1;
		idx_b = type_b->cnt;
	}
	for (; idx_a >= 0; idx_a--) {
		struct memblock_region *m = &type_a->regions[idx_a];
		phys_addr_t m_start = m->base;
		phys_addr_t m_end = m->base + m->size;

		if (lx_should_skip_region(la, m, nid, flags))
			continue;
		for (; idx_b >= 0; idx_b--) {
			struct memblock_region *r = &type_b->regions[idx_b];
			phys_addr_t r_start = idx_b ? r[-1].base + r[-1].size : 0;
			phys_addr_t r_end = idx_b < type_b->cnt ? r->base : PHYS_ADDR_MAX;

			if (r_end <= m_start)
				break;
			if (m_end > r_start) {
				*out_start = max(m_start, r_start);
				*out_end = min(m_end, r_end);
				if (m_start >= r_start)
					idx_a--;
				else
					idx_b--;
				*idx = (u32)idx_a | (u64)idx_b << 32;
				return;
			}
		}
	}
	*idx = ULLONG_MAX;
}

static phys_addr_t lx_find_range_bottom_up(phys_addr_t start, phys_addr_t end,
					   phys_addr_t size, phys_addr_t align, int nid,
					   enum memblock_flags flags)
{
	phys_addr_t this_start, this_end, cand;
	u64 i = 0;

	for (lx_next_mem_range(&i, nid, flags, &lx.memory, &lx.reserved, &this_start, &this_end);
	     i != (u64)ULLONG_MAX;
	     lx_next_mem_range(&i, nid, flags, &lx.memory, &lx.reserved, &this_start, &this_end)) {
		this_start = clamp(this_start, start, end);
		this_end = clamp(this_end, start, end);
		cand = round_up(this_start, align);
		if (cand < this_end && this_end - cand >= size)
			return cand;
	}
	return 0;
}

static phys_addr_t lx_find_range_top_down(phys_addr_t start, phys_addr_t end,
					  phys_addr_t size, phys_addr_t align, int nid,
					  enum memblock_flags flags)
{
	phys_addr_t this_start, this_end, cand;
	u64 i = (u64)ULLONG_MAX;

	for (lx_next_mem_range_rev(&i, nid, flags, &lx.memory, &lx.reserved, &this_start, &this_end);
	     i != (u64)ULLONG_MAX;
	     lx_next_mem_range_rev(&i, nid, flags, &lx.memory, &lx.reserved, &this_start, &this_end)) {
		this_start = clamp(this_start, start, end);
		this_end = clamp(this_end, start, end);
		if (this_end < size)
			continue;
		cand = round_down(this_end - size, align);
		if (cand >= this_start)
			return cand;
	}
	return 0;
}

static phys_addr_t lx_find_in_range_node(phys_addr_t size, phys_addr_t align,
					 phys_addr_t start, phys_addr_t end, int nid,
					 enum memblock_flags flags)
{
	if (end == MEMBLOCK_ALLOC_ACCESSIBLE || end == MEMBLOCK_ALLOC_NOLEAKTRACE)
		end = lx.current_limit;
	start = max_t(phys_addr_t, start, PAGE_SIZE);
	end = max(start, end);
	if (lx.bottom_up)
		return lx_find_range_bottom_up(start, end, size, align, nid, flags);
	return lx_find_range_top_down(start, end, size, align, nid, flags);
}

static int lx_double_array(struct lx_type *lt, phys_addr_t new_area_start,
			   phys_addr_t new_area_size)
{
	struct memblock_type *type = &lt->t;
	struct memblock_region *new_array, *old_array;
	phys_addr_t old_size = type->max * sizeof(struct memblock_region);
	phys_addr_t new_size = old_size << 1;
	phys_addr_t old_alloc_size = ALIGN(old_size, PAGE_SIZE);
	phys_addr_t new_alloc_size = ALIGN(new_size, PAGE_SIZE);
	phys_addr_t addr, old_phys = lt->phys;
	bool old_static = lt->is_static;

	if (lt != &lx.reserved)
		new_area_start = new_area_size = 0;
	addr = lx_find_in_range_node(new_alloc_size, PAGE_SIZE, new_area_start + new_area_size,
				     lx.current_limit, NUMA_NO_NODE, MEMBLOCK_NONE);
	if (!addr && new_area_size)
		addr = lx_find_in_range_node(new_alloc_size, PAGE_SIZE, 0,
					     min(new_area_start, lx.current_limit),
					     NUMA_NO_NODE, MEMBLOCK_NONE);
	if (!addr)
		return -1;
	new_array = malloc(new_size);
	if (!new_array)
		abort();
	memcpy(new_array, type->regions, old_size);
	memset(new_array + type->max, 0, old_size);
	old_array = type->regions;
	type->regions = new_array;
	type->max <<= 1;
	lt->phys = addr;
	lt->is_static = false;
	if (!old_static)
		lx_remove_range(&lx.reserved, old_phys, old_alloc_size);
	free(old_array);
	if (lx_add_range(&lx.reserved, addr, new_alloc_size, MAX_NUMNODES, 0))
		abort();
	return 0;
}

static void lx_merge_regions(struct memblock_type *type, unsigned long start_rgn,
			     unsigned long end_rgn)
{
	int i = 0;

	if (start_rgn)
		i = start_rgn - 1;
	end_rgn = min(end_rgn, type->cnt - 1);
	while (i < end_rgn) {
		struct memblock_region *this = &type->regions[i];
		struct memblock_region *next = &type->regions[i + 1];

		if (this->base + this->size != next->base ||
		    memblock_get_region_node(this) != memblock_get_region_node(next) ||
		    this->flags != next->flags) {
			i++;
			continue;
		}
		this->size += next->size;
		memmove(next, next + 1, (type->cnt - (i + 2)) * sizeof(*next));
		type->cnt--;
		end_rgn--;
	}
}

static void lx_insert_region(struct memblock_type *type, int idx, phys_addr_t base,
			     phys_addr_t size, int nid, enum memblock_flags flags)
{
	struct memblock_region *rgn = &type->regions[idx];

	if (type->cnt >= type->max)
		abort();
	memmove(rgn + 1, rgn, (type->cnt - idx) * sizeof(*rgn));
	rgn->base = base;
	rgn->size = size;
	rgn->flags = flags;
	memblock_set_region_node(rgn, nid);
	type->cnt++;
	type->total_size += size;
}

static int lx_add_range(struct lx_type *lt, phys_addr_t base, phys_addr_t size,
			int nid, enum memblock_flags flags)
{
	struct memblock_type *type = &lt->t;
	bool insert = false;
	phys_addr_t obase = base;
	phys_addr_t end = base + lx_cap_size(base, &size);
	int idx, nr_new, start_rgn = -1, end_rgn = 0;
	struct memblock_region *rgn;

	if (!size)
		return 0;
	if (type->regions[0].size == 0) {
		type->regions[0].base = base;
		type->regions[0].size = size;
		type->regions[0].flags = flags;
		memblock_set_region_node(&type->regions[0], nid);
		type->total_size = size;
		type->cnt = 1;
		return 0;
	}
	if (type->cnt * 2 + 1 <= type->max)
		insert = true;
repeat:
	base = obase;
	nr_new = 0;
	for (idx = 0, rgn = &type->regions[0]; idx < type->cnt;
	     idx++, rgn = &type->regions[idx]) {
		phys_addr_t rbase = rgn->base;
		phys_addr_t rend = rbase + rgn->size;

		if (rbase >= end)
			break;
		if (rend <= base)
			continue;
		if (rbase > base) {
			nr_new++;
			if (insert) {
				if (start_rgn == -1)
					start_rgn = idx;
				end_rgn = idx + 1;
				lx_insert_region(type, idx++, base, rbase - base, nid, flags);
			}
		}
		base = min(rend, end);
	}
	if (base < end) {
		nr_new++;
		if (insert) {
			if (start_rgn == -1)
				start_rgn = idx;
			end_rgn = idx + 1;
			lx_insert_region(type, idx, base, end - base, nid, flags);
		}
	}
	if (!nr_new)
		return 0;
	if (!insert) {
		while (type->cnt + nr_new > type->max)
			if (lx_double_array(lt, obase, size) < 0)
				return -ENOMEM;
		insert = true;
		goto repeat;
	}
	lx_merge_regions(type, start_rgn, end_rgn);
	return 0;
}

static int lx_isolate_range(struct lx_type *lt, phys_addr_t base, phys_addr_t size,
			    int *start_rgn, int *end_rgn)
{
	struct memblock_type *type = &lt->t;
	phys_addr_t end = base + lx_cap_size(base, &size);
	struct memblock_region *rgn;
	int idx;

	*start_rgn = *end_rgn = 0;
	if (!size)
		return 0;
	while (type->cnt + 2 > type->max)
		if (lx_double_array(lt, base, size) < 0)
			return -ENOMEM;
	for (idx = 0, rgn = &type->regions[0]; idx < type->cnt;
	     idx++, rgn = &type->regions[idx]) {
		phys_addr_t rbase = rgn->base;
		phys_addr_t rend = rbase + rgn->size;

		if (rbase >= end)
			break;
		if (rend <= base)
			continue;
		if (rbase < base) {
			rgn->base = base;
			rgn->size -= base - rbase;
			type->total_size -= base - rbase;
			lx_insert_region(type, idx, rbase, base - rbase,
					 memblock_get_region_node(rgn), rgn->flags);
		} else if (rend > end) {
			rgn->base = end;
			rgn->size -= end - rbase;
			type->total_size -= end - rbase;
			lx_insert_region(type, idx--, rbase, end - rbase,
					 memblock_get_region_node(rgn), rgn->flags);
		} else {
			if (!*end_rgn)
				*start_rgn = idx;
			*end_rgn = idx + 1;
		}
	}
	return 0;
}

static void lx_remove_region(struct memblock_type *type, unsigned long r)
{
	type->total_size -= type->regions[r].size;
	memmove(&type->regions[r], &type->regions[r + 1],
		(type->cnt - (r + 1)) * sizeof(type->regions[r]));
	type->cnt--;
	if (type->cnt == 0) {
		type->regions[0].base = 0;
		type->regions[0].size = 0;
		type->regions[0].flags = 0;
		memblock_set_region_node(&type->regions[0], MAX_NUMNODES);
	}
}

static int lx_remove_range(struct lx_type *lt, phys_addr_t base, phys_addr_t size)
{
	int start_rgn, end_rgn, i, ret;

	ret = lx_isolate_range(lt, base, size, &start_rgn, &end_rgn);
	if (ret)
		return ret;
	for (i = end_rgn - 1; i >= start_rgn; i--)
		lx_remove_region(&lt->t, i);
	return 0;
}

/* memblock_reserve / memblock_phys_free / memblock_phys_alloc */
static int lx_reserve(phys_addr_t base, phys_addr_t size)
{
	return lx_add_range(&lx.reserved, base, size, MAX_NUMNODES, 0);
}

static int lx_phys_free(phys_addr_t base, phys_addr_t size)
{
	return lx_remove_range(&lx.reserved, base, size);
}

static phys_addr_t lx_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	phys_addr_t found = lx_find_in_range_node(size, align, 0, MEMBLOCK_ALLOC_ACCESSIBLE,
						  NUMA_NO_NODE, MEMBLOCK_NONE);

	if (found && !lx_reserve(found, size))
		return found;
	return 0;
}

/* The baseline starts from a copy of memblock's state. */
static void lx_copy_type(struct lx_type *lt, const struct memblock_type *from,
			 const struct memblock_region *static_regions)
{
	free(lt->t.regions);
	lt->t = *from;
	lt->t.regions = malloc(from->max * sizeof(*from->regions));
	if (!lt->t.regions)
		abort();
	memcpy(lt->t.regions, from->regions, from->max * sizeof(*from->regions));
	lt->is_static = from->regions == static_regions;
	lt->phys = lt->is_static ? 0 : __pa(from->regions);
}

static void lx_copy(void)
{
	lx.bottom_up = memblock.bottom_up;
	lx.current_limit = memblock.current_limit;
	lx_copy_type(&lx.memory, &memblock.memory, static_memory);
	lx_copy_type(&lx.reserved, &memblock.reserved, static_reserved);
}

/* ---------------------------------------------------- exact results */

static void same_type(const struct memblock_type *a, const struct memblock_type *b,
		      unsigned long n, const char *phase)
{
	unsigned long i;

	if (a->cnt != b->cnt || a->max != b->max || a->total_size != b->total_size) {
		fprintf(stderr, "memblock_bench: N=%lu, after %s: memblock.%s differs from Linux 6.12's: "
			"cnt %lu/%lu max %lu/%lu total_size %#llx/%#llx (bootmm/linux)\n",
			n, phase, a->name, a->cnt, b->cnt, a->max, b->max,
			(unsigned long long)a->total_size, (unsigned long long)b->total_size);
		exit(2);
	}
	for (i = 0; i < a->cnt; i++) {
		const struct memblock_region *x = &a->regions[i], *y = &b->regions[i];

		if (x->base != y->base || x->size != y->size || x->flags != y->flags ||
		    memblock_get_region_node(x) != memblock_get_region_node(y)) {
			fprintf(stderr, "memblock_bench: N=%lu, after %s: memblock.%s[%lu] differs from "
				"Linux 6.12's: bootmm [%#llx+%#llx flags %#x nid %d], "
				"linux [%#llx+%#llx flags %#x nid %d]\n", n, phase, a->name, i,
				(unsigned long long)x->base, (unsigned long long)x->size, x->flags,
				memblock_get_region_node(x), (unsigned long long)y->base,
				(unsigned long long)y->size, y->flags, memblock_get_region_node(y));
			exit(2);
		}
	}
}

static void same_state(unsigned long n, const char *phase)
{
	same_type(&memblock.memory, &lx.memory.t, n, phase);
	same_type(&memblock.reserved, &lx.reserved.t, n, phase);
}

static void same_addrs(const phys_addr_t *ours, const phys_addr_t *linux_got,
		       unsigned long n, const char *phase)
{
	int j;

	for (j = 0; j < OPS; j++)
		if (ours[j] != linux_got[j] || !ours[j]) {
			fprintf(stderr, "memblock_bench: N=%lu, %s #%d: bootmm returned %#llx, "
				"Linux 6.12 %#llx\n", n, phase, j, (unsigned long long)ours[j],
				(unsigned long long)linux_got[j]);
			exit(2);
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

enum { RESERVE, FREE, ALLOC_TD, ALLOC_BU, NR_PHASES };
static const char *const phase_name[NR_PHASES] = {
	"reserve", "free", "alloc top-down", "alloc bottom-up",
};

struct result {
	double ours[NR_PHASES], linux_ns[NR_PHASES], grow_ms;
};

static double time_ours(int phase, unsigned long n, phys_addr_t *got)
{
	double t0 = now_ns();
	int j;

	switch (phase) {
	case RESERVE:
		for (j = 0; j < OPS; j++)
			memblock_reserve(gap(n, j), SZ_2K);
		break;
	case FREE:
		for (j = 0; j < OPS; j++)
			memblock_phys_free(gap(n, j), SZ_2K);
		break;
	default:
		for (j = 0; j < OPS; j++)
			got[j] = memblock_phys_alloc(SZ_4K, SZ_4K);
	}
	return (now_ns() - t0) / OPS;
}

static double time_linux(int phase, unsigned long n, phys_addr_t *got)
{
	double t0 = now_ns();
	int j;

	switch (phase) {
	case RESERVE:
		for (j = 0; j < OPS; j++)
			lx_reserve(gap(n, j), SZ_2K);
		break;
	case FREE:
		for (j = 0; j < OPS; j++)
			lx_phys_free(gap(n, j), SZ_2K);
		break;
	default:
		for (j = 0; j < OPS; j++)
			got[j] = lx_phys_alloc(SZ_4K, SZ_4K);
	}
	return (now_ns() - t0) / OPS;
}

/* One round: every phase on both, in turns (who goes first alternates). */
static void measure(unsigned long n, int round, struct result *r)
{
	static phys_addr_t got[OPS], lgot[OPS];
	double t0;
	int phase, j;

	t0 = now_ns();
	reset(n);
	r->grow_ms = (now_ns() - t0) / 1e6;
	lx_copy();
	same_state(n, "building the regions");

	for (phase = 0; phase < NR_PHASES; phase++) {
		if (phase == ALLOC_BU) {
			memblock_set_bottom_up(true);
			lx.bottom_up = true;
		}
		if (round & 1) {
			r->linux_ns[phase] = time_linux(phase, n, lgot);
			r->ours[phase] = time_ours(phase, n, got);
		} else {
			r->ours[phase] = time_ours(phase, n, got);
			r->linux_ns[phase] = time_linux(phase, n, lgot);
		}
		same_state(n, phase_name[phase]);
		if (phase >= ALLOC_TD) {
			same_addrs(got, lgot, n, phase_name[phase]);
			for (j = 0; j < OPS; j++) {
				memblock_phys_free(got[j], SZ_4K);
				lx_phys_free(lgot[j], SZ_4K);
			}
			same_state(n, "freeing the allocations");
		}
	}
	memblock_set_bottom_up(false);
}

int main(void)
{
	static const unsigned long sizes[] = { 128, 1000, 10000, 100000 };
	struct result r[ARRAY_SIZE(sizes)];
	unsigned int i, p;
	char what[96];

	static_memory = memblock.memory.regions;
	static_reserved = memblock.reserved.regions;
	if (sim_ram_setup(BASE + sizes[ARRAY_SIZE(sizes) - 1] * STRIDE + SZ_128M))
		return 1;
	memblock_allow_resize();

	/* best of 5 (3 at 100k); the first pass also pays first-touch faults */
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		int rounds = sizes[i] >= 100000 ? 3 : 5, k;

		measure(sizes[i], 0, &r[i]);
		for (k = 1; k < rounds; k++) {
			struct result t;

			measure(sizes[i], k, &t);
			for (p = 0; p < NR_PHASES; p++) {
				r[i].ours[p] = min(r[i].ours[p], t.ours[p]);
				r[i].linux_ns[p] = min(r[i].linux_ns[p], t.linux_ns[p]);
			}
			r[i].grow_ms = min(r[i].grow_ms, t.grow_ms);
		}
	}

	printf("memblock: ns per operation with N reserved regions, bootmm vs Linux 6.12's algorithm\n"
	       "(%d ops each, best of 5 (3 at 100k), same sequence, results checked identical)\n", OPS);
	printf("%8s %-16s %10s %10s %7s  %s\n", "N", "operation", "bootmm", "linux", "ratio",
	       "target");
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		for (p = 0; p < NR_PHASES; p++) {
			double ratio = r[i].ours[p] / r[i].linux_ns[p];

			snprintf(what, sizeof(what), "memblock %s, N=%lu, vs Linux", phase_name[p],
				 sizes[i]);
			printf("%8lu %-16s %10.0f %10.0f %7.2f  \xe2\x89\xa4 1.00 %s\n", sizes[i],
			       phase_name[p], r[i].ours[p], r[i].linux_ns[p], ratio,
			       bench_target(what, ratio, 1.0, NULL));
		}
	}
	printf("growth per 10x (1k->10k, 10k->100k): reserve %.1fx %.1fx (linux %.1fx %.1fx), "
	       "free %.1fx %.1fx (linux %.1fx %.1fx)\n",
	       r[2].ours[RESERVE] / r[1].ours[RESERVE], r[3].ours[RESERVE] / r[2].ours[RESERVE],
	       r[2].linux_ns[RESERVE] / r[1].linux_ns[RESERVE],
	       r[3].linux_ns[RESERVE] / r[2].linux_ns[RESERVE],
	       r[2].ours[FREE] / r[1].ours[FREE], r[3].ours[FREE] / r[2].ours[FREE],
	       r[2].linux_ns[FREE] / r[1].linux_ns[FREE], r[3].linux_ns[FREE] / r[2].linux_ns[FREE]);
	printf("building N regions in address order (arrays doubling): ");
	for (i = 0; i < ARRAY_SIZE(sizes); i++)
		printf("%lu: %.2f ms%s", sizes[i], r[i].grow_ms,
		       i + 1 < ARRAY_SIZE(sizes) ? ", " : "\n");
	printf("arrays at N=100k: memory.max %lu, reserved.max %lu (doubled from %d)\n",
	       memblock.memory.max, memblock.reserved.max, INIT_MEMBLOCK_REGIONS);
	printf("exact results: memory and reserved identical to Linux 6.12's after every phase, "
	       "%d x 4 phases x 4 sizes, every allocation at the same address\n", OPS);
	bench_summary("memblock");
	return 0;
}
