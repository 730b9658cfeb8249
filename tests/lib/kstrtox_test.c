// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for lib/kstrtox.c against Linux's lib/kstrtox.c semantics: the
 * strict kstrto*() (whole string, one optional '+' or '-' where the type
 * allows it, one trailing newline, -ERANGE before -EINVAL for a number
 * that overflowed, the result untouched on error), base 0 autodetection
 * after the sign, kstrtobool's first-letter rule, and the lenient
 * simple_strto*() with their end pointers.  tests/lib/cmdline_test.c has
 * the first smoke cases; these are the edges.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/string.h>

#define UNTOUCHED	0x5a5a5a5a5a5a5a5aULL

/* kstrtoull(@s, @base) must succeed with @v. */
#define ull_ok(s, base, v) do {						\
	unsigned long long __r = UNTOUCHED;				\
	assert_int_equal(kstrtoull(s, base, &__r), 0);			\
	assert_true(__r == (unsigned long long)(v));			\
} while (0)

/* kstrtoull(@s, @base) must fail with @err and leave the result alone. */
#define ull_err(s, base, err) do {					\
	unsigned long long __r = UNTOUCHED;				\
	assert_int_equal(kstrtoull(s, base, &__r), err);		\
	assert_true(__r == UNTOUCHED);					\
} while (0)

#define ll_ok(s, base, v) do {						\
	long long __r = (long long)UNTOUCHED;				\
	assert_int_equal(kstrtoll(s, base, &__r), 0);			\
	assert_true(__r == (long long)(v));				\
} while (0)

#define ll_err(s, base, err) do {					\
	long long __r = (long long)UNTOUCHED;				\
	assert_int_equal(kstrtoll(s, base, &__r), err);			\
	assert_true(__r == (long long)UNTOUCHED);			\
} while (0)

/* Base 10: "0", the largest u64, and leading zeros.  Expect exact values. */
static void kstrtoull_base10(void **state)
{
	ull_ok("0", 10, 0);
	ull_ok("18446744073709551615", 10, ULLONG_MAX);
	ull_ok("000000000000000000000000042", 10, 42);
	ull_err("0x10", 10, -EINVAL);
	ull_err("1a", 10, -EINVAL);
}

/*
 * Base 16 with and without "0x"/"0X", either case of digits.  "0x" alone
 * has no digit after the prefix.  Expect 255 four ways and -EINVAL.
 */
static void kstrtoull_base16(void **state)
{
	ull_ok("ff", 16, 255);
	ull_ok("0xff", 16, 255);
	ull_ok("0XFF", 16, 255);
	ull_ok("0xFfFfFfFfFfFfFfFf", 16, ULLONG_MAX);
	ull_err("0x", 16, -EINVAL);
	ull_err("x1", 16, -EINVAL);
	ull_err("0xg", 16, -EINVAL);
}

/* Base 8: "8" is no octal digit, and "0x" is not stripped.  Expect -EINVAL. */
static void kstrtoull_base8(void **state)
{
	ull_ok("777", 8, 0777);
	ull_ok("1777777777777777777777", 8, ULLONG_MAX);
	ull_err("8", 8, -EINVAL);
	ull_err("0x10", 8, -EINVAL);
}

/*
 * Base 0: "0x" + hex digit is hex, any other leading "0" octal, else
 * decimal.  "0x" without a hex digit is the octal "0" followed by junk.
 * Expect 31, 8, 0, 10 and -EINVAL for "0x", "0xg" and "09".
 */
static void kstrtoull_base0_autodetect(void **state)
{
	ull_ok("0x1f", 0, 31);
	ull_ok("0X1F", 0, 31);
	ull_ok("010", 0, 8);
	ull_ok("0", 0, 0);
	ull_ok("10", 0, 10);
	ull_err("0x", 0, -EINVAL);
	ull_err("0xg", 0, -EINVAL);
	ull_err("09", 0, -EINVAL);
}

/*
 * One trailing newline is accepted (sysfs writes end in one); nothing
 * else may follow the digits.  Expect "5\n" = 5, everything else -EINVAL.
 */
static void kstrtoull_trailing_newline(void **state)
{
	ull_ok("5\n", 10, 5);
	ull_ok("0x5\n", 0, 5);
	ull_err("5\n\n", 10, -EINVAL);
	ull_err("\n", 10, -EINVAL);
	ull_err("5 ", 10, -EINVAL);
	ull_err(" 5", 10, -EINVAL);
	ull_err("5\r\n", 10, -EINVAL);
	ull_err("", 0, -EINVAL);
}

/* kstrtoull takes one '+', never '-'.  Expect 5 for "+5", -EINVAL else. */
static void kstrtoull_sign(void **state)
{
	ull_ok("+5", 10, 5);
	ull_ok("+0x10", 0, 16);
	ull_err("-5", 10, -EINVAL);
	ull_err("-0", 10, -EINVAL);
	ull_err("++5", 10, -EINVAL);
	ull_err("+", 10, -EINVAL);
}

/*
 * 2^64 in each base, and 2^64 followed by junk or a newline.  Linux's
 * _kstrtoull() checks the overflow bit before anything else, so a number
 * too large is -ERANGE even when junk follows it.  Expect -ERANGE.
 */
static void kstrtoull_overflow(void **state)
{
	ull_err("18446744073709551616", 10, -ERANGE);
	ull_err("0x10000000000000000", 16, -ERANGE);
	ull_err("0x10000000000000000", 0, -ERANGE);
	ull_err("2000000000000000000000", 8, -ERANGE);
	ull_err("99999999999999999999999999999999999999", 10, -ERANGE);
	ull_err("18446744073709551616\n", 10, -ERANGE);
	ull_err("18446744073709551616x", 10, -ERANGE);
}

/*
 * The s64 edges: -2^63 fits, -2^63 - 1 and 2^63 do not; a u64 that
 * wraps back to a small positive number when negated is still too large.
 * Expect LLONG_MIN, LLONG_MAX and -ERANGE.
 */
static void kstrtoll_limits(void **state)
{
	ll_ok("-9223372036854775808", 10, LLONG_MIN);
	ll_ok("9223372036854775807", 10, LLONG_MAX);
	ll_ok("-0", 10, 0);
	ll_err("-9223372036854775809", 10, -ERANGE);
	ll_err("9223372036854775808", 10, -ERANGE);
	ll_err("-18446744073709551615", 10, -ERANGE);
	ll_err("-18446744073709551616", 10, -ERANGE);
}

/*
 * Autodetection works after the sign ("-0x10" is -16).  Only one sign:
 * Linux parses what follows '-' with _kstrtoull(), which takes no '+'.
 * Expect -16, 16, -8 and -EINVAL for "-+5", "+-5", "--5", "-".
 */
static void kstrtoll_sign_and_base(void **state)
{
	ll_ok("-0x10", 0, -16);
	ll_ok("+0x10", 0, 16);
	ll_ok("-010", 0, -8);
	ll_ok("-5\n", 10, -5);
	ll_err("-+5", 10, -EINVAL);
	ll_err("+-5", 10, -EINVAL);
	ll_err("--5", 10, -EINVAL);
	ll_err("-", 10, -EINVAL);
	ll_err("- 5", 10, -EINVAL);
}

/*
 * unsigned long is as wide as the build's (64 bits on the host, 32 in
 * the kernel): ULONG_MAX parses, ten times it does not.  Expect -ERANGE.
 */
static void kstrtoul_width(void **state)
{
	char buf[32];
	unsigned long v = 7;
	int n = snprintf(buf, sizeof(buf), "%lu0", ULONG_MAX);

	buf[n - 1] = '\0';
	assert_int_equal(kstrtoul(buf, 10, &v), 0);
	assert_true(v == ULONG_MAX);
	buf[n - 1] = '0';
	v = 7;
	assert_int_equal(kstrtoul(buf, 10, &v), -ERANGE);
	assert_int_equal(v, 7);
	assert_int_equal(kstrtoul("-1", 10, &v), -EINVAL);
}

/* u32: 0xffffffff fits, 0x100000000 does not, no '-'.  Expect -ERANGE/-EINVAL. */
static void kstrtouint_limits(void **state)
{
	unsigned int v = 7;

	assert_int_equal(kstrtouint("0xffffffff", 0, &v), 0);
	assert_int_equal(v, UINT_MAX);
	v = 7;
	assert_int_equal(kstrtouint("0x100000000", 0, &v), -ERANGE);
	assert_int_equal(kstrtouint("-1", 10, &v), -EINVAL);
	assert_int_equal(v, 7);
}

/*
 * s32: [-2^31, 2^31 - 1] in any base.  Expect INT_MIN from "-0x80000000",
 * INT_MAX from "0x7fffffff", -ERANGE one past either end.
 */
static void kstrtoint_limits(void **state)
{
	int v = 7;

	assert_int_equal(kstrtoint("-0x80000000", 0, &v), 0);
	assert_int_equal(v, INT_MIN);
	assert_int_equal(kstrtoint("0x7fffffff", 0, &v), 0);
	assert_int_equal(v, INT_MAX);
	v = 7;
	assert_int_equal(kstrtoint("0x80000000", 0, &v), -ERANGE);
	assert_int_equal(kstrtoint("-2147483649", 10, &v), -ERANGE);
	assert_int_equal(kstrtoint("12 ", 10, &v), -EINVAL);
	assert_int_equal(v, 7);
}

/*
 * Linux decides on the first letter, and on the second after 'o':
 * "yes", "no", "of" are fine, "o", "", "2", "ox" are not.  Expect the
 * value for each accepted word and the result untouched otherwise.
 */
static void kstrtobool_words(void **state)
{
	static const char *const yes[] = { "1", "y", "Y", "yes", "on", "ON", "oN", "1x" };
	static const char *const no[] = { "0", "n", "N", "no", "off", "OFF", "of", "oF" };
	static const char *const bad[] = { "", "o", "ox", "2", "t", "true", " y", "-1" };
	unsigned int i;
	bool b;

	for (i = 0; i < ARRAY_SIZE(yes); i++) {
		b = false;
		assert_int_equal(kstrtobool(yes[i], &b), 0);
		assert_true(b);
	}
	for (i = 0; i < ARRAY_SIZE(no); i++) {
		b = true;
		assert_int_equal(kstrtobool(no[i], &b), 0);
		assert_false(b);
	}
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		b = true;
		assert_int_equal(kstrtobool(bad[i], &b), -EINVAL);
		assert_true(b);
	}
	assert_int_equal(kstrtobool(NULL, &b), -EINVAL);
}

/*
 *   "12abc"   -> 12, end at "abc"        "  5" -> 0, end at the start
 *   "0x" (16) -> 0, end past the prefix  "0x" (0) -> 0, end at "x"
 * Expect the values and end pointers Linux's simple_strntoull() gives.
 */
static void simple_strtoull_end_pointer(void **state)
{
	const char *s;
	char *end;

	s = "12abc";
	assert_int_equal(simple_strtoull(s, &end, 10), 12);
	assert_ptr_equal(end, s + 2);
	s = "  5";
	assert_int_equal(simple_strtoull(s, &end, 10), 0);
	assert_ptr_equal(end, s);
	s = "0x";
	assert_int_equal(simple_strtoull(s, &end, 16), 0);
	assert_ptr_equal(end, s + 2);
	assert_int_equal(simple_strtoull(s, &end, 0), 0);
	assert_ptr_equal(end, s + 1);
	s = "0x1fg";
	assert_int_equal(simple_strtoull(s, &end, 0), 0x1f);
	assert_ptr_equal(end, s + 4);
	assert_int_equal(simple_strtoull("077", NULL, 0), 077);
}

/*
 * The lenient parser does not report overflow; the value wraps modulo
 * 2^64 as Linux's does.  Expect 2^64 -> 0 and 2^64 + 5 -> 5, end at the end.
 */
static void simple_strtoull_wraps(void **state)
{
	const char *s = "18446744073709551621";
	char *end;

	assert_true(simple_strtoull("18446744073709551616", NULL, 10) == 0);
	assert_true(simple_strtoull(s, &end, 10) == 5);
	assert_ptr_equal(end, s + strlen(s));
}

/* Signed forms: '-' then the unsigned parse.  Expect -16, -5, 255, -1. */
static void simple_strtol_signed(void **state)
{
	const char *s = "-0x10z";
	char *end;

	assert_int_equal(simple_strtoll(s, &end, 0), -16);
	assert_ptr_equal(end, s + 5);
	assert_int_equal(simple_strtol("-5", NULL, 10), -5);
	assert_int_equal(simple_strtoul("ff", NULL, 16), 255);
	assert_true(simple_strtoll("-1", NULL, 10) == -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kstrtoull_base10),
		cmocka_unit_test(kstrtoull_base16),
		cmocka_unit_test(kstrtoull_base8),
		cmocka_unit_test(kstrtoull_base0_autodetect),
		cmocka_unit_test(kstrtoull_trailing_newline),
		cmocka_unit_test(kstrtoull_sign),
		cmocka_unit_test(kstrtoull_overflow),
		cmocka_unit_test(kstrtoll_limits),
		cmocka_unit_test(kstrtoll_sign_and_base),
		cmocka_unit_test(kstrtoul_width),
		cmocka_unit_test(kstrtouint_limits),
		cmocka_unit_test(kstrtoint_limits),
		cmocka_unit_test(kstrtobool_words),
		cmocka_unit_test(simple_strtoull_end_pointer),
		cmocka_unit_test(simple_strtoull_wraps),
		cmocka_unit_test(simple_strtol_signed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
