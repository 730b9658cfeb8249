// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for mm/slab_report.c: the pieces of a SLUB error report in
 * Linux's format (print_section's hex dump, the BUG banner, FIX lines,
 * the slab line, the trailer around an object, the bytes around a bad
 * pointer) and slab_error_done()'s count and slab_panic stop.  One i386
 * QEMU -m 64M machine with the slab allocator, booted once.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <asm/host.h>
#include "boot_fixture.h"
#include "expect_panic.h"
#include "../../mm/slab.h"

#define P	"[    0.000000] "

static char out[1 << 14];
static char want[1 << 12];

static int group_setup(void **state)
{
	return boot_fixture_slab(SZ_64M, NULL);
}

static void capture(void)
{
	host_console_capture(out, sizeof(out));
}

static void release(void)
{
	host_console_capture(NULL, 0);
}

/* How many lines of out[] start (after the timestamp) with @prefix. */
static int count_lines(const char *prefix)
{
	const char *l;
	int n = 0;

	for (l = out; (l = strstr(l, prefix)); l++)
		n++;
	return n;
}

/*
 * 20 bytes: 16 printable, then NUL, DEL, space and 'k'.
 *
 *   line 1: 41 .. 50                          "ABCDEFGHIJKLMNOP"
 *   line 2: 00 7f 20 6b  (padded to column 49) ".. k"
 *
 * Expect Linux's print_hex_dump layout (16 bytes a line, the text
 * column at 49, non-printables as '.'), the full address as prefix.
 */
static void print_section_lines(void **state)
{
	static u8 buf[20] = "ABCDEFGHIJKLMNOP\0\x7f k";
	unsigned long a = (unsigned long)buf;

	capture();
	print_section(KERN_ERR, "Object ", buf, sizeof(buf));
	release();
	snprintf(want, sizeof(want),
		 P "Object %016lx: 41 42 43 44 45 46 47 48 49 4a 4b 4c 4d 4e 4f 50  ABCDEFGHIJKLMNOP\n"
		 P "Object %016lx: 00 7f 20 6b                                      .. k\n",
		 a, a + 16);
	assert_string_equal(out, want);
}

/* Expect nothing at all for an empty section. */
static void print_section_empty(void **state)
{
	capture();
	print_section(KERN_ERR, "Object ", (const u8 *)out, 0);
	release();
	assert_string_equal(out, "");
}

/*
 * The banner: a line of '=', "BUG <cache> (Not tainted): <what>", a line
 * of '-' and a blank line; a NULL cache is "kmalloc".  FIX lines name the
 * cache the same way.
 */
static void slab_bug_and_fix_lines(void **state)
{
	struct kmem_cache *s = kmalloc_caches[KMALLOC_NORMAL][6];

	capture();
	slab_bug(s, "Object %s at %d", "damaged", 7);
	slab_fix(NULL, "Marking all objects used");
	release();
	assert_string_equal(out,
		P "=============================================================================\n"
		P "BUG kmalloc-64 (Not tainted): Object damaged at 7\n"
		P "-----------------------------------------------------------------------------\n"
		P "\n"
		P "FIX kmalloc: Marking all objects used\n");
}

/*
 * slab_err: the banner, then the slab line with objects, used, the
 * freelist and the page flags.  The slab of a fresh object is the cache's
 * active slab, whose free objects sit on the cache's own freelist (SLUB's
 * frozen cpu slab).  Expect "used=<objects> fp=0x0" for it.
 */
static void slab_err_prints_slab(void **state)
{
	struct kmem_cache *s = kmem_cache_create("report-err", 40, 0, 0, NULL);
	void *p = kmem_cache_alloc(s, GFP_KERNEL);
	struct slab *slab = virt_to_slab(p);
	char line[128];

	assert_non_null(p);
	capture();
	slab_err(s, slab, "Wrong object count. Counter is %d", 3);
	release();
	assert_non_null(strstr(out, P "BUG report-err (Not tainted): Wrong object count. Counter is 3\n"));
	snprintf(line, sizeof(line), P "Slab 0x%lx objects=%u used=%u fp=0x0 flags=0x",
		 (unsigned long)slab, slab->objects, slab->objects);
	if (!strstr(out, line))
		fail_msg("no \"%s\" in\n%s", line, out);
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

/*
 * The trailer of an object in a cache with red zones and owner tracking
 * (slub_debug=ZU): who allocated it, the slab, the object's offset, the
 * left red zone, the object (100 bytes: 7 lines), the right red zone,
 * and each in that order.
 *
 *   | left red zone | object 100 | right red zone | fp | tracks | pad |
 *
 * Expect the red zones to read SLUB_RED_ACTIVE (cc) while allocated.
 */
static void print_trailer_with_red_zones(void **state)
{
	struct kmem_cache *s = kmem_cache_create("report-zu", 100, 0,
						 SLAB_RED_ZONE | SLAB_STORE_USER, NULL);
	u8 *p = kmem_cache_alloc(s, GFP_KERNEL);
	char line[128];
	const char *alloc, *slab, *obj, *left, *object, *right;

	assert_non_null(p);
	memset(p, 'x', 100);
	capture();
	print_trailer(s, virt_to_slab(p), p);
	release();
	alloc = strstr(out, "INFO: Allocated in ");
	slab = strstr(out, "] Slab 0x");
	snprintf(line, sizeof(line), "] Object 0x%lx @offset=%lu fp=0x", (unsigned long)p,
		 (unsigned long)(p - (u8 *)slab_address(virt_to_slab(p))));
	obj = strstr(out, line);
	left = strstr(out, "] Redzone  ");
	object = strstr(out, "] Object   ");
	right = left ? strstr(left + 1, "] Redzone  ") : NULL;
	assert_true(alloc && slab && obj && left && object && right);
	assert_true(alloc < slab && slab < obj && obj < left && left < object && object < right);
	assert_int_equal(count_lines("] Object   "), DIV_ROUND_UP(100, 16));
	assert_non_null(strstr(left, ": cc cc cc cc"));
	assert_non_null(strstr(object, "78 78 78 78  xxxxxxxxxxxxxxxx\n"));
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

/*
 * slab_report on pointers that are no object: one inside a kmalloc page
 * near the page's end, and one outside the memory map altogether.
 *
 *   page ... | 16 bytes before the end | end
 *                  ^ pointer: dump clipped at the page end (1 line)
 *
 * Expect the bytes around the first (16, not 32: the next page may not
 * be mapped) and "is outside the memory map" for the second.
 */
static void slab_report_bad_pointers(void **state)
{
	u8 *page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	static u8 not_ram[64];
	char line[128];

	assert_non_null(page);
	capture();
	slab_report(NULL, NULL, page + PAGE_SIZE - 8, "Invalid free");
	release();
	assert_non_null(strstr(out, P "BUG kmalloc (Not tainted): Invalid free\n"));
	snprintf(line, sizeof(line), P "Pointer 0x%lx\n", (unsigned long)(page + PAGE_SIZE - 8));
	assert_non_null(strstr(out, line));
	assert_int_equal(count_lines("] Bytes    "), 1);

	capture();
	slab_report(NULL, NULL, not_ram + 8, "Invalid free");
	release();
	snprintf(line, sizeof(line), P "Pointer 0x%lx is outside the memory map\n",
		 (unsigned long)(not_ram + 8));
	assert_non_null(strstr(out, line));
	assert_null(strstr(out, "Bytes"));
	kfree(page);
}

/*
 * slab_error_done: each report counts once; slab_panic=1 stops the
 * kernel naming the cache, slab_panic=0 goes on.
 */
static void slab_error_done_counts_and_panics(void **state)
{
	unsigned long before = slab_errors;

	slab_error_done(NULL);
	assert_int_equal(slab_errors, before + 1);
	parse_early_param("slab_panic=1");
	expect_panic(slab_error_done(kmalloc_caches[KMALLOC_NORMAL][3]),
		     "slab error in kmalloc-8 (slab_panic)");
	parse_early_param("slab_panic=0");
	slab_error_done(NULL);
	assert_int_equal(slab_errors, before + 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(print_section_lines),
		cmocka_unit_test(print_section_empty),
		cmocka_unit_test(slab_bug_and_fix_lines),
		cmocka_unit_test(slab_err_prints_slab),
		cmocka_unit_test(print_trailer_with_red_zones),
		cmocka_unit_test(slab_report_bad_pointers),
		cmocka_unit_test(slab_error_done_counts_and_panics),
	};

	return cmocka_run_group_tests(tests, group_setup, boot_fixture_group_teardown);
}
