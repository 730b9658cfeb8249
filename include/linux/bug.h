/* SPDX-License-Identifier: GPL-2.0 */
/*
 * BUG, WARN and panic.  A failed BUG_ON stops the machine with a message
 * naming the file and line; WARN_ON reports once per call and goes on.
 * What "stop" means is the arch's business (asm/bug.h): the kernel exits
 * QEMU with a failure status, the host calls its panic handler.
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>
#include <linux/printk.h>
#include <asm/bug.h>

void panic(const char *fmt, ...) __printf(1, 2) __noreturn __cold;
void __warn_printk(const char *file, int line, const char *cond);

#define BUG() panic("kernel BUG at %s:%d!", __FILE__, __LINE__)
#define BUG_ON(cond) do { if (unlikely(cond)) BUG(); } while (0)

#define WARN_ON(cond) ({						\
	int __ret_warn_on = !!(cond);					\
	if (unlikely(__ret_warn_on))					\
		__warn_printk(__FILE__, __LINE__, #cond);		\
	unlikely(__ret_warn_on); })

#define WARN(cond, fmt...) ({						\
	int __ret_warn = !!(cond);					\
	if (unlikely(__ret_warn)) {					\
		printk(KERN_WARNING fmt);				\
		__warn_printk(__FILE__, __LINE__, #cond);		\
	}								\
	unlikely(__ret_warn); })

#define WARN_ON_ONCE(cond) ({						\
	static bool __warned;						\
	int __ret_warn_once = !!(cond);					\
	if (unlikely(__ret_warn_once && !__warned)) {			\
		__warned = true;					\
		__warn_printk(__FILE__, __LINE__, #cond);		\
	}								\
	unlikely(__ret_warn_once); })

#define WARN_ONCE(cond, fmt...) ({					\
	static bool __warned_once;					\
	int __ret_warn_o = !!(cond);					\
	if (unlikely(__ret_warn_o && !__warned_once)) {		\
		__warned_once = true;					\
		printk(KERN_WARNING fmt);				\
		__warn_printk(__FILE__, __LINE__, #cond);		\
	}								\
	unlikely(__ret_warn_o); })

#define BUILD_BUG_ON(cond)	_Static_assert(!(cond), "BUILD_BUG_ON(" #cond ")")
#define BUILD_BUG_ON_MSG(cond, msg) _Static_assert(!(cond), msg)

#endif /* _LINUX_BUG_H */
