// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for kernel/params.c, parse_early_param() as Linux's
 * parse_early_options() -> parse_args() -> do_early_param() behave: the
 * order hooks see options in, repeated options, several hooks for one
 * name, "name" vs "name=" vs "name=value", quoting, '-' and '_' being
 * the same in names, "--" ending the options, unknown options ignored
 * silently, "Malformed early option" for a hook that refuses its value,
 * and the COMMAND_LINE_SIZE copy.  (tests/lib/cmdline_test.c covers
 * next_arg()'s splitting and a first dispatch; not repeated here.)
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <asm/host.h>

#define P	"[    0.000000] "

/* Every hook call, in order: "name:value;" ("name:(null);" when bare). */
static char calls[4096];
static char out[4096];

static void record(const char *name, const char *val)
{
	size_t n = strlen(calls);

	snprintf(calls + n, sizeof(calls) - n, "%s:%s;", name, val ? val : "(null)");
}

static int __init hook_alpha(char *val)
{
	record("alpha", val);
	return 0;
}
early_param("ptest_alpha", hook_alpha);

static int __init hook_beta(char *val)
{
	record("beta", val);
	return 0;
}
early_param("ptest_beta", hook_beta);

/* Two hooks on one name, as mm_show has in mm/mm_core.c and mm/slab_common.c. */
static int __init hook_twice_a(char *val)
{
	record("twice_a", val);
	return 0;
}
early_param("ptest_twice", hook_twice_a);

static int __init hook_twice_b(char *val)
{
	record("twice_b", val);
	return 0;
}
early_param("ptest_twice", hook_twice_b);

/* A hook that refuses anything but "ok". */
static int __init hook_picky(char *val)
{
	record("picky", val);
	return val && !strcmp(val, "ok") ? 0 : -EINVAL;
}
early_param("ptest_picky", hook_picky);

/* Registered with underscores; Linux matches "ptest-under-score" too. */
static int __init hook_under(char *val)
{
	record("under", val);
	return 0;
}
early_param("ptest_under_score", hook_under);

static int setup(void **state)
{
	calls[0] = '\0';
	return 0;
}

/* parse_early_param(@cmdline) with the console in out[]. */
static void parse_captured(const char *cmdline)
{
	host_console_capture(out, sizeof(out));
	parse_early_param(cmdline);
	host_console_capture(NULL, 0);
}

/*
 *   "ptest_beta=1 ptest_alpha=2 ptest_beta=3"
 * One pass, left to right; a repeated option calls its hook again (the
 * last value wins for a hook that stores it).  Expect beta:1, alpha:2, beta:3.
 */
static void parse_early_param_order_and_repeats(void **state)
{
	parse_early_param("ptest_beta=1 ptest_alpha=2 ptest_beta=3");
	assert_string_equal(calls, "beta:1;alpha:2;beta:3;");
}

/*
 *   "ptest_twice=x"   two early_param("ptest_twice", ...) hooks
 * Linux calls every matching hook, not just the first.  Expect both,
 * each with "x", each once.
 */
static void parse_early_param_every_matching_hook(void **state)
{
	parse_early_param("ptest_twice=x");
	assert_non_null(strstr(calls, "twice_a:x;"));
	assert_non_null(strstr(calls, "twice_b:x;"));
	assert_int_equal(strlen(calls), strlen("twice_a:x;twice_b:x;"));
}

/*
 *   "ptest_alpha"  -> NULL      "ptest_alpha=" -> ""
 *   "ptest_alpha=a=b" -> "a=b"  (only the first '=' splits)
 * Expect the hook to tell a bare word from an empty value.
 */
static void parse_early_param_bare_empty_and_equals(void **state)
{
	parse_early_param("ptest_alpha ptest_alpha= ptest_alpha=a=b");
	assert_string_equal(calls, "alpha:(null);alpha:;alpha:a=b;");
}

/*
 *   ptest_alpha="a b"   "ptest_beta=c d"   ptest_alpha="" ptest_beta=1
 * Quotes keep spaces in a value or around a whole word and are removed;
 * "" is an empty value.  Expect a b, c d, "" and 1, in that order.
 */
static void parse_early_param_quoting(void **state)
{
	parse_early_param("ptest_alpha=\"a b\" \"ptest_beta=c d\" ptest_alpha=\"\" ptest_beta=1");
	assert_string_equal(calls, "alpha:a b;beta:c d;alpha:;beta:1;");
}

/*
 * Tabs, newlines and runs of spaces separate words like one space does
 * (next_arg uses isspace).  Expect alpha:1 then beta:2.
 */
static void parse_early_param_whitespace(void **state)
{
	parse_early_param("\t ptest_alpha=1\n\n  ptest_beta=2 \t");
	assert_string_equal(calls, "alpha:1;beta:2;");
}

/*
 *   "ptest-under-score=1 ptest_under-score=2 ptest-alpha"
 * Linux's parameq(): '-' and '_' are the same in names (documented in
 * kernel-parameters.txt).  Expect all three to reach their hooks.
 */
static void parse_early_param_dash_is_underscore(void **state)
{
	parse_early_param("ptest-under-score=1 ptest_under-score=2 ptest-alpha");
	assert_string_equal(calls, "under:1;under:2;alpha:(null);");
}

/*
 *   "ptest_alpha=1 -- ptest_alpha=2 ptest_beta"
 *                  ^^ everything after it is init's (parse_args stops)
 * Expect alpha:1 only.  A "--=x" is an option, not the separator.
 */
static void parse_early_param_stops_at_double_dash(void **state)
{
	parse_early_param("ptest_alpha=1 -- ptest_alpha=2 ptest_beta");
	assert_string_equal(calls, "alpha:1;");
	calls[0] = '\0';
	parse_early_param("--=x ptest_beta=3");
	assert_string_equal(calls, "beta:3;");
}

/*
 *   "nosuch=1 bare ptest_alphax=1 ptest_alph=1 ptest_alpha=ok"
 * Unknown words are for later parsers (and init): no message here, as
 * do_early_param() "accepts everything at this stage".  Expect only
 * alpha:ok and an empty console.
 */
static void parse_early_param_unknown_silent(void **state)
{
	parse_captured("nosuch=1 bare ptest_alphax=1 ptest_alph=1 ptest_alpha=ok");
	assert_string_equal(calls, "alpha:ok;");
	assert_string_equal(out, "");
}

/*
 *   "ptest_picky=bad ptest_picky ptest_picky=ok ptest_beta=1"
 * A hook that returns non-zero gets Linux's warning with the option's
 * name, and parsing goes on.  Expect two "Malformed early option
 * 'ptest_picky'" lines and every hook called.
 */
static void parse_early_param_malformed_warns(void **state)
{
	parse_captured("ptest_picky=bad ptest_picky ptest_picky=ok ptest_beta=1");
	assert_string_equal(calls, "picky:bad;picky:(null);picky:ok;beta:1;");
	assert_string_equal(out, P "Malformed early option 'ptest_picky'\n"
				 P "Malformed early option 'ptest_picky'\n");
}

/*
 * The caller's line is copied, never written: next_arg() cuts the copy
 * up.  Expect the string unchanged after parsing, and the same calls on
 * a second pass over it.
 */
static void parse_early_param_cmdline_unchanged(void **state)
{
	char line[] = "ptest_alpha=\"x y\" ptest_beta";

	parse_early_param(line);
	assert_string_equal(line, "ptest_alpha=\"x y\" ptest_beta");
	parse_early_param(line);
	assert_string_equal(calls, "alpha:x y;beta:(null);alpha:x y;beta:(null);");
}

/*
 *   [ 2036 spaces ][ptest_alpha=123456789]
 *                  ^ byte 2036       ^ byte 2047: COMMAND_LINE_SIZE - 1
 * The copy holds COMMAND_LINE_SIZE - 1 chars, as Linux's strlcpy into
 * tmp_cmdline.  Expect the value cut to "1", and an empty line, NULL and
 * only spaces to call nothing.
 */
static void parse_early_param_long_line_truncated(void **state)
{
	static char line[COMMAND_LINE_SIZE + 64];
	size_t pad = COMMAND_LINE_SIZE - 1 - strlen("ptest_alpha=1");

	memset(line, ' ', pad);
	strscpy(line + pad, "ptest_alpha=123456789", sizeof(line) - pad);
	parse_early_param(line);
	assert_string_equal(calls, "alpha:1;");
	calls[0] = '\0';
	parse_early_param("");
	parse_early_param(NULL);
	parse_early_param("   ");
	assert_string_equal(calls, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(parse_early_param_order_and_repeats, setup),
		cmocka_unit_test_setup(parse_early_param_every_matching_hook, setup),
		cmocka_unit_test_setup(parse_early_param_bare_empty_and_equals, setup),
		cmocka_unit_test_setup(parse_early_param_quoting, setup),
		cmocka_unit_test_setup(parse_early_param_whitespace, setup),
		cmocka_unit_test_setup(parse_early_param_dash_is_underscore, setup),
		cmocka_unit_test_setup(parse_early_param_stops_at_double_dash, setup),
		cmocka_unit_test_setup(parse_early_param_unknown_silent, setup),
		cmocka_unit_test_setup(parse_early_param_malformed_warns, setup),
		cmocka_unit_test_setup(parse_early_param_cmdline_unchanged, setup),
		cmocka_unit_test_setup(parse_early_param_long_line_truncated, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
