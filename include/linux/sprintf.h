/* SPDX-License-Identifier: GPL-2.0 */
/* The snprintf family (lib/vsprintf.c), shared by kernel and host. */
#ifndef _LINUX_SPRINTF_H
#define _LINUX_SPRINTF_H

#include <stdarg.h>
#include <linux/types.h>
#include <linux/compiler.h>

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args) __printf(3, 0);
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args) __printf(3, 0);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int scnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int sprintf(char *buf, const char *fmt, ...) __printf(2, 3);

/* Bytes of phys_addr_t that %pa prints (lib/vsprintf.c; setup_arch sets it). */
extern unsigned int phys_addr_print_size;

#endif /* _LINUX_SPRINTF_H */
