// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for arch/x86/lib/string_32.c, the C-standard string functions the
 * i386 kernel links instead of a C library (the host build uses libc's,
 * so nothing else runs these).  The file is compiled in here with every
 * function renamed k_*, so libc's stay what cmocka and ASan use.  The
 * expected results are the C standard's (and Linux's lib/string.c):
 * memmove correct for either overlap, bytes compared as unsigned char,
 * c converted to unsigned char (memset/memchr) or char (strchr), n = 0
 * touching nothing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <cmocka.h>

#define memcpy	k_memcpy
#define memset	k_memset
#define memmove	k_memmove
#define memcmp	k_memcmp
#define memchr	k_memchr
#define strlen	k_strlen
#define strnlen	k_strnlen
#define strcmp	k_strcmp
#define strncmp	k_strncmp
#define strchr	k_strchr
#define strrchr	k_strrchr
#define strstr	k_strstr
#include "../../../../arch/x86/lib/string_32.c"
#undef memcpy
#undef memset
#undef memmove
#undef memcmp
#undef memchr
#undef strlen
#undef strnlen
#undef strcmp
#undef strncmp
#undef strchr
#undef strrchr
#undef strstr

/* libc's, for setting up and checking buffers. */
void *memcpy(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);

/*
 *   buf = "0123456789"   memmove(buf + 2, buf, 6)
 *          ^^^^^^ src      ^^^^^^ dst, after src: copy from the end
 * Expect "0101234589": every source byte read before it is overwritten.
 */
static void memmove_overlap_dst_after_src(void **state)
{
	char buf[] = "0123456789";

	assert_ptr_equal(k_memmove(buf + 2, buf, 6), buf + 2);
	assert_string_equal(buf, "0101234589");
}

/*
 *   buf = "0123456789"   memmove(buf, buf + 3, 7)
 *          ^^^^^^^ dst     ^^^^^^^ src, after dst: copy from the start
 * Expect "3456789789".
 */
static void memmove_overlap_dst_before_src(void **state)
{
	char buf[] = "0123456789";

	assert_ptr_equal(k_memmove(buf, buf + 3, 7), buf);
	assert_string_equal(buf, "3456789789");
}

/*
 * One byte of overlap either way, the same buffer, n = 0, and regions
 * that only touch.  Expect each as memmove's definition gives it.
 */
static void memmove_edges(void **state)
{
	char buf[] = "abcdef";

	k_memmove(buf + 1, buf, 2);		/* "ab" -> buf[1..2] */
	assert_string_equal(buf, "aabdef");
	k_memmove(buf, buf + 1, 2);		/* "ab" -> buf[0..1] */
	assert_string_equal(buf, "abbdef");
	k_memmove(buf, buf, 6);
	assert_string_equal(buf, "abbdef");
	k_memmove(buf, buf + 3, 0);
	assert_string_equal(buf, "abbdef");
	k_memmove(buf + 3, buf, 3);		/* adjacent: dst == src + n */
	assert_string_equal(buf, "abbabb");
}

/*
 * A page-sized move by one byte up, on the heap (ASan watches both
 * ends).  Expect every byte shifted and the first one unchanged.
 */
static void memmove_large_shift(void **state)
{
	unsigned char *p = malloc(4097);
	size_t i;

	assert_non_null(p);
	for (i = 0; i < 4097; i++)
		p[i] = (unsigned char)(i * 7);
	k_memmove(p + 1, p, 4096);
	assert_int_equal(p[0], 0);
	for (i = 1; i < 4097; i++)
		assert_int_equal(p[i], (unsigned char)((i - 1) * 7));
	free(p);
}

/* memcpy: n = 0 writes nothing; odd sizes and offsets copy exactly. */
static void memcpy_sizes(void **state)
{
	char dst[16] = "xxxxxxxxxxxxxxx", src[] = "abcdefghijklmno";

	assert_ptr_equal(k_memcpy(dst, src, 0), dst);
	assert_string_equal(dst, "xxxxxxxxxxxxxxx");
	k_memcpy(dst + 1, src + 3, 7);
	assert_string_equal(dst, "xdefghijxxxxxxx");
}

/* memset: c is converted to unsigned char (0x1ab -> 0xab).  n = 0: nothing. */
static void memset_byte_and_zero(void **state)
{
	unsigned char buf[5] = { 1, 1, 1, 1, 1 };
	static const unsigned char expect[5] = { 1, 0xab, 0xab, 0xab, 1 };

	assert_ptr_equal(k_memset(buf, 0x55, 0), buf);
	assert_int_equal(buf[0], 1);
	k_memset(buf + 1, 0x1ab, 3);
	assert_memory_equal(buf, expect, 5);
}

/*
 * memcmp compares unsigned bytes: 0x80 > 0x01.  Expect the sign of the
 * first difference, 0 for n = 0 and for equal ranges.
 */
static void memcmp_unsigned_order(void **state)
{
	assert_true(k_memcmp("\x80", "\x01", 1) > 0);
	assert_true(k_memcmp("\x01", "\x80", 1) < 0);
	assert_true(k_memcmp("abcX", "abcY", 4) < 0);
	assert_int_equal(k_memcmp("abcX", "abcY", 3), 0);
	assert_int_equal(k_memcmp("a", "b", 0), 0);
}

/* memchr: c as unsigned char; NULs are bytes like any other; n bounds it. */
static void memchr_bounds(void **state)
{
	static const char s[] = "ab\0c\xff";

	assert_ptr_equal(k_memchr(s, 'c', 5), s + 3);
	assert_ptr_equal(k_memchr(s, 0, 5), s + 2);
	assert_ptr_equal(k_memchr(s, 0x1ff, 5), s + 4);
	assert_null(k_memchr(s, 'c', 3));
	assert_null(k_memchr(s, 'a', 0));
}

/* strlen and strnlen: strnlen stops at @max, and at 0 reads nothing. */
static void strlen_strnlen(void **state)
{
	assert_int_equal(k_strlen(""), 0);
	assert_int_equal(k_strlen("mem=64M"), 7);
	assert_int_equal(k_strnlen("mem=64M", 3), 3);
	assert_int_equal(k_strnlen("mem=64M", 100), 7);
	assert_int_equal(k_strnlen(NULL, 0), 0);
}

/*
 * strcmp/strncmp compare as unsigned char ("\xff" > "a"), a prefix sorts
 * first, strncmp stops at n and at a common NUL.  Expect those signs.
 */
static void strcmp_strncmp_order(void **state)
{
	assert_int_equal(k_strcmp("memmap", "memmap"), 0);
	assert_true(k_strcmp("mem", "memmap") < 0);
	assert_true(k_strcmp("memmap", "mem") > 0);
	assert_true(k_strcmp("\xff", "a") > 0);
	assert_int_equal(k_strncmp("memmap", "memory", 3), 0);
	assert_true(k_strncmp("memmap", "memory", 4) < 0);
	assert_int_equal(k_strncmp("ab\0x", "ab\0y", 4), 0);
	assert_int_equal(k_strncmp("a", "b", 0), 0);
	assert_true(k_strncmp("\x80", "\x7f", 1) > 0);
}

/* strchr/strrchr: first/last match; c = 0 finds the terminator. */
static void strchr_strrchr(void **state)
{
	static const char s[] = "a=b=c";

	assert_ptr_equal(k_strchr(s, '='), s + 1);
	assert_ptr_equal(k_strrchr(s, '='), s + 3);
	assert_ptr_equal(k_strchr(s, '\0'), s + 5);
	assert_ptr_equal(k_strrchr(s, '\0'), s + 5);
	assert_null(k_strchr(s, 'x'));
	assert_null(k_strrchr(s, 'x'));
	assert_ptr_equal(k_strchr(s, 0x100 + 'b'), s + 2);
}

/*
 * strstr: the first occurrence; "" is found at the start (even of "");
 * a needle longer than the rest is not.  Expect those pointers.
 */
static void strstr_cases(void **state)
{
	static const char s[] = "memmap=exactmap";
	static const char empty[] = "";

	assert_ptr_equal(k_strstr(s, "map"), s + 3);
	assert_ptr_equal(k_strstr(s, "exactmap"), s + 7);
	assert_ptr_equal(k_strstr(s, ""), s);
	assert_ptr_equal(k_strstr(empty, ""), empty);
	assert_null(k_strstr(s, "exactmapx"));
	assert_null(k_strstr(empty, "a"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(memmove_overlap_dst_after_src),
		cmocka_unit_test(memmove_overlap_dst_before_src),
		cmocka_unit_test(memmove_edges),
		cmocka_unit_test(memmove_large_shift),
		cmocka_unit_test(memcpy_sizes),
		cmocka_unit_test(memset_byte_and_zero),
		cmocka_unit_test(memcmp_unsigned_order),
		cmocka_unit_test(memchr_bounds),
		cmocka_unit_test(strlen_strnlen),
		cmocka_unit_test(strcmp_strncmp_order),
		cmocka_unit_test(strchr_strrchr),
		cmocka_unit_test(strstr_cases),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
