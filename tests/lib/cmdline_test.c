// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for lib/cmdline.c: splitting a command line and reading sizes
 * (memparse, get_option), with a few smoke tests of the kstrto*() and
 * early_param() calls it builds on; those have their own tests in
 * tests/lib/kstrtox_test.c and tests/kernel/params_test.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>

/* Expect K/M/G/T suffixes in either case, hex and octal, and the end pointer. */
static void memparse_suffixes(void **state)
{
	char *end;

	assert_int_equal(memparse("512M", &end), 512ULL << 20);
	assert_string_equal(end, "");
	assert_int_equal(memparse("4g@", &end), 4ULL << 30);
	assert_string_equal(end, "@");
	assert_int_equal(memparse("0x1000", NULL), 0x1000);
	assert_int_equal(memparse("1T", NULL), 1ULL << 40);
	assert_int_equal(memparse("64k", NULL), 65536);
	assert_int_equal(memparse("010", NULL), 8);
	assert_int_equal(memparse("junk", &end), 0);
	assert_string_equal(end, "junk");
}

/*
 * Expect Linux's arithmetic for a size that cannot fit 64 bits: the
 * shift drops the high bits (2^24 T = 2^64 -> 0; 2^64-1 K -> 2^64-1024).
 */
static void memparse_overflow_wraps_as_linux(void **state)
{
	assert_true(memparse("16777216T", NULL) == 0);
	assert_true(memparse("16E", NULL) == 0);
	assert_true(memparse("0xffffffffffffffffK", NULL) == ULLONG_MAX - 1023);
}

/* Expect get_option's 0/1/2/3 return codes as Linux documents them. */
static void get_option_return_codes(void **state)
{
	char s1[] = "42", s2[] = "1,2", s3[] = "5-9", s4[] = "x", s5[] = "-3";
	char *p;
	int v = -1;

	p = s1; assert_int_equal(get_option(&p, &v), 1); assert_int_equal(v, 42);
	p = s2; assert_int_equal(get_option(&p, &v), 2); assert_string_equal(p, "2");
	p = s3; assert_int_equal(get_option(&p, &v), 3); assert_int_equal(v, 5);
	v = 7;
	p = s4; assert_int_equal(get_option(&p, &v), 0); assert_int_equal(v, 7);
	p = s5; assert_int_equal(get_option(&p, &v), 1); assert_int_equal(v, -3);
	p = NULL; assert_int_equal(get_option(&p, &v), 0);
}

/* Expect strict parsing: trailing junk and overflow are errors. */
static void kstrtoull_strict(void **state)
{
	unsigned long long v;
	unsigned int u;
	int i;
	bool b;

	assert_int_equal(kstrtoull("123\n", 10, &v), 0);
	assert_int_equal(v, 123);
	assert_int_equal(kstrtoull("0x10", 0, &v), 0);
	assert_int_equal(v, 16);
	assert_int_equal(kstrtoull("12a", 10, &v), -EINVAL);
	assert_int_equal(kstrtoull("", 10, &v), -EINVAL);
	assert_int_equal(kstrtoull(NULL, 10, &v), -EINVAL);
	assert_int_equal(kstrtoull("18446744073709551616", 10, &v), -ERANGE);
	assert_int_equal(kstrtouint("4294967296", 10, &u), -ERANGE);
	assert_int_equal(kstrtoint("-2147483648", 10, &i), 0);
	assert_int_equal(i, INT_MIN);
	assert_int_equal(kstrtoint("2147483648", 10, &i), -ERANGE);
	assert_int_equal(kstrtobool("on", &b), 0);
	assert_true(b);
	assert_int_equal(kstrtobool("off", &b), 0);
	assert_false(b);
	assert_int_equal(kstrtobool("maybe", &b), -EINVAL);
}

/* Expect words, name=value, quoted values and runs of spaces to split right. */
static void next_arg_splits_words(void **state)
{
	char line[] = "  mem=512M   debug  foo=\"a b\" \"quoted=x y\"";
	char *args = skip_spaces(line), *param, *val;

	args = next_arg(args, &param, &val);
	assert_string_equal(param, "mem");
	assert_string_equal(val, "512M");
	args = next_arg(args, &param, &val);
	assert_string_equal(param, "debug");
	assert_null(val);
	args = next_arg(args, &param, &val);
	assert_string_equal(param, "foo");
	assert_string_equal(val, "a b");
	args = next_arg(args, &param, &val);
	assert_string_equal(param, "quoted");
	assert_string_equal(val, "x y");
	assert_string_equal(args, "");
}

static char seen[64];

static int __init test_param(char *val)
{
	strscpy(seen, val ? val : "(bare)", sizeof(seen));
	return 0;
}
early_param("bootmm_test", test_param);

/* Expect parse_early_param to call the hook with the value, or NULL when bare. */
static void parse_early_param_dispatches(void **state)
{
	parse_early_param("a=1 bootmm_test=hello b");
	assert_string_equal(seen, "hello");
	parse_early_param("bootmm_test");
	assert_string_equal(seen, "(bare)");
	seen[0] = '\0';
	parse_early_param("bootmm_testx=1 xbootmm_test=2");
	assert_string_equal(seen, "");
	parse_early_param(NULL);
}

/* Expect comma-separated option lists to match whole words only. */
static void parse_option_str_words(void **state)
{
	assert_true(parse_option_str("debug,poison", "poison"));
	assert_true(parse_option_str("debug", "debug"));
	assert_false(parse_option_str("debugx,poison", "debug"));
	assert_false(parse_option_str("", "debug"));
}

/* Expect strscpy to truncate with -E2BIG and strim to trim both ends. */
static void string_helpers(void **state)
{
	char dst[4], s[] = "  x y  ";

	assert_int_equal(strscpy(dst, "abc", sizeof(dst)), 3);
	assert_int_equal((ssize_t)strscpy(dst, "abcd", sizeof(dst)), -E2BIG);
	assert_string_equal(dst, "abc");
	assert_string_equal(strim(s), "x y");
	assert_null(memchr_inv("aaaa", 'a', 4));
	assert_ptr_equal(memchr_inv(s, ' ', 4), s + 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(memparse_suffixes),
		cmocka_unit_test(memparse_overflow_wraps_as_linux),
		cmocka_unit_test(get_option_return_codes),
		cmocka_unit_test(kstrtoull_strict),
		cmocka_unit_test(next_arg_splits_words),
		cmocka_unit_test(parse_early_param_dispatches),
		cmocka_unit_test(parse_option_str_words),
		cmocka_unit_test(string_helpers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
