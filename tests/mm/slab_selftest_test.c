// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for mm/slab_selftest.c: the boot-time KTAP self-test of the slab
 * allocator, run on the host as the kernel runs it after
 * kmem_cache_init().  Its output line by line, the planted bugs it must
 * catch (each one counted), its skip under slab_panic, and that it leaves
 * the page allocator exactly as it found it.  One i386 QEMU -m 256M
 * machine, booted once.
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
	return boot_fixture_slab(SZ_256M, NULL);
}

/* Run the self-test with its output in out[]; its return value. */
static int run_selftest(void)
{
	int failed;

	host_console_capture(out, sizeof(out));
	failed = slab_selftest();
	host_console_capture(NULL, 0);
	return failed;
}

/* Each of @lines (NULL-terminated) in out[], in this order. */
static void assert_lines_in_order(const char *const *lines)
{
	const char *at = out;

	for (; *lines; lines++) {
		const char *l = strstr(at, *lines);

		if (!l)
			fail_msg("missing or out of order: %s\nlog:\n%s", *lines, out);
		at = l + strlen(*lines);
	}
}

/*
 * KTAP: the header, the plan, one result a test, the summary; the fill
 * says where it left the Normal zone (below its low watermark).
 * Expect all five ok, 0 returned, and no "not ok" anywhere.
 */
static void slab_selftest_ktap_output(void **state)
{
	static const char *const lines[] = {
		P "KTAP version 1\n", P "1..5\n",
		P "ok 1 - kmalloc_every_class\n", P "ok 2 - private_cache\n",
		P "ok 3 - large_kmalloc\n", P "ok 4 - planted_bugs\n",
		P "# filled ", " objects, Normal ", " pages free (low watermark ",
		P "ok 5 - fill_lowmem_and_free\n",
		P "# slab: 5 tests, 0 failed\n", NULL,
	};

	assert_int_equal(run_selftest(), 0);
	assert_lines_in_order(lines);
	assert_null(strstr(out, "not ok"));
}

/*
 * The planted bugs (double free, red zone overflow, write after free,
 * wrong-cache free, interior-pointer free) are each caught and counted
 * once, and their reports are muted in the boot log.  Expect slab_errors
 * up by exactly 5 and no
 * "BUG" banner in the output.
 */
static void slab_selftest_catches_planted_bugs(void **state)
{
	unsigned long errors = slab_errors;

	assert_int_equal(run_selftest(), 0);
	assert_int_equal(slab_errors, errors + 5);
	assert_null(strstr(out, "BUG "));
}

/*
 * Under slab_panic the planted bugs would stop the kernel, so that test
 * is skipped.  Expect "ok 4 - planted_bugs # SKIP slab_panic is set", no
 * panic, no new errors.
 */
static void slab_selftest_skips_bugs_under_slab_panic(void **state)
{
	unsigned long errors = slab_errors;

	parse_early_param("slab_panic=1");
	assert_int_equal(run_selftest(), 0);
	parse_early_param("slab_panic=0");
	assert_non_null(strstr(out, P "ok 4 - planted_bugs # SKIP slab_panic is set\n"));
	assert_int_equal(slab_errors, errors);
}

/* Shrink every cache, drain the per-cpu lists; pages the planted-bug caches hold. */
static unsigned long settle(void)
{
	unsigned long held = 0;
	struct kmem_cache *s;
	struct slabinfo si;

	list_for_each_entry(s, &slab_caches, list) {
		kmem_cache_shrink(s);
		get_slabinfo(s, &si);
		if (!strcmp(s->name, "selftest-debug"))
			held += si.num_slabs << si.cache_order;
	}
	drain_local_pages(NULL);
	return held;
}

/*
 * The self-test fills lowmem and frees it.  Afterwards, with the caches
 * shrunk and the per-cpu lists drained, every zone has the free pages it
 * had before, except the slab the planted-bug cache keeps (its damaged
 * objects are never reused, so the cache is not destroyed).
 *
 *   Normal free after = before - pages of the new "selftest-debug" slabs
 *
 * Expect exactly that, DMA and HighMem unchanged, and a clean audit.
 */
static void slab_selftest_leaves_free_counts(void **state)
{
	unsigned long before[MAX_NR_ZONES], held;
	int z;

	held = settle();
	for (z = 0; z < MAX_NR_ZONES; z++)
		before[z] = zone_page_state(node_zone(z), NR_FREE_PAGES);
	assert_int_equal(run_selftest(), 0);
	held = settle() - held;
	assert_true(held > 0);
	for (z = 0; z < MAX_NR_ZONES; z++)
		assert_int_equal(zone_page_state(node_zone(z), NR_FREE_PAGES),
				 before[z] - (z == ZONE_NORMAL ? held : 0));
	host_console_quiet(true);
	assert_int_equal(page_accounting_audit(), 0);
	host_console_quiet(false);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(slab_selftest_ktap_output),
		cmocka_unit_test(slab_selftest_catches_planted_bugs),
		cmocka_unit_test(slab_selftest_skips_bugs_under_slab_panic),
		cmocka_unit_test(slab_selftest_leaves_free_counts),
	};

	return cmocka_run_group_tests(tests, group_setup, boot_fixture_group_teardown);
}
