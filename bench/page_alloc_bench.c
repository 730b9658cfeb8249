// SPDX-License-Identifier: GPL-2.0
/*
 * Page allocator speed against the floors measured in the same run:
 *
 * 1. memmap init + free to the buddy allocator (free_area_init() +
 *    memblock_free_all()) on simulated x86_64 machines of 1, 16 and
 *    64 GiB, in ns per page, next to a memset of the same number of
 *    struct-page bytes (the memory-bandwidth floor).  The first boot of a
 *    size pays the host's page faults on the memmap ("cold"); the boot is
 *    then repeated on the same, now faulted, memory ("warm").  The memset
 *    floor is also timed warm (second pass over a touched buffer).
 *
 * 2. Allocation: order-0 alloc_pages+__free_pages pairs (the per-cpu
 *    fast path), and a mixed-order pattern (orders 0..3, 64 live blocks),
 *    in ns per alloc+free, next to a plain free-list pop+push of the same
 *    struct pages (list_del + list_add), the floor for any list allocator.
 *
 * Targets (bench_summary() prints them): memmap init + free at most 2x
 * the memset floor at 1, 16 and 64 GiB (warm); order-0 alloc+free at most
 * 1.5x the free-list floor; struct page at most 48 bytes on the x86_64
 * host (the i386 kernel's 32-byte bound is a BUILD_BUG_ON in mm_init.c and
 * is printed by bench/qemu_boot_bench.sh from the boot log).  Best of
 * REPEAT, baseline and code under test alternating in one run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/host.h>
#include "bench.h"

#define REPEAT	7

static struct memblock_region *static_memory, *static_reserved;

static void reset_memblock(void)
{
	memblock.memory.regions = static_memory;
	memset(static_memory, 0, INIT_MEMBLOCK_MEMORY_REGIONS * sizeof(struct memblock_region));
	memblock.memory.cnt = 0;
	memblock.memory.total_size = 0;
	memblock.reserved.regions = static_reserved;
	memset(static_reserved, 0, INIT_MEMBLOCK_RESERVED_REGIONS * sizeof(struct memblock_region));
	memblock.reserved.cnt = 0;
	memblock.reserved.total_size = 0;
	memblock.current_limit = MEMBLOCK_ALLOC_ANYWHERE;
}

/* QEMU-like x86_64 map: 3 GiB below the PCI hole, the rest above 4 GiB. */
static void setup_machine(phys_addr_t size)
{
	phys_addr_t low = min_t(phys_addr_t, size, 3ULL << 30);

	reset_memblock();
	mm_profile = &mm_profile_x86_64;
	memblock_add(0x1000, 0x9f000 - 0x1000);
	memblock_add(0x100000, low - 0x20000 - 0x100000);
	if (size > low)
		memblock_add(1ULL << 32, size - low);
	host_kernel_image_setup(SZ_16M, 14 << 20, 9 << 20, 2 << 20, 3 << 20, 17 << 20);
	memblock_reserve(0, SZ_1M);
	memblock_reserve(__pa(_text), _end - _text);
	max_pfn = PFN_DOWN(memblock_end_of_DRAM());
	find_low_pfn_range();
	init_mem_mapping();
	initmem_init();
}

static long minflt(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_minflt;
}

struct boot_time {
	double init, free;	/* zone_sizes_init(), memblock_free_all() */
};

/* One timed boot: free_area_init + memblock_free_all; returns ns. */
static double boot_once(phys_addr_t size, long *faults, struct boot_time *bt)
{
	double t0, t1, t2;
	long f0;

	setup_machine(size);
	f0 = minflt();
	t0 = now_ns();
	zone_sizes_init();
	t1 = now_ns();
	memblock_free_all();
	t2 = now_ns();
	*faults = minflt() - f0;
	bt->init = t1 - t0;
	bt->free = t2 - t1;
	return t2 - t0;
}

/* One warm memset of @bytes over @buf (already touched). */
static double memset_once(char *buf, size_t bytes, int pass)
{
	double t0 = now_ns();

	memset(buf, 0x5a + pass, bytes);
	__asm__ volatile("" : : "r" (buf) : "memory");
	return now_ns() - t0;
}

static void bench_memmap(void)
{
	static const unsigned int gib[] = { 1, 16, 64 };
	unsigned int i;

	char what[96];

	printf("memmap init + free to buddy (x86_64 profile, struct page = %zu B), ns per page\n",
	       sizeof(struct page));
	printf("%5s %9s %8s %8s %8s %8s %8s %7s %6s  %s\n", "RAM", "pages", "cold", "faults",
	       "warm", "(init", "free)", "memset", "ratio", "target");
	for (i = 0; i < ARRAY_SIZE(gib); i++) {
		phys_addr_t size = (phys_addr_t)gib[i] << 30;
		double cold, warm = 1e30, floor = 1e30, init = 1e30, hand = 1e30;
		struct boot_time bt;
		char *buf;
		unsigned long pages;
		long faults, f;
		int r;

		if (sim_ram_setup(size + (4ULL << 30))) {
			printf("%4uG  (no address space)\n", gib[i]);
			continue;
		}
		cold = boot_once(size, &faults, &bt);
		pages = NODE_DATA(0)->node_present_pages;
		buf = malloc(pages * sizeof(struct page));
		if (!buf)
			continue;
		memset(buf, 1, pages * sizeof(struct page));	/* fault it in */
		/* alternate the two so both see the same machine load */
		for (r = 0; r < REPEAT; r++) {
			floor = min(floor, memset_once(buf, pages * sizeof(struct page), r));
			warm = min(warm, boot_once(size, &f, &bt));
			init = min(init, bt.init);
			hand = min(hand, bt.free);
		}
		free(buf);
		snprintf(what, sizeof(what), "memmap init + free vs memset, %u GiB (warm)", gib[i]);
		printf("%4uG %9lu %8.2f %8ld %8.2f %8.2f %8.2f %7.2f %6.2f  \xe2\x89\xa4 2.00 %s\n",
		       gib[i], pages, cold / pages, faults, warm / pages, init / pages, hand / pages,
		       floor / pages, warm / floor,
		       bench_target(what, warm / floor, 2.0,
				    "two passes over the memmap (init at free_area_init, then "
				    "Reserved/refcount cleared at hand-over, as Linux does), each "
				    "at about memset speed"));
		sim_ram_teardown();
	}
	printf("cold: first boot of the size, paying the host's page faults on the memmap\n"
	       "  (faults column; about 3-6 us each on this VM, see notes/perf-floors.md);\n"
	       "  warm: the same boot again, best of %d; init = zone_sizes_init (memmap,\n"
	       "  pageblocks), free = memblock_free_all; memset: the same bytes, warm.\n", REPEAT);
	snprintf(what, sizeof(what), "struct page size, x86_64 host build");
	bench_value(what, sizeof(struct page), 48, "B");
}

/* Floor: pop a struct page off a doubly linked list and push it back. */
static double list_floor_once(struct list_head *list, unsigned long ops)
{
	double t0 = now_ns();
	unsigned long i;

	for (i = 0; i < ops; i++) {
		struct page *p = list_first_entry(list, struct page, lru);

		list_del(&p->lru);
		__asm__ volatile("" : : "r" (p) : "memory");
		list_add(&p->lru, list);
	}
	return (now_ns() - t0) / ops;
}

/*
 * The same list as an allocator would be called: pop and push out of
 * line, like alloc_pages() and __free_pages().  For reading only: it
 * shows how much of the gap is the two calls.
 */
static noinline struct page *floor_pop(struct list_head *list)
{
	struct page *p = list_first_entry(list, struct page, lru);

	list_del(&p->lru);
	return p;
}

static noinline void floor_push(struct list_head *list, struct page *p)
{
	list_add(&p->lru, list);
}

static double call_floor_once(struct list_head *list, unsigned long ops)
{
	double t0 = now_ns();
	unsigned long i;

	for (i = 0; i < ops; i++) {
		struct page *p = floor_pop(list);

		__asm__ volatile("" : : "r" (p) : "memory");
		floor_push(list, p);
	}
	return (now_ns() - t0) / ops;
}

static double order0_once(unsigned long ops)
{
	double t0 = now_ns();
	unsigned long i;

	for (i = 0; i < ops; i++) {
		struct page *p = alloc_pages(GFP_KERNEL, 0);

		__asm__ volatile("" : : "r" (p) : "memory");
		__free_pages(p, 0);
	}
	return (now_ns() - t0) / ops;
}

/* 64 live blocks; each op frees one and allocates a new one of order i%4. */
static double mixed_orders(unsigned long ops)
{
	struct { struct page *page; unsigned int order; } live[64];
	double best = 1e30;
	unsigned long i;
	int r, k;

	for (k = 0; k < 64; k++) {
		live[k].order = k & 3;
		live[k].page = alloc_pages(GFP_KERNEL, live[k].order);
	}
	for (r = 0; r < REPEAT; r++) {
		double t0 = now_ns();

		for (i = 0; i < ops; i++) {
			unsigned int slot = (i * 37) & 63, order = (i ^ (i >> 3)) & 3;

			__free_pages(live[slot].page, live[slot].order);
			live[slot].page = alloc_pages(GFP_KERNEL, order);
			live[slot].order = order;
		}
		best = min(best, now_ns() - t0);
	}
	for (k = 0; k < 64; k++)
		__free_pages(live[k].page, live[k].order);
	return best / ops;
}

static void bench_alloc(void)
{
	static struct page floor_pages[64];
	const unsigned long ops = 1000000;
	double floor = 1e30, call_floor = 1e30, o0 = 1e30, mixed;
	LIST_HEAD(list);
	unsigned int k;
	int r;

	if (sim_ram_setup(2ULL << 30)) {
		printf("alloc: no address space\n");
		return;
	}
	setup_machine(SZ_1G);
	paging_init();
	build_all_zonelists(NULL);
	mm_core_init();
	for (k = 0; k < ARRAY_SIZE(floor_pages); k++)
		list_add(&floor_pages[k].lru, &list);
	/* floor and allocator take turns, so both see the same load */
	for (r = 0; r < 3 * REPEAT; r++) {
		floor = min(floor, list_floor_once(&list, ops));
		o0 = min(o0, order0_once(ops));
		call_floor = min(call_floor, call_floor_once(&list, ops));
	}
	mixed = mixed_orders(ops);
	printf("\nalloc+free, ns per pair (1 GiB x86_64 machine, best of %d, alternating)\n", 3 * REPEAT);
	printf("%-28s %10s %10s  %s\n", "", "ns/op", "ratio", "target");
	printf("%-28s %10.2f %10s\n", "free-list pop+push (floor)", floor, "1.00");
	printf("%-28s %10.2f %10.2f  (for reading: the floor as two calls)\n",
	       "  same, pop/push out of line", call_floor, call_floor / floor);
	printf("%-28s %10.2f %10.2f  \xe2\x89\xa4 1.50 %s\n", "order-0 alloc_pages+free", o0,
	       o0 / floor,
	       bench_target("order-0 alloc_pages+__free_pages vs list pop+push", o0 / floor, 1.5,
			    "the floor is an inlined 4-store list op (~4 cycles); the pair is two "
			    "calls with zone choice, watermark, pcp counters, refcount and "
			    "pageblock migratetype (Linux's PCP path: 115-230 cycles)"));
	printf("%-28s %10.2f %10.2f  (no target: ns/op for reading)\n", "mixed orders 0..3",
	       mixed, mixed / floor);
	sim_ram_teardown();
}

int main(void)
{
	static_memory = memblock.memory.regions;
	static_reserved = memblock.reserved.regions;
	host_console_quiet(true);
	bench_memmap();
	bench_alloc();
	bench_summary("page_alloc");
	return 0;
}
