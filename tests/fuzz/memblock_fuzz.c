// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for mm/memblock.c: the input bytes are a sequence of
 * operations (add/add_node, remove, reserve, phys_free, mark/clear
 * hotplug and nomap, set_node, mark_noinit, the allocators top-down and
 * bottom-up, with min/max/nid/exact_nid/align) on a grid of 1 KiB units.
 * A reference model keeps one cell per unit (memory? node, flags,
 * reserved? flags) and implements Linux's rules the slow obvious way:
 * regions are maximal runs of equal cells, free ranges are memory regions
 * minus reserved, allocation takes the first fit scanning free ranges
 * from the top (or bottom).  After every operation both arrays must equal
 * the model's runs exactly: sorted, disjoint, merged, total_size right;
 * the free-range iterators (both directions, any node and node 0) and the
 * point and range queries must agree with the model too.
 *
 * Arrays grow past 128 entries (memblock_allow_resize), with memory
 * taken from a pool of RAM above the fuzzed units: when a doubling moved
 * an array, the model frees the old array's pages and reserves the new
 * ones before applying the operation itself, as memblock does.
 */
#include <stdint.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/cache.h>
#include <linux/memblock.h>
#include <asm/host.h>

#define UNIT		1024ULL
#define NU		512		/* fuzzed units: [0, 512 KiB) */
#define POOL		256		/* RAM for the arrays: [512 KiB, 768 KiB) */
#define NT		(NU + POOL)
#define NID_ANY		MAX_NUMNODES

struct cell {
	bool mem, res;
	int nid;
	unsigned int mflags, rflags;
};

static struct cell model[NT];
static struct memblock_region *static_memory, *static_reserved;

struct input {
	const u8 *p;
	size_t n;
};

static unsigned int take(struct input *in, unsigned int bytes)
{
	unsigned int v = 0;

	while (bytes--) {
		v <<= 8;
		if (in->n) {
			v |= *in->p++;
			in->n--;
		}
	}
	return v;
}

/* ------------------------------------------------------------ the model */

static void model_reset(void)
{
	int u;

	for (u = 0; u < NT; u++)
		model[u] = (struct cell){ .nid = NID_ANY };
	for (u = NU; u < NT; u++)
		model[u].mem = true;
}

struct run {
	phys_addr_t base, size;
	int nid;
	unsigned int flags;
};

/* Maximal runs of equal memory (@res false) or reserved (@res true) cells. */
static int model_runs(bool res, struct run *runs)
{
	int u = 0, n = 0;

	while (u < NT) {
		struct cell *c = &model[u];
		int v = u + 1;

		if (!(res ? c->res : c->mem)) {
			u++;
			continue;
		}
		while (v < NT && (res ? model[v].res : model[v].mem) &&
		       (res ? model[v].rflags == c->rflags :
			      model[v].nid == c->nid && model[v].mflags == c->mflags))
			v++;
		runs[n++] = (struct run){ u * UNIT, (v - u) * UNIT,
					  res ? NID_ANY : c->nid,
					  res ? c->rflags : c->mflags };
		u = v;
	}
	return n;
}

/* The model's regions, recomputed once per operation (model_refresh). */
static struct run mem_runs[NT], res_runs[NT];
static int nr_mem_runs, nr_res_runs;

static void model_refresh(void)
{
	nr_mem_runs = model_runs(false, mem_runs);
	nr_res_runs = model_runs(true, res_runs);
}

static void dump_and_die(const char *what, struct memblock_type *type,
			 struct run *runs, int n)
{
	unsigned long i;
	int k;

	fprintf(stderr, "memblock_fuzz: %s (%s)\n got %lu:", what, type->name, type->cnt);
	for (i = 0; i < type->cnt; i++)
		fprintf(stderr, " [%#llx +%#llx n%d f%x]",
			(unsigned long long)type->regions[i].base,
			(unsigned long long)type->regions[i].size,
			type->regions[i].nid, type->regions[i].flags);
	fprintf(stderr, "\n want %d:", n);
	for (k = 0; k < n; k++)
		fprintf(stderr, " [%#llx +%#llx n%d f%x]", (unsigned long long)runs[k].base,
			(unsigned long long)runs[k].size, runs[k].nid, runs[k].flags);
	fprintf(stderr, "\n");
	abort();
}

static void check_type(struct memblock_type *type, bool res)
{
	struct run *runs = res ? res_runs : mem_runs;
	phys_addr_t total = 0;
	int n = res ? nr_res_runs : nr_mem_runs, k;

	if (type->cnt != n)
		dump_and_die("region count", type, runs, n);
	for (k = 0; k < n; k++) {
		struct memblock_region *r = &type->regions[k];

		if (r->base != runs[k].base || r->size != runs[k].size ||
		    r->flags != runs[k].flags || (!res && r->nid != runs[k].nid))
			dump_and_die("region", type, runs, n);
		total += r->size;
	}
	if (total != type->total_size)
		dump_and_die("total_size", type, runs, n);
	if (!n && (type->regions[0].base || type->regions[0].size))
		dump_and_die("empty array not cleared", type, runs, n);
}

static void range_units(phys_addr_t base, phys_addr_t size, int *u0, int *u1)
{
	*u0 = base / UNIT;
	*u1 = (base + size) / UNIT;
}

/*
 * Free ranges as __next_mem_range() yields them: each memory run not
 * skipped (other node, NOMAP) intersected with each gap between reserved
 * runs.  Two reserved runs that touch (different flags) leave an empty
 * gap, and Linux yields that empty range when it lies inside a memory
 * region, so the model does too.
 */
static int model_free_ranges(int nid, struct run *out)
{
	struct run *mem = mem_runs, *res = res_runs;
	int n = nr_mem_runs, nr = nr_res_runs, k, g = 0, m = 0;

	for (k = 0; k < n; k++) {
		phys_addr_t m_start = mem[k].base, m_end = mem[k].base + mem[k].size;

		if (nid >= 0 && nid < MAX_NUMNODES && mem[k].nid != nid)
			continue;
		if (mem[k].flags & MEMBLOCK_NOMAP)
			continue;
		/* gaps wholly below this run can be skipped for good */
		for (; g <= nr; g++) {
			phys_addr_t r_start = g ? res[g - 1].base + res[g - 1].size : 0;
			phys_addr_t r_end = g < nr ? res[g].base : PHYS_ADDR_MAX;

			if (r_start >= m_end)
				break;
			if (m_start < r_end)
				out[m++] = (struct run){ max(m_start, r_start),
							 min(m_end, r_end) - max(m_start, r_start),
							 mem[k].nid, 0 };
			if (r_end > m_end)
				break;	/* this gap goes on into the next run */
		}
	}
	return m;
}

/* memblock_find_in_range_node() on the model. */
static phys_addr_t model_find(phys_addr_t size, phys_addr_t align,
			      phys_addr_t start, phys_addr_t end, int nid)
{
	static struct run fr[NT];
	int n = model_free_ranges(nid, fr), k;

	if (end == MEMBLOCK_ALLOC_ACCESSIBLE || end == MEMBLOCK_ALLOC_NOLEAKTRACE)
		end = memblock.current_limit;
	start = max_t(phys_addr_t, start, PAGE_SIZE);
	end = max(start, end);

	for (k = 0; k < n; k++) {
		struct run *r = &fr[memblock.bottom_up ? k : n - 1 - k];
		phys_addr_t s = clamp(r->base, start, end);
		phys_addr_t e = clamp(r->base + r->size, start, end);
		phys_addr_t cand;

		if (memblock.bottom_up) {
			cand = round_up(s, align);
			if (cand < e && e - cand >= size)
				return cand;
		} else {
			if (e < size)
				continue;
			cand = round_down(e - size, align);
			if (cand >= s)
				return cand;
		}
	}
	return 0;
}

/* memblock_alloc_range_nid() on the model (no mirror in this fuzzer). */
static phys_addr_t model_alloc(phys_addr_t size, phys_addr_t align, phys_addr_t start,
			       phys_addr_t end, int nid, bool exact)
{
	phys_addr_t found;

	if (!align)
		align = SMP_CACHE_BYTES;
	found = model_find(size, align, start, end, nid);
	if (!found && nid >= 0 && nid < MAX_NUMNODES && !exact)
		found = model_find(size, align, start, end, NUMA_NO_NODE);
	return found;
}

static void model_set_res(phys_addr_t base, phys_addr_t size, bool res)
{
	int u, u0, u1;

	range_units(base, size, &u0, &u1);
	for (u = u0; u < u1; u++) {
		if (res && !model[u].res)
			model[u].rflags = 0;
		model[u].res = res;
	}
}

/* ------------------------------------------------------------ the arrays */

static phys_addr_t array_base(struct memblock_type *t, struct memblock_region *st)
{
	return t->regions == st ? 0 : __pa(t->regions);
}

static phys_addr_t array_size(struct memblock_type *t)
{
	return ALIGN(t->max * sizeof(struct memblock_region), PAGE_SIZE);
}

struct arrays {
	phys_addr_t mem_base, mem_size, res_base, res_size;
};

static void snapshot(struct arrays *a)
{
	a->mem_base = array_base(&memblock.memory, static_memory);
	a->mem_size = array_size(&memblock.memory);
	a->res_base = array_base(&memblock.reserved, static_reserved);
	a->res_size = array_size(&memblock.reserved);
}

/* A doubling during the last operation: old pages freed, new reserved. */
static void model_follow_arrays(const struct arrays *before)
{
	struct arrays now;

	snapshot(&now);
	if (now.mem_base != before->mem_base && before->mem_base)
		model_set_res(before->mem_base, before->mem_size, false);
	if (now.res_base != before->res_base && before->res_base)
		model_set_res(before->res_base, before->res_size, false);
	if (now.mem_base != before->mem_base)
		model_set_res(now.mem_base, now.mem_size, true);
	if (now.res_base != before->res_base)
		model_set_res(now.res_base, now.res_size, true);
}

/* ------------------------------------------------------------ operations */

static void reset_memblock(void)
{
	memblock.memory.regions = static_memory;
	memset(static_memory, 0, INIT_MEMBLOCK_MEMORY_REGIONS * sizeof(*static_memory));
	memblock.memory.cnt = 0;
	memblock.memory.max = INIT_MEMBLOCK_MEMORY_REGIONS;
	memblock.memory.total_size = 0;
	memblock.reserved.regions = static_reserved;
	memset(static_reserved, 0, INIT_MEMBLOCK_RESERVED_REGIONS * sizeof(*static_reserved));
	memblock.reserved.cnt = 0;
	memblock.reserved.max = INIT_MEMBLOCK_RESERVED_REGIONS;
	memblock.reserved.total_size = 0;
	memblock.bottom_up = false;
	memblock.current_limit = MEMBLOCK_ALLOC_ANYWHERE;
	model_reset();
	memblock_add(NU * UNIT, POOL * UNIT);
}

static void do_alloc(struct input *in, unsigned int op)
{
	phys_addr_t size = (1 + take(in, 1) % 16) * UNIT;
	unsigned int a = take(in, 1);
	phys_addr_t align = (a & 7) == 7 ? 0 : UNIT << (a & 7);
	phys_addr_t min = (take(in, 2) % NU) * UNIT;
	phys_addr_t max = (2 + take(in, 2) % (NU - 1)) * UNIT;
	int nid = a & 0x40 ? 0 : NUMA_NO_NODE;
	bool exact = a & 0x80;
	phys_addr_t want, got;
	struct arrays before;

	snapshot(&before);
	model_refresh();
	switch (op) {
	case 0:
		want = model_alloc(size, align, min, max, NUMA_NO_NODE, false);
		got = memblock_phys_alloc_range(size, align, min, max);
		break;
	case 1: {
		void *p;

		want = model_alloc(size, align, min, max, nid, exact);
		if (!want && min)
			want = model_alloc(size, align, 0, max, nid, exact);
		p = exact ? memblock_alloc_exact_nid_raw(size, align, min, max, nid)
			  : memblock_alloc_try_nid(size, align, min, max, nid);
		got = p ? __pa(p) : 0;
		if (p && !exact && memchr_inv(p, 0, size))
			abort();	/* memblock_alloc_try_nid must zero */
		if (p)
			memset(p, 0xa5, size);	/* dirty it for the next user */
		break;
	}
	default:
		/* no upper bound: this one may take pool memory too */
		want = model_alloc(size, align, 0, MEMBLOCK_ALLOC_ACCESSIBLE, nid, false);
		got = memblock_phys_alloc_try_nid(size, align, nid);
		break;
	}
	if (want != got) {
		fprintf(stderr, "memblock_fuzz: alloc op %u size %#llx align %#llx [%#llx, %#llx) nid %d%s: got %#llx want %#llx (%s)\n",
			op, (unsigned long long)size, (unsigned long long)align,
			(unsigned long long)min, (unsigned long long)max, nid,
			exact ? " exact" : "", (unsigned long long)got,
			(unsigned long long)want, memblock.bottom_up ? "bottom-up" : "top-down");
		abort();
	}
	model_follow_arrays(&before);
	if (got)
		model_set_res(got, size, true);
}

static void do_range_op(struct input *in, unsigned int op)
{
	phys_addr_t base = (take(in, 2) % NU) * UNIT;
	phys_addr_t size = (take(in, 1) % 64) * UNIT;
	unsigned int arg = take(in, 1);
	int nid = arg & 1 ? 0 : NID_ANY;
	unsigned int flag = arg & 2 ? MEMBLOCK_NOMAP : MEMBLOCK_HOTPLUG;
	struct arrays before;
	int u, u0, u1, ret;

	if (base + size > NU * UNIT)
		size = NU * UNIT - base;
	range_units(base, size, &u0, &u1);
	snapshot(&before);

	switch (op) {
	case 0:
		ret = arg & 4 ? memblock_add(base, size)
			      : memblock_add_node(base, size, nid, arg & 8 ? MEMBLOCK_HOTPLUG : 0);
		if (arg & 4) {
			nid = NID_ANY;
			arg &= ~8;
		}
		model_follow_arrays(&before);
		for (u = u0; u < u1; u++)
			if (!model[u].mem)
				model[u] = (struct cell){ true, model[u].res, nid,
							  arg & 8 ? MEMBLOCK_HOTPLUG : 0,
							  model[u].rflags };
		break;
	case 1:
		ret = memblock_remove(base, size);
		model_follow_arrays(&before);
		for (u = u0; u < u1; u++) {
			model[u].mem = false;
			model[u].nid = NID_ANY;
			model[u].mflags = 0;
		}
		break;
	case 2:
		ret = memblock_reserve(base, size);
		model_follow_arrays(&before);
		model_set_res(base, size, true);
		break;
	case 3:
		ret = memblock_phys_free(base, size);
		model_follow_arrays(&before);
		model_set_res(base, size, false);
		break;
	case 4:
		if (arg & 4)
			ret = flag == MEMBLOCK_NOMAP ? memblock_mark_nomap(base, size)
						     : memblock_mark_hotplug(base, size);
		else
			ret = flag == MEMBLOCK_NOMAP ? memblock_clear_nomap(base, size)
						     : memblock_clear_hotplug(base, size);
		model_follow_arrays(&before);
		for (u = u0; u < u1; u++)
			if (model[u].mem) {
				if (arg & 4)
					model[u].mflags |= flag;
				else
					model[u].mflags &= ~flag;
			}
		break;
	case 5:
		ret = memblock_set_node(base, size, &memblock.memory, nid);
		model_follow_arrays(&before);
		for (u = u0; u < u1; u++)
			if (model[u].mem)
				model[u].nid = nid;
		break;
	default:
		ret = memblock_reserved_mark_noinit(base, size);
		model_follow_arrays(&before);
		for (u = u0; u < u1; u++)
			if (model[u].res)
				model[u].rflags |= MEMBLOCK_RSRV_NOINIT;
		break;
	}
	if (ret) {
		fprintf(stderr, "memblock_fuzz: range op %u returned %d\n", op, ret);
		abort();
	}
}

/*
 * The iterators and queries against the model: every free range in both
 * directions (any node, then node 0), and point/range questions about
 * unit @u.
 */
static void check_iterators_and_queries(int u, int len)
{
	static struct run fr[NT];
	phys_addr_t start, end, base = u * UNIT, size = len * UNIT;
	bool any_res = false, in_one_run;
	int nids[] = { NUMA_NO_NODE, 0 }, k, n, j, v;
	u64 i;

	for (j = 0; j < 2; j++) {
		n = model_free_ranges(nids[j], fr);
		k = 0;
		__for_each_mem_range(i, &memblock.memory, &memblock.reserved, nids[j],
				     MEMBLOCK_NONE, &start, &end, NULL) {
			if (k >= n || start != fr[k].base || end != fr[k].base + fr[k].size)
				abort();
			k++;
		}
		if (k != n)
			abort();
		__for_each_mem_range_rev(i, &memblock.memory, &memblock.reserved, nids[j],
					 MEMBLOCK_NONE, &start, &end, NULL) {
			k--;
			if (k < 0 || start != fr[k].base || end != fr[k].base + fr[k].size)
				abort();
		}
		if (k != 0)
			abort();
	}

	if (memblock_is_memory(base) != model[u].mem ||
	    memblock_is_reserved(base) != model[u].res)
		abort();
	for (v = u; v < u + len && v < NT; v++)
		any_res |= model[v].res;
	if (len && memblock_is_region_reserved(base, size) != any_res)
		abort();
	/* a subset of one memory region: same run from u to u + len - 1 */
	in_one_run = model[u].mem;
	for (v = u + 1; in_one_run && v < u + len; v++)
		in_one_run = v < NT && model[v].mem && model[v].nid == model[u].nid &&
			     model[v].mflags == model[u].mflags;
	if (len && memblock_is_region_memory(base, size) != in_one_run)
		abort();
}

/* The pool must never run dry, or a doubling could fail unpredictably. */
static bool pool_is_low(void)
{
	int u, free_units = 0;

	for (u = NU; u < NT; u++)
		free_units += !model[u].res;
	return free_units < 64;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static_memory = memblock.memory.regions;
	static_reserved = memblock.reserved.regions;
	host_console_quiet(true);	/* WARN_ONs for mixed nid/flags overlaps */
	if (sim_ram_setup(NT * UNIT))
		abort();
	memblock_allow_resize();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { data, size };

	reset_memblock();
	while (in.n) {
		unsigned int op = take(&in, 1);

		if (op < 0x90)
			do_range_op(&in, op % 7);
		else if (op < 0xf0)
			do_alloc(&in, op % 3);
		else
			memblock_set_bottom_up(op & 1);
		model_refresh();
		check_type(&memblock.memory, false);
		check_type(&memblock.reserved, true);
		check_iterators_and_queries(op * 4 % NT, 1 + op % 16);
		if (pool_is_low())
			break;
	}
	return 0;
}
