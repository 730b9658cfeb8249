// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the mm/slab_common.c entry points slab_test.c does not
 * already drive: kmem_cache_zalloc(), kmem_cache_size(), get_slabinfo()'s
 * numbers across several slabs, and kmem_cache_init_late()'s boot
 * switches (mm_show=slabinfo, mm_selftest).  One i386 QEMU -m 128M
 * machine with the slab allocator, booted once.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <asm/host.h>
#include "boot_fixture.h"
#include "../../mm/slab.h"

#define P	"[    0.000000] "

static char out[1 << 16];

static int group_setup(void **state)
{
	return boot_fixture_slab(SZ_128M, NULL);
}

/*
 * kmem_cache_zalloc on a cache whose object was dirtied and freed: the
 * same slot comes back (LIFO) cleared, whatever the constructor wrote.
 * Expect 72 zero bytes; kmem_cache_size() is the size asked for even
 * with red zones making each slot bigger.
 */
static void ctor_fill(void *p)
{
	memset(p, 0x5c, 72);
}

static void kmem_cache_zalloc_and_size(void **state)
{
	struct kmem_cache *s = kmem_cache_create("common-zalloc", 72, 0, SLAB_RED_ZONE, ctor_fill);
	u8 *p, *q;

	assert_non_null(s);
	assert_int_equal(kmem_cache_size(s), 72);
	assert_true(s->size > 72);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	assert_int_equal(p[0], 0x5c);
	memset(p, 0xee, 72);
	kmem_cache_free(s, p);
	q = kmem_cache_zalloc(s, GFP_KERNEL);
	assert_ptr_equal(q, p);
	assert_null(memchr_inv(q, 0, 72));
	kmem_cache_free(s, q);
	kmem_cache_destroy(s);
}

/*
 * get_slabinfo over three slabs' worth of objects, then half freed, then
 * all freed and shrunk.
 *
 *   slab 1 [full] slab 2 [full] slab 3 [part] -> free every other one
 *
 * Expect active_objs to follow the live count exactly at each step,
 * num_objs = num_slabs * objects_per_slab, and no slab left at the end.
 */
static void get_slabinfo_follows_live_objects(void **state)
{
	struct kmem_cache *s = kmem_cache_create("common-info", 500, 0, 0, NULL);
	struct slabinfo si;
	void *objs[64];
	unsigned int per, n, i;

	assert_non_null(s);
	per = s->objects;
	n = min_t(unsigned int, 2 * per + 1, ARRAY_SIZE(objs));
	assert_true(n > per);
	for (i = 0; i < n; i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	get_slabinfo(s, &si);
	assert_int_equal(si.active_objs, n);
	assert_int_equal(si.objects_per_slab, per);
	assert_int_equal(si.num_slabs, DIV_ROUND_UP(n, per));
	assert_int_equal(si.num_objs, si.num_slabs * per);
	assert_int_equal(si.cache_order, s->order);
	for (i = 0; i < n; i += 2)
		kmem_cache_free(s, objs[i]);
	get_slabinfo(s, &si);
	assert_int_equal(si.active_objs, n / 2);
	for (i = 1; i < n; i += 2)
		kmem_cache_free(s, objs[i]);
	kmem_cache_shrink(s);
	get_slabinfo(s, &si);
	assert_int_equal(si.active_objs, 0);
	assert_int_equal(si.num_slabs, 0);
	kmem_cache_destroy(s);
}

/*
 * kmem_cache_init_late: nothing without switches; mm_show=slabinfo
 * prints /proc/slabinfo through printk; mm_selftest runs the KTAP
 * self-test.  Expect exactly that, switch by switch.
 */
static void kmem_cache_init_late_switches(void **state)
{
	host_console_capture(out, sizeof(out));
	kmem_cache_init_late();
	host_console_capture(NULL, 0);
	assert_string_equal(out, "");

	parse_early_param("mm_show=slabinfo");
	host_console_capture(out, sizeof(out));
	kmem_cache_init_late();
	host_console_capture(NULL, 0);
	parse_early_param("mm_show=");
	assert_non_null(strstr(out, P "slabinfo - version: 2.1\n"));
	assert_non_null(strstr(out, P "kmalloc-8k "));
	assert_null(strstr(out, "KTAP"));

	parse_early_param("mm_selftest");
	host_console_capture(out, sizeof(out));
	kmem_cache_init_late();
	host_console_capture(NULL, 0);
	mm_selftest_requested = false;
	assert_non_null(strstr(out, P "KTAP version 1\n"));
	assert_non_null(strstr(out, P "# slab: 5 tests, 0 failed\n"));
	assert_null(strstr(out, "slabinfo - version"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kmem_cache_zalloc_and_size),
		cmocka_unit_test(get_slabinfo_follows_live_objects),
		cmocka_unit_test(kmem_cache_init_late_switches),
	};

	return cmocka_run_group_tests(tests, group_setup, boot_fixture_group_teardown);
}
