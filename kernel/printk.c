// SPDX-License-Identifier: GPL-2.0
/*
 * printk: format a record, filter it by log level, prefix each line with
 * Linux's "[    0.000000] " and hand the bytes to the arch console hook.
 *
 * Records follow Linux's rules: a record starts a new line unless it is
 * KERN_CONT, an unterminated line is closed before the next record, and a
 * continuation inherits the level of the line it continues.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>

#define PRINTK_LINE_MAX 1024

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
bool ignore_loglevel;
bool printk_time = true;

static bool line_open;		/* the last record did not end in '\n' */
static int line_level;		/* level of the open line */

static void emit(const char *s, size_t n, int level)
{
	if (!ignore_loglevel && level >= console_loglevel)
		return;
	arch_console_write(s, n);
}

/* Split off a KERN_<LEVEL> prefix; return the level, or -1 for KERN_CONT. */
static int parse_level(const char **text)
{
	int level = MESSAGE_LOGLEVEL_DEFAULT;

	while ((*text)[0] == KERN_SOH_ASCII && (*text)[1]) {
		char c = (*text)[1];

		if (c >= '0' && c <= '7')
			level = c - '0';
		else if (c == 'c')
			level = -1;
		*text += 2;
	}
	return level;
}

/**
 * vprintk() - print a record to the console
 * @fmt: format, optionally starting with a KERN_ level
 * @args: arguments
 *
 * Return: the number of characters of the formatted text.
 */
int vprintk(const char *fmt, va_list args)
{
	static const char stamp[] = "[    0.000000] ";
	char text[PRINTK_LINE_MAX];
	const char *p = text, *nl;
	int len, level;

	len = vscnprintf(text, sizeof(text), fmt, args);
	level = parse_level(&p);

	if (level < 0) {
		level = line_open ? line_level : MESSAGE_LOGLEVEL_DEFAULT;
	} else if (line_open) {
		emit("\n", 1, line_level);
		line_open = false;
	}

	while (*p) {
		if (!line_open) {
			line_level = level;
			if (printk_time)
				emit(stamp, sizeof(stamp) - 1, level);
			line_open = true;
		}
		nl = strchr(p, '\n');
		if (!nl) {
			emit(p, strlen(p), line_level);
			break;
		}
		emit(p, (size_t)(nl - p) + 1, line_level);
		line_open = false;
		p = nl + 1;
	}
	return len;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vprintk(fmt, args);
	va_end(args);
	return len;
}

static int __init loglevel(char *str)
{
	int level;

	if (!str || get_option(&str, &level) != 1 || level < 0)
		return -EINVAL;
	console_loglevel = level;
	return 0;
}
early_param("loglevel", loglevel);

static int __init debug_kernel(char *str)
{
	console_loglevel = CONSOLE_LOGLEVEL_DEBUG;
	return 0;
}
early_param("debug", debug_kernel);

static int __init quiet_kernel(char *str)
{
	console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	return 0;
}
early_param("quiet", quiet_kernel);

static int __init ignore_loglevel_setup(char *str)
{
	ignore_loglevel = true;
	return 0;
}
early_param("ignore_loglevel", ignore_loglevel_setup);

static int __init printk_time_setup(char *str)
{
	bool on;

	if (kstrtobool(str, &on))
		return -EINVAL;
	printk_time = on;
	return 0;
}
early_param("printk.time", printk_time_setup);
