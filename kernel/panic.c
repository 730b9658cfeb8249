// SPDX-License-Identifier: GPL-2.0
/*
 * panic() and the WARN report: print in Linux's words, then let the arch
 * decide what stopping means (QEMU exit with a failure status, or the host
 * test's panic handler).
 */
#include <linux/kernel.h>

/**
 * panic() - report a fatal condition and stop
 * @fmt: what went wrong (one trailing newline is dropped, as Linux does)
 *
 * Prints "Kernel panic - not syncing: <message>" and never returns.
 */
void panic(const char *fmt, ...)
{
	static char buf[1024];	/* Linux's size: longer messages are cut */
	va_list args;
	int len;

	va_start(args, fmt);
	len = vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	if (len && buf[len - 1] == '\n')
		buf[len - 1] = '\0';
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
	arch_panic(buf);
}

/**
 * __warn_printk() - report a WARN_ON that fired
 * @file: source file
 * @line: source line
 * @cond: the condition's text
 */
void __warn_printk(const char *file, int line, const char *cond)
{
	printk(KERN_WARNING "------------[ cut here ]------------\n");
	printk(KERN_WARNING "WARNING: at %s:%d: %s\n", file, line, cond);
	printk(KERN_WARNING "---[ end trace 0000000000000000 ]---\n");
}
