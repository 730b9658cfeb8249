// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for mm/slab_debug.c: each memory-safety bug is committed on
 * purpose and must be reported (cache, object address, what was wrong,
 * a hex dump), counted, and contained.  The machine boots with
 * "slub_debug=FZPU", so every cache, the kmalloc ones included, has
 * consistency checks, red zones, poisoning and owner tracking on.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <linux/sizes.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/host.h>
#include "boot_fixture.h"
#include "expect_panic.h"
#include "../../mm/slab.h"

static char out[32768];

static void capture(void)
{
	host_console_capture(out, sizeof(out));
}

static void release(void)
{
	host_console_capture(NULL, 0);
}

static int group_setup(void **state)
{
	return boot_fixture_slab(SZ_64M, "slub_debug=FZPU");
}

static bool contains(const char *s)
{
	return strstr(out, s) != NULL;
}

/* Expect "0x<addr>" of @p to appear in the captured report. */
static bool names_address(const char *prefix, const void *p)
{
	char line[96];

	snprintf(line, sizeof(line), "%s0x%lx", prefix, (unsigned long)p);
	return contains(line);
}

#define DEBUG_ALL (SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER)

/* Expect slub_debug= to reach the kmalloc caches created at boot. */
static void slub_debug_applies_to_kmalloc_caches(void **state)
{
	assert_int_equal(kmalloc_caches[KMALLOC_NORMAL][6]->flags & DEBUG_ALL, DEBUG_ALL);
	assert_int_equal(kmem_cache->flags & DEBUG_ALL, DEBUG_ALL);
}

/*
 * slub_debug=<letters>[,<cache>...]:  Expect the letters to map to flags,
 * the list to restrict them, '-' to clear them, and an unknown letter to
 * be named and skipped.
 */
static void slub_debug_option_parsing(void **state)
{
	capture();
	parse_early_param("slub_debug=FZ,foo,bar");
	assert_int_equal(kmem_cache_flags("bar", 0), SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE);
	assert_int_equal(kmem_cache_flags("foo", SLAB_HWCACHE_ALIGN),
			 SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_HWCACHE_ALIGN);
	assert_int_equal(kmem_cache_flags("fo", 0), 0);
	assert_int_equal(kmem_cache_flags("baz", 0), 0);
	parse_early_param("slub_debug=-");
	assert_int_equal(kmem_cache_flags("foo", 0), 0);
	parse_early_param("slub_debug=PX");
	assert_int_equal(kmem_cache_flags("any", 0), SLAB_POISON);
	assert_true(contains("slub_debug option 'X' unknown. skipped"));
	parse_early_param("slub_debug");
	assert_int_equal(kmem_cache_flags("any", 0), DEBUG_ALL);
	parse_early_param("init_on_alloc=1 init_on_free=on slab_panic=0");
	assert_true(slab_init_on_alloc && slab_init_on_free && !slab_panic_on_error);
	parse_early_param("init_on_alloc=0 init_on_free=off");
	assert_true(!slab_init_on_alloc && !slab_init_on_free);
	parse_early_param("init_on_alloc=maybe");
	assert_true(contains("Malformed early option 'init_on_alloc'"));
	release();
	parse_early_param("slub_debug=FZPU");
}

/*
 * slub_debug's T: every allocation and free of the cache is printed, a
 * free with the object's contents (Linux's trace()).  Expect both TRACE
 * lines with the object's address, and the dump showing "abc".
 */
static void trace_prints_alloc_and_free(void **state)
{
	struct kmem_cache *s = kmem_cache_create("trace24", 24, 0, SLAB_TRACE, NULL);
	char *p = kmem_cache_alloc(s, GFP_KERNEL);
	char dump[64];

	memcpy(p, "abc", 3);
	capture();
	kmem_cache_free(s, p);
	release();
	assert_true(names_address("TRACE trace24 free ", p));
	snprintf(dump, sizeof(dump), "Object %0*lx: 61 62 63 ",
		 (int)(2 * sizeof(long)), (unsigned long)p);
	assert_true(contains(dump));
	capture();
	assert_ptr_equal(kmem_cache_alloc(s, GFP_KERNEL), p);
	release();
	assert_true(names_address("TRACE trace24 alloc ", p));
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

/*
 * A freed 40-byte object:  40 bytes 6b .. 6b a5, red zones bb.
 * Expect exactly that pattern, and the red zones active (cc) once allocated.
 */
static void poison_and_red_zones_laid_out(void **state)
{
	struct kmem_cache *s = kmem_cache_create("layout40", 40, 0, 0, NULL);
	u8 *p = kmem_cache_alloc(s, GFP_KERNEL);
	unsigned int i;

	assert_int_equal(s->flags & DEBUG_ALL, DEBUG_ALL);
	for (i = 1; i <= s->red_left_pad; i++)
		assert_int_equal(p[-(int)i], SLUB_RED_ACTIVE);
	for (i = s->object_size; i < s->inuse; i++)
		assert_int_equal(p[i], SLUB_RED_ACTIVE);
	kmem_cache_free(s, p);
	for (i = 0; i < 39; i++)
		assert_int_equal(p[i], POISON_FREE);
	assert_int_equal(p[39], POISON_END);
	assert_int_equal(p[40], SLUB_RED_INACTIVE);
	assert_int_equal(p[-1], SLUB_RED_INACTIVE);
	kmem_cache_destroy(s);
}

/*
 * Write after free, then allocate again:
 *   free a -> a poisoned; a[5] = 0x07; kmalloc -> check finds 07 at +5
 * Expect "Poison overwritten", the byte and offset, a hex dump showing 07,
 * and a different object handed out (the damaged one is leaked).
 */
static void write_after_free_detected_on_alloc(void **state)
{
	unsigned long errors = slab_errors;
	u8 *a = kmalloc(64, GFP_KERNEL), *b;

	kfree(a);
	a[5] = 0x07;
	capture();
	b = kmalloc(64, GFP_KERNEL);
	release();
	assert_ptr_not_equal(a, b);
	assert_int_equal(slab_errors, errors + 1);
	assert_true(contains("BUG kmalloc-64 (Not tainted): Poison overwritten"));
	assert_true(names_address("", a + 5));
	assert_true(contains("First byte 0x7 instead of 0x6b"));
	assert_true(names_address("Object ", a));
	assert_true(contains(": 6b 6b 6b 6b 6b 07 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkk.kkkkkkkkkk"));
	assert_true(contains("INFO: Allocated in "));
	assert_true(contains("INFO: Freed in "));
	assert_true(contains("FIX kmalloc-64: Restoring Poison"));
	kfree(b);
}

/* Expect a write after free to be found when the slab is given back, too. */
static void write_after_free_detected_on_shrink(void **state)
{
	struct kmem_cache *s = kmem_cache_create("uaf-shrink", 100, 0, 0, NULL);
	unsigned long errors = slab_errors;
	u8 *a = kmem_cache_alloc(s, GFP_KERNEL);
	u8 *b = kmem_cache_alloc(s, GFP_KERNEL);

	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	b[99] = 0;		/* the end-poison byte */
	capture();
	kmem_cache_shrink(s);
	release();
	assert_int_equal(slab_errors, errors + 1);
	assert_true(contains("BUG uaf-shrink (Not tainted): End Poison overwritten"));
	assert_true(contains("First byte 0x0 instead of 0xa5"));
	kmem_cache_destroy(s);
}

/*
 * One byte past the end:  [object 32][cc cc ...] <- p[32] = 0
 * Expect "Right Redzone overwritten" on free and the object not freed.
 */
static void overflow_into_right_red_zone_detected(void **state)
{
	unsigned long errors = slab_errors;
	u8 *p = kmalloc(32, GFP_KERNEL);
	struct slabinfo before, after;

	get_slabinfo(kmalloc_caches[KMALLOC_NORMAL][5], &before);
	p[32] = 0;
	capture();
	kfree(p);
	release();
	assert_int_equal(slab_errors, errors + 1);
	assert_true(contains("BUG kmalloc-32 (Not tainted): Right Redzone overwritten"));
	assert_true(contains("First byte 0x0 instead of 0xcc"));
	assert_true(contains("Redzone  "));
	assert_true(names_address("FIX kmalloc-32: Object at ", p));
	get_slabinfo(kmalloc_caches[KMALLOC_NORMAL][5], &after);
	assert_int_equal(after.active_objs, before.active_objs);	/* leaked */
}

/* Expect a write just before the object to hit the left red zone. */
static void underflow_into_left_red_zone_detected(void **state)
{
	unsigned long errors = slab_errors;
	u8 *p = kmalloc(128, GFP_KERNEL);

	p[-3] = 0x99;
	capture();
	kfree(p);
	release();
	assert_int_equal(slab_errors, errors + 1);
	assert_true(contains("Left Redzone overwritten"));
	assert_true(contains("First byte 0x99 instead of 0xcc"));
}

/*
 * A write that jumps the right red zone and the metadata after it:
 *
 *   | left rz | object 64 | rz | fp | tracks | padding (5a 5a ..) | next slot
 *                                             ^ p[pad] = 0x77
 *
 * Expect "Object padding overwritten" with the byte, the padding
 * restored, and the object still freed (its own bytes are intact).
 */
static void overflow_into_slot_padding_detected(void **state)
{
	struct kmem_cache *s = kmalloc_caches[KMALLOC_NORMAL][6];
	unsigned int pad = slab_pad_offset(s);
	unsigned long errors = slab_errors;
	struct slabinfo before, after;
	u8 *p = kmalloc(64, GFP_KERNEL);

	assert_true(pad + 4 <= size_from_object(s));	/* kmalloc-64 has padding */
	get_slabinfo(s, &before);
	p[pad + 3] = 0x77;
	capture();
	kfree(p);
	release();
	assert_int_equal(slab_errors, errors + 1);
	assert_true(contains("BUG kmalloc-64 (Not tainted): Object padding overwritten"));
	assert_true(names_address("", p + pad + 3));
	assert_true(contains("First byte 0x77 instead of 0x5a"));
	assert_true(contains("FIX kmalloc-64: Restoring Object padding"));
	assert_int_equal(p[pad + 3], POISON_INUSE);
	get_slabinfo(s, &after);
	assert_int_equal(after.active_objs, before.active_objs - 1);
}

/*
 * The tail of a slab that no slot covers (4096 % 192 = 64 bytes for
 * 64-byte objects with every debug flag): a write there is found when
 * the slab goes back to the page allocator.  Expect "Padding
 * overwritten" naming the byte's offset in the slab, and a hex dump.
 */
static void slab_tail_padding_checked_on_discard(void **state)
{
	struct kmem_cache *s = kmem_cache_create("pad-tail", 64, 64, 0, NULL);
	unsigned long errors = slab_errors;
	u8 *p = kmem_cache_alloc(s, GFP_KERNEL);
	u8 *base = slab_address(virt_to_slab(p));
	unsigned int tail = slab_size(s) - s->objects * s->size;
	char line[64];

	assert_true(tail > 0);
	base[slab_size(s) - 2] = 0;
	kmem_cache_free(s, p);
	capture();
	kmem_cache_shrink(s);
	release();
	assert_int_equal(slab_errors, errors + 1);
	snprintf(line, sizeof(line), "@offset=%u", slab_size(s) - 2);
	assert_true(contains("BUG pad-tail (Not tainted): Padding overwritten. 0x"));
	assert_true(contains(line));
	assert_true(contains("Padding  "));
	assert_true(contains("FIX pad-tail: Restoring slab padding"));
	kmem_cache_destroy(s);
}

/*
 * free a, free b, free a: a is not the freelist head any more, so only
 * the full check finds it.  Expect "Object already free" and a freelist
 * that still hands out distinct objects.
 */
static void double_free_with_frees_between_detected(void **state)
{
	unsigned long errors = slab_errors;
	void *a = kmalloc(256, GFP_KERNEL), *b = kmalloc(256, GFP_KERNEL);
	void *c, *d, *e;

	kfree(a);
	kfree(b);
	capture();
	kfree(a);
	release();
	assert_int_equal(slab_errors, errors + 1);
	assert_true(contains("BUG kmalloc-256 (Not tainted): Object already free"));
	assert_true(names_address("Object ", a));
	c = kmalloc(256, GFP_KERNEL);
	d = kmalloc(256, GFP_KERNEL);
	e = kmalloc(256, GFP_KERNEL);
	assert_true(c != d && d != e && c != e);
	kfree(c);
	kfree(d);
	kfree(e);
}

/*
 * A freed object's free pointer overwritten with a plain address:
 * Expect the decode to fail the check, "Freepointer corrupt", and the
 * rest of that freelist isolated instead of followed.
 */
static void freepointer_corruption_detected(void **state)
{
	struct kmem_cache *s = kmem_cache_create("fpcorrupt", 48, 0, 0, NULL);
	unsigned long errors = slab_errors;
	u8 *a = kmem_cache_alloc(s, GFP_KERNEL);
	u8 *b = kmem_cache_alloc(s, GFP_KERNEL), *c;
	void *plain;

	kmem_cache_free(s, a);
	kmem_cache_free(s, b);		/* freelist: b -> a -> ... */
	plain = a;
	memcpy(b + s->offset, &plain, sizeof(plain));
	capture();
	c = kmem_cache_alloc(s, GFP_KERNEL);
	release();
	assert_ptr_equal(c, b);
	assert_int_equal(slab_errors, errors + 1);
	assert_true(contains("BUG fpcorrupt (Not tainted): Freepointer corrupt"));
	assert_true(contains("FIX fpcorrupt: Isolating the rest of the freelist"));
	c = kmem_cache_alloc(s, GFP_KERNEL);	/* from a fresh slab */
	assert_ptr_not_equal(c, a);
	kmem_cache_free(s, c);
	kmem_cache_free(s, b);
}

/*
 * A freelist made to loop:  b -> a -> b -> ...  (a's link rewritten with
 * the right encoding, as a use-after-free of a stale pointer could).
 * Expect b and a handed out once each, then the loop caught (b is in use)
 * and the list dropped, so allocation goes on from a new slab, no hang.
 */
static void freelist_loop_caught(void **state)
{
	struct kmem_cache *s = kmem_cache_create("loop", 48, 0, 0, NULL);
	unsigned long errors = slab_errors;
	void *a = kmem_cache_alloc(s, GFP_KERNEL);
	void *b = kmem_cache_alloc(s, GFP_KERNEL);
	void *c, *d, *e;

	kmem_cache_free(s, a);
	kmem_cache_free(s, b);		/* freelist: b -> a -> (rest) */
	set_freepointer(s, a, b);	/* now b -> a -> b -> ... */
	assert_ptr_equal(kmem_cache_alloc(s, GFP_KERNEL), b);
	assert_ptr_equal(kmem_cache_alloc(s, GFP_KERNEL), a);
	capture();
	c = kmem_cache_alloc(s, GFP_KERNEL);
	release();
	assert_int_equal(slab_errors, errors + 1);
	assert_true(contains("BUG loop (Not tainted): Left Redzone overwritten"));
	assert_true(contains("and the rest of the freelist used (leaked)"));
	assert_true(c != a && c != b);
	d = kmem_cache_alloc(s, GFP_KERNEL);
	e = kmem_cache_alloc(s, GFP_KERNEL);
	assert_true(d != c && e != d && e != c);
	assert_int_equal(slab_errors, errors + 1);
}

/* A free object linked to itself.  Expect "Freepointer corrupt", no hang. */
static void freelist_self_link_caught(void **state)
{
	struct kmem_cache *s = kmem_cache_create("selflink", 48, 0, 0, NULL);
	unsigned long errors = slab_errors;
	void *a = kmem_cache_alloc(s, GFP_KERNEL), *b;

	kmem_cache_free(s, a);
	set_freepointer(s, a, a);
	host_console_quiet(true);
	assert_ptr_equal(kmem_cache_alloc(s, GFP_KERNEL), a);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	host_console_quiet(false);
	assert_int_equal(slab_errors, errors + 1);
	assert_true(b != a);
}

/*
 * Expect a wrong-cache free of a debug object to be refused and reported:
 * the banner names the cache it was freed to and the owner, then the
 * object in its owner's layout (who allocated it, its red zones, a hex
 * dump), and the object stays allocated.
 */
static void wrong_cache_free_detected(void **state)
{
	struct kmem_cache *s = kmem_cache_create("owner", 64, 0, 0, NULL);
	unsigned long errors = slab_errors;
	u8 *p = kmem_cache_alloc(s, GFP_KERNEL);

	memset(p, 0x3c, 64);
	capture();
	kmem_cache_free(kmalloc_caches[KMALLOC_NORMAL][6], p);
	release();
	assert_int_equal(slab_errors, errors + 1);
	assert_true(contains("BUG kmalloc-64 (Not tainted): Wrong cache: object"));
	assert_true(contains("belongs to owner"));
	assert_true(names_address("Object ", p));
	assert_true(contains("INFO: Allocated in wrong_cache_free_detected"));
	assert_true(contains("Redzone  "));
	assert_true(contains(": 3c 3c 3c 3c 3c 3c 3c 3c 3c 3c 3c 3c 3c 3c 3c 3c  <<<<<<<<<<<<<<<<"));
	assert_int_equal(p[64], SLUB_RED_ACTIVE);	/* still allocated */
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

/*
 * Destroy a cache with two objects still allocated (in one slab):
 * Expect the slab named ("Slab 0x..."), each object left with its offset
 * and who allocated it, the one freed not listed, and the cache kept.
 */
static void destroy_names_leaked_objects_and_owners(void **state)
{
	struct kmem_cache *s = kmem_cache_create("leak-owner", 48, 0, 0, NULL);
	void *a = kmem_cache_alloc(s, GFP_KERNEL);
	void *b = kmem_cache_alloc(s, GFP_KERNEL);
	void *c = kmem_cache_alloc(s, GFP_KERNEL);
	unsigned long errors = slab_errors;

	kmem_cache_free(s, b);
	capture();
	kmem_cache_destroy(s);
	release();
	assert_int_equal(slab_errors, errors + 1);
	assert_true(contains("BUG leak-owner (Not tainted): Objects remaining in leak-owner on __kmem_cache_shutdown()"));
	assert_true(names_address("Slab ", virt_to_slab(a)));
	assert_true(names_address("Object ", a));
	assert_true(names_address("Object ", c));
	assert_false(names_address("Object ", b));
	assert_true(contains("INFO: Allocated in destroy_names_leaked_objects_and_owners"));
	assert_true(contains("Slab cache still has objects"));
	kmem_cache_free(s, a);
	kmem_cache_free(s, c);
	kmem_cache_destroy(s);
}

/* Expect slab_panic to stop at the report instead of restoring and going on. */
static void slab_panic_stops_on_corruption(void **state)
{
	u8 *a = kmalloc(16, GFP_KERNEL);

	kfree(a);
	a[0] = 0;
	parse_early_param("slab_panic");
	host_console_quiet(true);
	expect_panic(kfree(kmalloc(16, GFP_KERNEL)), "slab error in kmalloc-16 (slab_panic)");
	host_console_quiet(false);
	slab_panic_on_error = false;
}

/* Expect the boot self-test to pass with every debug option on. */
static void selftest_passes_with_debug(void **state)
{
	host_console_quiet(true);
	assert_int_equal(slab_selftest(), 0);
	host_console_quiet(false);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(slub_debug_applies_to_kmalloc_caches),
		cmocka_unit_test(slub_debug_option_parsing),
		cmocka_unit_test(trace_prints_alloc_and_free),
		cmocka_unit_test(poison_and_red_zones_laid_out),
		cmocka_unit_test(write_after_free_detected_on_alloc),
		cmocka_unit_test(write_after_free_detected_on_shrink),
		cmocka_unit_test(overflow_into_right_red_zone_detected),
		cmocka_unit_test(underflow_into_left_red_zone_detected),
		cmocka_unit_test(overflow_into_slot_padding_detected),
		cmocka_unit_test(slab_tail_padding_checked_on_discard),
		cmocka_unit_test(double_free_with_frees_between_detected),
		cmocka_unit_test(freepointer_corruption_detected),
		cmocka_unit_test(freelist_loop_caught),
		cmocka_unit_test(freelist_self_link_caught),
		cmocka_unit_test(wrong_cache_free_detected),
		cmocka_unit_test(destroy_names_leaked_objects_and_owners),
		cmocka_unit_test(slab_panic_stops_on_corruption),
		cmocka_unit_test(selftest_passes_with_debug),
	};

	return cmocka_run_group_tests(tests, group_setup, NULL);
}
