// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for kernel/printk.c: the "[    0.000000] " prefix, level filtering,
 * continuation lines, and the loglevel/debug/quiet/printk.time parameters.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <asm/host.h>

static char out[1024];

static int setup(void **state)
{
	console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
	ignore_loglevel = false;
	printk_time = true;
	host_console_capture(out, sizeof(out));
	return 0;
}

static int teardown(void **state)
{
	printk("\n");	/* close any open line so the next test starts clean */
	host_console_capture(NULL, 0);
	return 0;
}

/* Expect every line, not only the first, to carry the timestamp. */
static void printk_prefixes_each_line(void **state)
{
	printk(KERN_INFO "one\ntwo\n");
	assert_string_equal(out, "[    0.000000] one\n[    0.000000] two\n");
}

/*
 * Levels:  INFO(6) shown at the default 7, DEBUG(7) hidden;
 * Expect "loglevel=8" to show KERN_DEBUG, "quiet" to hide INFO.
 */
static void printk_filters_by_level(void **state)
{
	printk(KERN_DEBUG "hidden\n");
	printk(KERN_INFO "shown\n");
	assert_string_equal(out, "[    0.000000] shown\n");

	parse_early_param("loglevel=8");
	host_console_capture(out, sizeof(out));
	printk(KERN_DEBUG "dbg\n");
	assert_string_equal(out, "[    0.000000] dbg\n");

	parse_early_param("quiet");
	host_console_capture(out, sizeof(out));
	printk(KERN_INFO "info\n");
	printk(KERN_ERR "err\n");
	assert_string_equal(out, "[    0.000000] err\n");
}

/* Expect KERN_CONT to extend the open line and inherit its level. */
static void printk_continuation(void **state)
{
	printk(KERN_INFO "a");
	pr_cont("b");
	pr_cont("c\n");
	printk(KERN_DEBUG "x");
	pr_cont("y\n");
	assert_string_equal(out, "[    0.000000] abc\n");
}

/* Expect a new record to close an unterminated line first. */
static void printk_closes_open_line(void **state)
{
	printk(KERN_INFO "open");
	printk(KERN_INFO "next\n");
	assert_string_equal(out, "[    0.000000] open\n[    0.000000] next\n");
}

/* Expect "printk.time=0" to drop the prefix and "ignore_loglevel" to show all. */
static void printk_time_and_ignore_loglevel(void **state)
{
	parse_early_param("printk.time=0 ignore_loglevel");
	printk(KERN_DEBUG "dbg\n");
	assert_string_equal(out, "dbg\n");
}

/* Expect a malformed value to be reported, not to change anything. */
static void printk_malformed_loglevel(void **state)
{
	parse_early_param("loglevel=abc loglevel");
	assert_int_equal(console_loglevel, CONSOLE_LOGLEVEL_DEFAULT);
	assert_non_null(strstr(out, "Malformed early option 'loglevel'"));
}

/*
 * One call site warned 12 times, another once:
 *   site A: 1 2 ... 10 | 11 12 dropped     site B: 1
 * Expect 10 lines from A (burst of 10, the interval never ends at boot)
 * and B's line: the limit is per call site.
 */
static void printk_ratelimited_burst_per_site(void **state)
{
	const char *p;
	int i, n = 0;

	printk_time = false;
	for (i = 0; i < 12; i++)
		pr_warn_ratelimited("A %d\n", i);
	pr_warn_ratelimited("B\n");
	for (p = out; (p = strstr(p, "A ")); p++)
		n++;
	assert_int_equal(n, 10);
	assert_non_null(strstr(out, "A 9\nB\n"));
	assert_null(strstr(out, "A 10"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(printk_prefixes_each_line, setup, teardown),
		cmocka_unit_test_setup_teardown(printk_filters_by_level, setup, teardown),
		cmocka_unit_test_setup_teardown(printk_continuation, setup, teardown),
		cmocka_unit_test_setup_teardown(printk_closes_open_line, setup, teardown),
		cmocka_unit_test_setup_teardown(printk_time_and_ignore_loglevel, setup, teardown),
		cmocka_unit_test_setup_teardown(printk_malformed_loglevel, setup, teardown),
		cmocka_unit_test_setup_teardown(printk_ratelimited_burst_per_site, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
