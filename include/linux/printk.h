/* SPDX-License-Identifier: GPL-2.0 */
/*
 * printk with Linux's log levels and line format.
 *
 * Every line starts with "[    0.000000] " as in the reference logs: all
 * of bootmm's work happens before timekeeping, where Linux prints zero too,
 * so the kernel's serial log and the simulator's stdout are byte-identical.
 * A record is shown when its level is below console_loglevel (default 7,
 * so KERN_DEBUG needs loglevel=8 or "debug", as in Linux).
 */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <stdarg.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/sprintf.h>

#define KERN_SOH	"\001"
#define KERN_SOH_ASCII	'\001'
#define KERN_EMERG	KERN_SOH "0"
#define KERN_ALERT	KERN_SOH "1"
#define KERN_CRIT	KERN_SOH "2"
#define KERN_ERR	KERN_SOH "3"
#define KERN_WARNING	KERN_SOH "4"
#define KERN_NOTICE	KERN_SOH "5"
#define KERN_INFO	KERN_SOH "6"
#define KERN_DEBUG	KERN_SOH "7"
#define KERN_DEFAULT	""
#define KERN_CONT	KERN_SOH "c"

#define LOGLEVEL_EMERG		0
#define LOGLEVEL_ERR		3
#define LOGLEVEL_WARNING	4
#define LOGLEVEL_NOTICE		5
#define LOGLEVEL_INFO		6
#define LOGLEVEL_DEBUG		7

#define MESSAGE_LOGLEVEL_DEFAULT	4
#define CONSOLE_LOGLEVEL_DEFAULT	7
#define CONSOLE_LOGLEVEL_QUIET		4
#define CONSOLE_LOGLEVEL_DEBUG		10

/* Records with a level below this reach the console. */
extern int console_loglevel;
/* Set by "ignore_loglevel": every record reaches the console. */
extern bool ignore_loglevel;
/* Set by "printk.time=0": no "[    0.000000] " prefix. */
extern bool printk_time;

int printk(const char *fmt, ...) __printf(1, 2);
int vprintk(const char *fmt, va_list args) __printf(1, 0);

/**
 * arch_console_write() - arch hook: put bytes on the console.
 * @s: the bytes (not NUL-terminated)
 * @n: how many
 *
 * The kernel writes to COM1 and VGA; the host writes to stdout or to a
 * test's capture buffer.
 */
void arch_console_write(const char *s, size_t n);

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

/* Type-checks the arguments and prints nothing, like Linux's no_printk. */
#define no_printk(fmt, ...) ({ if (0) printk(fmt, ##__VA_ARGS__); 0; })

#define pr_emerg(fmt, ...)	printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)	printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)	printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...)	printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)	printk(KERN_CONT fmt, ##__VA_ARGS__)
/*
 * As in a Linux build without DEBUG or dynamic debug, pr_debug prints
 * nothing unless the file defines DEBUG; use printk(KERN_DEBUG ...) where
 * Linux does so the lines match at loglevel=8.
 */
#ifdef DEBUG
#define pr_debug(fmt, ...)	printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#else
#define pr_debug(fmt, ...)	no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#endif

#define pr_warn_once(fmt, ...) ({				\
	static bool __print_once;				\
	if (!__print_once) {					\
		__print_once = true;				\
		pr_warn(fmt, ##__VA_ARGS__);			\
	} })

/*
 * Linux's printk_ratelimited() lets DEFAULT_RATELIMIT_BURST (10) messages
 * through per call site and DEFAULT_RATELIMIT_INTERVAL (5 s); during early
 * boot jiffies stand still, so the interval never ends: the first 10
 * print, the rest are dropped.  bootmm has no clock, so that is all it does.
 */
#define DEFAULT_RATELIMIT_BURST	10
#define printk_ratelimited(fmt, ...) ({				\
	static unsigned int __ratelimit_printed;		\
	if (__ratelimit_printed < DEFAULT_RATELIMIT_BURST) {	\
		__ratelimit_printed++;				\
		printk(fmt, ##__VA_ARGS__);			\
	} })
#define pr_warn_ratelimited(fmt, ...) \
	printk_ratelimited(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)

#endif /* _LINUX_PRINTK_H */
