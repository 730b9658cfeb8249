// SPDX-License-Identifier: GPL-2.0
/*
 * Slab allocator benchmark: kmalloc/kfree and kmem_cache_alloc/free at
 * 8, 64, 256, 1024 and 4096 bytes, in ns per alloc+free pair, beside the
 * host C library's malloc/free of the same sizes measured in the same run
 * (the baseline), reported as a ratio (ours / libc; below 1 is faster).
 *
 * Two patterns: "pair" frees each block at once (the hot fast path);
 * "batch" allocates 1000 blocks then frees them (slabs fill, retire and
 * come back, the slow paths run).  Each figure is the best of 15 rounds,
 * the three allocators taking turns within a round, since the host is
 * shared and noisy.  glibc's batch figures from 256 bytes up include its
 * heap trimming: freeing more than M_TRIM_THRESHOLD (128 KiB) at the top
 * of the heap gives it back with brk(), and the next round faults it in
 * again; that is the host allocator's real behaviour, shown as measured.
 * Target: every ratio at most 1.0 (no slower than the host's malloc).
 */
#include <stdio.h>
#include <stdlib.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <linux/sizes.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/host.h>
#include "bench.h"

/*
 * QEMU -m @bytes on the i386 profile, booted quietly the way setup_arch()
 * and start_kernel() do it (SeaBIOS's map, a pretend kernel image at
 * 16 MiB, first MiB reserved), up to a working page allocator; @cmdline
 * is parsed first, as parse_early_param() would.
 */
static int boot_machine(phys_addr_t bytes, const char *cmdline)
{
	int ret;

	parse_early_param(cmdline);
	ret = sim_ram_setup(bytes);
	if (ret)
		return ret;
	mm_profile = &mm_profile_i386;
	memblock_add(0x1000, 0x9f000 - 0x1000);
	memblock_add(0x100000, bytes - 0x20000 - 0x100000);
	host_kernel_image_setup(SZ_16M, 1 << 20, 256 << 10, 128 << 10, 256 << 10, 128 << 10);
	memblock_reserve(0, SZ_1M);
	memblock_reserve(__pa(_text), _end - _text);
	max_pfn = PFN_DOWN(memblock_end_of_DRAM());
	find_low_pfn_range();
	init_mem_mapping();
	initmem_init();
	paging_init();
	build_all_zonelists(NULL);
	mm_core_init();
	return 0;
}

#define ROUNDS	15
#define PAIRS	300000
#define BATCH	1000
#define BATCHES	40

static volatile unsigned char sink;

enum which { LIBC, KMALLOC, KMEM_CACHE };

static struct kmem_cache *cache;

/* Hide the pointer from the optimiser: GCC may delete a malloc/free pair. */
static inline void *escape(void *p)
{
	__asm__ __volatile__("" : "+r"(p) : : "memory");
	return p;
}

static inline void *bench_alloc(enum which w, size_t size)
{
	switch (w) {
	case LIBC:
		return escape(malloc(size));
	case KMALLOC:
		return kmalloc(size, GFP_KERNEL);
	default:
		return kmem_cache_alloc(cache, GFP_KERNEL);
	}
}

static inline void bench_free(enum which w, void *p)
{
	switch (w) {
	case LIBC:
		free(p);
		break;
	case KMALLOC:
		kfree(p);
		break;
	default:
		kmem_cache_free(cache, p);
	}
}

/* One round of the "pair" pattern; touching a byte keeps the pair real. */
static double run_pairs(enum which w, size_t size)
{
	double t0 = now_ns();
	long i;

	for (i = 0; i < PAIRS; i++) {
		unsigned char *p = bench_alloc(w, size);

		p[0] = (unsigned char)i;
		sink = p[0];
		bench_free(w, p);
	}
	return (now_ns() - t0) / PAIRS;
}

static void *blocks[BATCH];

/* One round of the "batch" pattern. */
static double run_batch(enum which w, size_t size)
{
	long rounds = BATCHES, r;
	double t0 = now_ns();
	int i;

	for (r = 0; r < rounds; r++) {
		for (i = 0; i < BATCH; i++) {
			unsigned char *p = bench_alloc(w, size);

			p[0] = (unsigned char)i;
			blocks[i] = p;
		}
		for (i = 0; i < BATCH; i++) {
			sink = *(unsigned char *)blocks[i];
			bench_free(w, blocks[i]);
		}
	}
	return (now_ns() - t0) / (rounds * BATCH);
}

/*
 * Best of ROUNDS for each allocator, the three measured in turn within
 * each round so that a burst of load on the shared host hits all of them.
 */
static void best3(double (*run)(enum which, size_t), size_t size, double b[3])
{
	int i, w;

	b[0] = b[1] = b[2] = 1e30;
	for (i = 0; i < ROUNDS; i++) {
		for (w = LIBC; w <= KMEM_CACHE; w++) {
			double t = run((enum which)w, size);

			if (t < b[w])
				b[w] = t;
		}
	}
}

int main(void)
{
	static const size_t sizes[] = { 8, 64, 256, 1024, 4096 };
	static const char *const pattern[] = { "pair", "batch" };
	double (*const runs[])(enum which, size_t) = { run_pairs, run_batch };
	unsigned int i, k;

	host_console_quiet(true);
	if (boot_machine(512 << 20, "")) {
		fprintf(stderr, "slab_bench: cannot set up the simulated machine\n");
		return 1;
	}
	kmem_cache_init();
	host_console_quiet(false);

	printf("slab allocator vs host libc malloc, ns per alloc+free pair (best of %d, ratio = ours / libc)\n", ROUNDS);
	printf("%-6s %6s  %9s %9s %7s %-4s  %9s %7s %-4s  (target: ratio \xe2\x89\xa4 1.00)\n",
	       "mode", "size", "libc", "kmalloc", "ratio", "", "kmem_cache", "ratio", "");
	for (k = 0; k < ARRAY_SIZE(runs); k++) {
		for (i = 0; i < ARRAY_SIZE(sizes); i++) {
			double b[3];
			char w1[96], w2[96];
			const char *ok1, *ok2;

			cache = kmem_cache_create("bench", sizes[i], 0, 0, NULL);
			best3(runs[k], sizes[i], b);
			kmem_cache_destroy(cache);
			snprintf(w1, sizeof(w1), "kmalloc/kfree %zu B (%s) vs libc malloc/free",
				 sizes[i], pattern[k]);
			snprintf(w2, sizeof(w2), "kmem_cache_alloc/free %zu B (%s) vs libc",
				 sizes[i], pattern[k]);
			ok1 = bench_target(w1, b[KMALLOC] / b[LIBC], 1.0, NULL);
			ok2 = bench_target(w2, b[KMEM_CACHE] / b[LIBC], 1.0, NULL);
			printf("%-6s %6zu  %9.2f %9.2f %7.2f %-4s  %9.2f %7.2f %-4s\n", pattern[k],
			       sizes[i], b[LIBC], b[KMALLOC], b[KMALLOC] / b[LIBC], ok1,
			       b[KMEM_CACHE], b[KMEM_CACHE] / b[LIBC], ok2);
		}
	}
	bench_summary("slab");
	return 0;
}
