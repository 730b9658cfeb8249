// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for lib/string.c, the kernel's own string helpers: strscpy (with
 * Linux's -E2BIG contract), skip_spaces, strim and memchr_inv.  The
 * C-standard functions (memmove, ...) are libc's on the host and not
 * defined there.  Expected values follow Linux's lib/string.c semantics:
 * strscpy reads at most @size bytes of the source and never pads; strim
 * writes one NUL after the last non-space and returns past the leading
 * spaces.  Heap buffers of exact sizes let ASan catch any over-read.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/string.h>

/*
 *   dst[8] = "xxxxxxx\0"   src = "abc"
 * Expect 3, "abc\0" and the bytes after the NUL untouched (no padding).
 */
static void strscpy_fits(void **state)
{
	char dst[8] = "xxxxxxx";

	assert_int_equal(strscpy(dst, "abc", sizeof(dst)), 3);
	assert_string_equal(dst, "abc");
	assert_memory_equal(dst + 4, "xxx", 4);
}

/*
 *   src = "abcdefg" (7 chars)   dst[8]
 * The longest string that fits: 7 chars + NUL.  Expect 7, no -E2BIG.
 */
static void strscpy_exact_fit(void **state)
{
	char dst[8];

	assert_int_equal(strscpy(dst, "abcdefg", sizeof(dst)), 7);
	assert_string_equal(dst, "abcdefg");
}

/*
 *   src = "abcdefgh" (8 chars)   dst[8]
 * One char too many.  Expect -E2BIG and dst = "abcdefg", NUL-terminated.
 */
static void strscpy_truncates_by_one(void **state)
{
	char dst[8];

	assert_int_equal(strscpy(dst, "abcdefgh", sizeof(dst)), -E2BIG);
	assert_string_equal(dst, "abcdefg");
	assert_int_equal(dst[7], '\0');
}

/*
 * The return is signed, as Linux's ssize_t: a caller tests truncation
 * with "< 0".  Expect a negative value for a cut copy, not a huge one.
 */
static void strscpy_return_is_signed(void **state)
{
	char dst[2];

	assert_true(strscpy(dst, "abc", sizeof(dst)) < 0);
	assert_false(strscpy(dst, "a", sizeof(dst)) < 0);
}

/*
 *   size = 1: room for the NUL only.
 * Expect "" and 0 for an empty source, "" and -E2BIG for any other.
 */
static void strscpy_size_one(void **state)
{
	char dst[2] = "zz";

	assert_int_equal(strscpy(dst, "", 1), 0);
	assert_int_equal(dst[0], '\0');
	dst[0] = 'z';
	assert_int_equal(strscpy(dst, "a", 1), -E2BIG);
	assert_int_equal(dst[0], '\0');
	assert_int_equal(dst[1], 'z');
}

/*
 *   size = 0: no room at all (Linux: "if (count == 0) return -E2BIG").
 * Expect -E2BIG and not a byte written, even for an empty source.
 */
static void strscpy_size_zero(void **state)
{
	char dst[2] = "zz";

	assert_int_equal(strscpy(dst, "abc", 0), -E2BIG);
	assert_int_equal(strscpy(dst, "", 0), -E2BIG);
	assert_memory_equal(dst, "zz", 2);
}

/*
 *   src = [a b c d] (4 bytes on the heap, no NUL)   size = 4
 * strscpy may read only @size bytes of the source.  Expect -E2BIG, "abc",
 * and no ASan report (a fifth byte read would be a heap overflow).
 */
static void strscpy_unterminated_source(void **state)
{
	char *src = malloc(4), dst[4];

	assert_non_null(src);
	memcpy(src, "abcd", 4);
	assert_int_equal(strscpy(dst, src, 4), -E2BIG);
	assert_string_equal(dst, "abc");
	free(src);
}

/* Expect every C whitespace char skipped, and the rest returned as is. */
static void skip_spaces_all_kinds(void **state)
{
	const char *s = " \t\n\v\f\rword  ", *x = "x";

	assert_ptr_equal(skip_spaces(s), s + 6);
	assert_ptr_equal(skip_spaces(x), x);
}

/* Expect "" and a string of spaces both to end on the terminating NUL. */
static void skip_spaces_empty_and_blank(void **state)
{
	const char *blank = "   ", *empty = "";

	assert_ptr_equal(skip_spaces(blank), blank + 3);
	assert_ptr_equal(skip_spaces(empty), empty);
}

/*
 *   "  a b \t\n"  ->  "  a b" ending at s[5], returns &s[2]
 * Expect the inner space kept and the first trailing space now a NUL.
 */
static void strim_both_ends(void **state)
{
	char s[] = "  a b \t\n";

	assert_ptr_equal(strim(s), s + 2);
	assert_string_equal(s + 2, "a b");
	assert_int_equal(s[5], '\0');
}

/* Expect "" unchanged and an all-blank string to become "" at its end. */
static void strim_empty_and_blank(void **state)
{
	char empty[] = "", blank[] = " \t ";
	char *r;

	assert_ptr_equal(strim(empty), empty);
	r = strim(blank);
	assert_string_equal(r, "");
	assert_int_equal(blank[0], '\0');
}

/* Expect a string with no white space returned whole, in place. */
static void strim_nothing_to_trim(void **state)
{
	char s[] = "mem=64M";

	assert_ptr_equal(strim(s), s);
	assert_string_equal(s, "mem=64M");
}

/*
 *   p = [aa aa aa aa aa]   n = 5, c = 0xaa  ->  NULL
 *   p = [aa aa 55 aa aa]                    ->  &p[2]
 * Expect NULL when every byte matches, else the first one that does not.
 */
static void memchr_inv_finds_first_difference(void **state)
{
	unsigned char p[5];

	memset(p, 0xaa, sizeof(p));
	assert_null(memchr_inv(p, 0xaa, sizeof(p)));
	p[4] = 0x55;
	p[2] = 0x55;
	assert_ptr_equal(memchr_inv(p, 0xaa, sizeof(p)), p + 2);
	assert_ptr_equal(memchr_inv(p, 0x55, sizeof(p)), p);
}

/* Expect n = 0 to look at nothing: NULL, even for a mismatching byte. */
static void memchr_inv_zero_length(void **state)
{
	unsigned char p[1] = { 1 };

	assert_null(memchr_inv(p, 0, 0));
}

/*
 * @c is compared as an unsigned char, as Linux's memchr_inv(u8 value):
 * 0x1aa and -86 both mean 0xaa.  Expect NULL for both on an 0xaa page.
 */
static void memchr_inv_c_as_byte(void **state)
{
	unsigned char *p = malloc(4096);

	assert_non_null(p);
	memset(p, 0xaa, 4096);
	assert_null(memchr_inv(p, 0x1aa, 4096));
	assert_null(memchr_inv(p, -86, 4096));
	p[4095] = 0;
	assert_ptr_equal(memchr_inv(p, 0xaa, 4096), p + 4095);
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(strscpy_fits),
		cmocka_unit_test(strscpy_exact_fit),
		cmocka_unit_test(strscpy_truncates_by_one),
		cmocka_unit_test(strscpy_return_is_signed),
		cmocka_unit_test(strscpy_size_one),
		cmocka_unit_test(strscpy_size_zero),
		cmocka_unit_test(strscpy_unterminated_source),
		cmocka_unit_test(skip_spaces_all_kinds),
		cmocka_unit_test(skip_spaces_empty_and_blank),
		cmocka_unit_test(strim_both_ends),
		cmocka_unit_test(strim_empty_and_blank),
		cmocka_unit_test(strim_nothing_to_trim),
		cmocka_unit_test(memchr_inv_finds_first_difference),
		cmocka_unit_test(memchr_inv_zero_length),
		cmocka_unit_test(memchr_inv_c_as_byte),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
