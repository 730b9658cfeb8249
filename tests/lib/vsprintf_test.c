// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for lib/vsprintf.c: every conversion the core uses, compared with
 * the exact strings Linux prints (the e820 and memblock log formats above
 * all), truncation, and the %pa / %pS extensions.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/string.h>

/* Some cases feed deliberately bad or NULL arguments; the checker would flag them. */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
#pragma GCC diagnostic ignored "-Wformat-truncation"

static char buf[256];

#define fmt_eq(expect, fmt, ...) do {					\
	int __n = snprintf(buf, sizeof(buf), fmt, ##__VA_ARGS__);	\
	assert_string_equal(buf, expect);				\
	assert_int_equal(__n, (int)strlen(expect));			\
} while (0)

/* Expect C semantics for integers of every length, sign and base. */
static void vsnprintf_integers(void **state)
{
	fmt_eq("0", "%d", 0);
	fmt_eq("-2147483648", "%d", INT_MIN);
	fmt_eq("4294967295", "%u", UINT_MAX);
	fmt_eq("-9223372036854775808", "%lld", LLONG_MIN);
	fmt_eq("18446744073709551615", "%llu", ULLONG_MAX);
	fmt_eq("ffffffffffffffff", "%llx", ULLONG_MAX);
	fmt_eq("DEADBEEF", "%X", 0xdeadbeefu);
	fmt_eq("17", "%o", 15);
	fmt_eq("-1", "%hhd", 255);
	fmt_eq("65535", "%hu", -1);
	fmt_eq("-5", "%zd", (ssize_t)-5);
	fmt_eq("12", "%zu", (size_t)12);
	fmt_eq("+3 -3", "%+d %+d", 3, -3);
	fmt_eq(" 3", "% d", 3);
	fmt_eq("-7", "%i", -7);
}

/* Expect width, precision, zero padding, left justification and '#'. */
static void vsnprintf_width_and_flags(void **state)
{
	fmt_eq("   42", "%5d", 42);
	fmt_eq("42   |", "%-5d|", 42);
	fmt_eq("00042", "%05d", 42);
	fmt_eq("-0042", "%05d", -42);
	fmt_eq("  042", "%5.3d", 42);
	fmt_eq("0x1f", "%#x", 0x1f);
	fmt_eq("0x0000001f", "%#010x", 0x1f);
	/* Linux, unlike C, keeps the prefix for zero: e820 prints 0x00000000. */
	fmt_eq("0x0", "%#x", 0);
	fmt_eq("0x00000000", "%#010x", 0);
	fmt_eq("   ab", "%*x", 5, 0xab);
	fmt_eq("ab   |", "%*x|", -5, 0xab);
	fmt_eq("", "%.0d", 0);
	fmt_eq("abc", "%.3s", "abcdef");
	fmt_eq("  abc", "%5s", "abc");
	fmt_eq("abc  |", "%-5s|", "abc");
	fmt_eq("(null)", "%s", (char *)NULL);
	fmt_eq("x  |", "%-3c|", 'x');
	fmt_eq("100%", "%d%%", 100);
}

/* Expect the exact e820 and memblock log formats of Linux 6.1. */
static void vsnprintf_linux_log_formats(void **state)
{
	phys_addr_t a = 0x9fc00, b = 0xffffffff;

	fmt_eq("BIOS-e820: [mem 0x000000000009fc00-0x00000000ffffffff] reserved",
	       "BIOS-e820: [mem %#018Lx-%#018Lx] reserved",
	       (unsigned long long)a, (unsigned long long)b);
	fmt_eq("e820: update [mem 0x00000000-0x00000fff] usable",
	       "e820: update [mem %#010Lx-%#010Lx] usable", 0ULL, 0xfffULL);
	fmt_eq(" BIOS-e820: 0000000000000000 - 000000000009f800 (usable)",
	       " BIOS-e820: %016Lx - %016Lx (usable)", 0ULL, 0x9f800ULL);
	fmt_eq("[0x000000000009fc00-0x00000000ffffffff]", "[%pa-%pa]", &a, &b);
}

/*
 * %pa follows the modelled kernel's phys_addr_t: Linux i386 without PAE
 * prints memblock=debug as "[0x00100000-0x3ffdffff]" (8 digits), x86_64
 * and PAE with 16.  A value wider than the size still prints whole.
 * Expect 10 characters with size 4, 18 with size 8.
 */
static void vsnprintf_pa_follows_phys_addr_size(void **state)
{
	phys_addr_t a = 0x100000, b = 0x3ffdffff, big = 0x100000000ULL;

	phys_addr_print_size = 4;
	fmt_eq("[0x00100000-0x3ffdffff]", "[%pa-%pa]", &a, &b);
	fmt_eq("0x100000000", "%pa", &big);
	phys_addr_print_size = 8;
	fmt_eq("[0x0000000000100000-0x000000003ffdffff]", "[%pa-%pa]", &a, &b);
}

/* Expect %p as zero-padded hex and %pS as name+off/size or the address. */
static void vsnprintf_pointers(void **state)
{
	char expect[64];

	snprintf(buf, sizeof(buf), "%p", (void *)0x1234);
	assert_int_equal(strlen(buf), 2 * sizeof(void *));
	assert_string_equal(buf + strlen(buf) - 4, "1234");

	snprintf(buf, sizeof(buf), "%pS", (void *)((unsigned long)&snprintf + 3));
	assert_non_null(strstr(buf, "snprintf+0x3/0x"));

	snprintf(expect, sizeof(expect), "%#lx", 0x10UL);
	snprintf(buf, sizeof(buf), "%pS", (void *)0x10);
	assert_string_equal(buf, expect);
}

/*
 * Truncation:   "hello world" into 6 bytes -> "hello" + NUL
 * Expect the return value to be the untruncated length, as C's.
 */
static void vsnprintf_truncates(void **state)
{
	char small[6];
	volatile size_t size = sizeof(small);	/* hide the size from -Wformat-truncation */

	memset(small, 'z', sizeof(small));
	assert_int_equal(snprintf(small, size, "hello %s", "world"), 11);
	assert_string_equal(small, "hello");
	assert_int_equal(snprintf(NULL, 0, "%d", 12345), 5);
	assert_int_equal(scnprintf(small, size, "%s", "abcdefgh"), 5);
	assert_int_equal(scnprintf(small, 0, "%s", "abc"), 0);
}

/* Expect an unknown conversion to be printed as written, not to crash. */
static void vsnprintf_unknown_conversion(void **state)
{
	fmt_eq("%y1", "%y%d", 1);
	/* A lone '%' at the end prints nothing. */
	fmt_eq("ab", "ab%");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(vsnprintf_integers),
		cmocka_unit_test(vsnprintf_width_and_flags),
		cmocka_unit_test(vsnprintf_linux_log_formats),
		cmocka_unit_test(vsnprintf_pa_follows_phys_addr_size),
		cmocka_unit_test(vsnprintf_pointers),
		cmocka_unit_test(vsnprintf_truncates),
		cmocka_unit_test(vsnprintf_unknown_conversion),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
