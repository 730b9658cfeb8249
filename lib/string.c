// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's own string helpers (strscpy, skip_spaces, strim,
 * memchr_inv).  The C-standard ones (memcpy, strlen, ...) come from
 * arch/x86/lib/string_32.c in the kernel and from the C library on the
 * host, which a freestanding C implementation must provide anyway.
 */
#include <linux/kernel.h>
#include <linux/ctype.h>
#include <linux/string.h>

/**
 * strscpy() - copy a string into a sized buffer, always NUL-terminated
 * @dst: the destination
 * @src: the source
 * @size: the size of @dst
 *
 * Return: the length copied, or -E2BIG when @src was truncated (signed,
 * as Linux's, so "strscpy(...) < 0" tests for truncation).
 */
ssize_t strscpy(char *dst, const char *src, size_t size)
{
	size_t i;

	if (size == 0)
		return -E2BIG;
	for (i = 0; i + 1 < size && src[i]; i++)
		dst[i] = src[i];
	dst[i] = '\0';
	return src[i] ? -E2BIG : (ssize_t)i;
}

/**
 * skip_spaces() - skip leading white space
 * @s: the string
 * Return: the first non-space character of @s.
 */
char *skip_spaces(const char *s)
{
	while (isspace(*s))
		s++;
	return (char *)s;
}

/**
 * strim() - remove leading and trailing white space
 * @s: the string, modified in place (trailing spaces become NULs)
 * Return: the first non-space character of @s.
 */
char *strim(char *s)
{
	size_t len = strlen(s);

	while (len > 0 && isspace(s[len - 1]))
		s[--len] = '\0';
	return skip_spaces(s);
}

/**
 * memchr_inv() - find the first byte that differs from @c
 * @s: the memory
 * @c: the expected byte
 * @n: how many bytes
 * Return: the first byte not equal to @c, or NULL when all are.
 */
void *memchr_inv(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (size_t i = 0; i < n; i++)
		if (p[i] != (unsigned char)c)
			return (void *)(p + i);
	return NULL;
}
