// SPDX-License-Identifier: GPL-2.0
/*
 * The slab allocator's boot-time self-test, in KTAP on the console ("KTAP
 * version 1", "1..N", "ok N - name", as page_alloc_selftest()): every
 * kmalloc size class, a private cache, large kmalloc, planted bugs the
 * hardening must catch, and filling lowmem through kmalloc until it fails
 * cleanly, then freeing everything back to the exact starting counts.
 * Called after kmem_cache_init(); the host tests run it too.
 */
#include <linux/string.h>
#include "slab.h"

/* Each check is one KTAP line; a failed one says where. */
struct selftest {
	unsigned int nr;
	unsigned int failed;
	const char *why;
};

#define ST_CHECK(st, cond) do {						\
	if (!(cond) && !(st)->why)					\
		(st)->why = __stringify(cond);				\
} while (0)

static void st_result(struct selftest *st, const char *name)
{
	st->nr++;
	if (st->why) {
		st->failed++;
		pr_info("not ok %u - %s # %s\n", st->nr, name, st->why);
	} else {
		pr_info("ok %u - %s\n", st->nr, name);
	}
	st->why = NULL;
}

static void shrink_all_caches(void)
{
	struct kmem_cache *s;

	list_for_each_entry(s, &slab_caches, list)
		kmem_cache_shrink(s);
}

static u8 pattern(const void *p, unsigned int i)
{
	return (u8)(((unsigned long)p >> 4) + i * 7 + 1);
}

/* Every class, written end to end and read back, in two live objects. */
static void test_kmalloc_classes(struct selftest *st)
{
	size_t size;

	for (size = 8; size <= KMALLOC_MAX_CACHE_SIZE; size += size < 256 ? 8 : size / 4) {
		u8 *a = kmalloc(size, GFP_KERNEL), *b = kmalloc(size, GFP_KERNEL);
		unsigned int i;

		ST_CHECK(st, a && b && a != b);
		if (!a || !b) {
			kfree(a);
			kfree(b);
			return;
		}
		ST_CHECK(st, ksize(a) >= size);
		for (i = 0; i < size; i++) {
			a[i] = pattern(a, i);
			b[i] = pattern(b, i);
		}
		for (i = 0; i < size; i++)
			ST_CHECK(st, a[i] == pattern(a, i) && b[i] == pattern(b, i));
		kfree(a);
		kfree(b);
	}
}

/* A private cache: 1000 objects, contents kept, slabs given back. */
static void test_private_cache(struct selftest *st)
{
	struct kmem_cache *s = kmem_cache_create("selftest-72", 72, 0, 0, NULL);
	void **obj = kmalloc_array(1000, sizeof(void *), GFP_KERNEL);
	struct slabinfo si;
	unsigned int i;

	ST_CHECK(st, s && obj);
	if (!s || !obj)
		goto out;
	for (i = 0; i < 1000; i++) {
		obj[i] = kmem_cache_alloc(s, GFP_KERNEL);
		ST_CHECK(st, obj[i]);
		if (obj[i])
			memset(obj[i], (u8)i, 72);
	}
	get_slabinfo(s, &si);
	ST_CHECK(st, si.active_objs == 1000);
	for (i = 0; i < 1000; i++) {
		if (!obj[i])
			continue;
		ST_CHECK(st, !memchr_inv(obj[i], (u8)i, 72));
		kmem_cache_free(s, obj[i]);
	}
	kmem_cache_shrink(s);
	get_slabinfo(s, &si);
	ST_CHECK(st, si.num_slabs == 0);
out:
	kfree(obj);
	kmem_cache_destroy(s);
}

/* Above the biggest cache: whole pages, up to the largest buddy block. */
static void test_large_kmalloc(struct selftest *st)
{
	size_t size;

	for (size = KMALLOC_MAX_CACHE_SIZE + 1; size <= KMALLOC_MAX_SIZE; size *= 2) {
		u8 *p = kmalloc(size, GFP_KERNEL | __GFP_NOWARN);

		if (!p)		/* a small machine may not have the block */
			break;
		ST_CHECK(st, ksize(p) >= size);
		p[0] = 1;
		p[size - 1] = 2;
		ST_CHECK(st, p[0] == 1 && p[size - 1] == 2);
		kfree(p);
	}
	ST_CHECK(st, !kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL));
}

/*
 * Plant each bug the hardening must catch (double free, overflow into the
 * red zone, write after free, free to the wrong cache, free of a pointer
 * into the middle of an object) in a cache with
 * every debug flag on, with the console muted so the reports do not alarm
 * a reader of the boot log; check that each one was counted.
 */
static void test_planted_bugs(struct selftest *st)
{
	struct kmem_cache *s;
	unsigned long errors = slab_errors;
	int saved = console_loglevel;
	u8 *a, *b;

	s = kmem_cache_create("selftest-debug", 40, 0, SLAB_CONSISTENCY_CHECKS |
			      SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER, NULL);
	ST_CHECK(st, s);
	if (!s)
		return;
	console_loglevel = 1;
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	kmem_cache_free(s, a);				/* double free */
	ST_CHECK(st, slab_errors == errors + 1);
	a = kmem_cache_alloc(s, GFP_KERNEL);		/* b, reused */
	a[40] = 0;					/* overflow by one */
	kmem_cache_free(s, a);
	ST_CHECK(st, slab_errors == errors + 2);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, b);
	b[3] = 0x11;					/* write after free */
	b = kmem_cache_alloc(s, GFP_KERNEL);
	ST_CHECK(st, slab_errors == errors + 3);
	kmem_cache_free(kmalloc_slab(64, GFP_KERNEL), b);	/* wrong cache */
	ST_CHECK(st, slab_errors == errors + 4);
	kmem_cache_free(s, b + 8);			/* not an object start */
	ST_CHECK(st, slab_errors == errors + 5);
	kmem_cache_free(s, b);
	console_loglevel = saved;
	/* the leaked objects stay: this cache is not destroyed */
	kmem_cache_shrink(s);
}

/* Objects handed out, over every cache. */
static unsigned long active_objects(void)
{
	unsigned long n = 0;
	struct kmem_cache *s;
	struct slabinfo si;

	list_for_each_entry(s, &slab_caches, list) {
		get_slabinfo(s, &si);
		n += si.active_objs;
	}
	return n;
}

/* The zone a GFP_KERNEL request tries first: Normal, or DMA when it is all there is. */
static struct zone *kernel_zone(void)
{
	struct zone *zone, *found = NULL;

	for_each_populated_zone(zone)
		if (zone_idx(zone) <= ZONE_NORMAL)
			found = zone;
	return found;
}

/*
 * Fill lowmem through kmalloc: 8 KiB objects until NULL, then 64-byte
 * ones for the pages left over, then free all.
 *
 *   DMA | Normal ........................ | HighMem (never touched)
 *   <---- 8 KiB blocks, then 64 B ones, until kmalloc says NULL ---->
 *
 * Expect NULL, not a crash, with Normal below its low watermark; then,
 * every block freed and the caches shrunk, each zone's free pages and
 * every cache's object count exactly where they started.  (Counts are
 * taken with the per-cpu lists drained; __GFP_NOWARN: the expected
 * failures are not worth a warning.)
 */
static void test_fill_lowmem(struct selftest *st)
{
	static const size_t sizes[] = { KMALLOC_MAX_CACHE_SIZE, 64 };
	unsigned long start[MAX_NR_ZONES], objects = 0, bytes = 0, active;
	struct zone *zone, *normal = kernel_zone();
	void *head = NULL, *p;
	unsigned int i;

	ST_CHECK(st, normal);
	if (!normal)
		return;
	shrink_all_caches();
	drain_local_pages(NULL);
	for_each_zone(zone)
		start[zone_idx(zone)] = zone_page_state(zone, NR_FREE_PAGES);
	active = active_objects();
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		while ((p = kmalloc(sizes[i], GFP_KERNEL | __GFP_NOWARN))) {
			*(void **)p = head;
			head = p;
			objects++;
			bytes += sizes[i];
		}
	}
	drain_local_pages(NULL);
	pr_info("# filled %lu KiB in %lu objects, %s %lu pages free (low watermark %lu)\n",
		bytes >> 10, objects, normal->name,
		zone_page_state(normal, NR_FREE_PAGES), low_wmark_pages(normal));
	ST_CHECK(st, objects > 0);
	ST_CHECK(st, zone_page_state(normal, NR_FREE_PAGES) < low_wmark_pages(normal));
	while (head) {
		p = *(void **)head;
		kfree(head);
		head = p;
	}
	shrink_all_caches();
	drain_local_pages(NULL);
	for_each_zone(zone)
		ST_CHECK(st, zone_page_state(zone, NR_FREE_PAGES) == start[zone_idx(zone)]);
	ST_CHECK(st, active_objects() == active);
}

/**
 * slab_selftest() - exercise the slab allocator at boot, KTAP output
 *
 * Return: the number of failed tests (0 when all pass).
 */
int slab_selftest(void)
{
	struct selftest st = { 0 };
	unsigned long errors = slab_errors;

	pr_info("KTAP version 1\n");
	pr_info("1..5\n");
	test_kmalloc_classes(&st);
	st_result(&st, "kmalloc_every_class");
	test_private_cache(&st);
	st_result(&st, "private_cache");
	test_large_kmalloc(&st);
	st_result(&st, "large_kmalloc");
	if (slab_panic_on_error) {
		st.nr++;
		pr_info("ok %u - planted_bugs # SKIP slab_panic is set\n", st.nr);
	} else {
		test_planted_bugs(&st);
		st_result(&st, "planted_bugs");
		errors = slab_errors;
	}
	test_fill_lowmem(&st);
	ST_CHECK(&st, slab_errors == errors);
	st_result(&st, "fill_lowmem_and_free");
	pr_info("# slab: %u tests, %u failed\n", st.nr, st.failed);
	return st.failed;
}
