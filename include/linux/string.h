/* SPDX-License-Identifier: GPL-2.0 */
/*
 * String and memory functions (lib/string.c).  On the host these names
 * are also libc's; the core's own copies are the ones it links.
 */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <linux/types.h>

void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
ssize_t strscpy(char *dst, const char *src, size_t size);
char *skip_spaces(const char *s);
char *strim(char *s);
void *memchr_inv(const void *s, int c, size_t n);

#endif /* _LINUX_STRING_H */
