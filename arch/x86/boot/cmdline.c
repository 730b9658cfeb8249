// SPDX-License-Identifier: GPL-2.0
/*
 * Reading the kernel command line from the setup code.  The loader puts it
 * at the linear address cmd_line_ptr, outside our segment, so it is read
 * byte by byte through %fs.  Only the setup's own switches are looked up
 * here (bios_quirk=); the kernel parses the rest.
 */
#include "boot.h"

static inline int myisspace(u8 c)
{
	return c <= ' ';
}

/*
 * Walk the words of the command line; return the value after "option="
 * (copied into buf, NUL-terminated) or, for a bare "option", an empty
 * string.  Returns the value's length, or -1 if the option is absent.
 */
static int find_option(const char *option, char *buf, int bufsize, int want_bool)
{
	u32 cmdline_ptr = boot_params.hdr.cmd_line_ptr;
	u16 addr;
	int len = strlen(option);
	int found = -1;

	if (!cmdline_ptr || cmdline_ptr >= 0x100000)
		return -1;
	set_fs(cmdline_ptr >> 4);
	addr = cmdline_ptr & 0xf;

	while (addr < 0xfff0 - BOOT_CMDLINE_SIZE) {
		int i = 0, n = 0;
		u8 c;

		while ((c = rdfs8(addr)) && myisspace(c))
			addr++;
		if (!c)
			break;
		while (i < len && rdfs8(addr + i) == (u8)option[i])
			i++;
		c = rdfs8(addr + i);
		if (i == len && (c == '=' || myisspace(c) || !c)) {
			addr += i;
			if (c == '=')
				addr++;
			while ((c = rdfs8(addr)) && !myisspace(c)) {
				if (!want_bool && n < bufsize - 1)
					buf[n++] = c;
				addr++;
			}
			if (!want_bool)
				buf[n] = 0;
			found = n;	/* the last occurrence wins, as in Linux */
			continue;
		}
		while ((c = rdfs8(addr)) && !myisspace(c))
			addr++;
	}
	return found;
}

/**
 * cmdline_find_option() - the value of "option=value"
 * @option: the name
 * @buf: receives the value
 * @bufsize: size of @buf
 *
 * Return: the value's length (truncated to @bufsize - 1), or -1 if absent.
 */
int cmdline_find_option(const char *option, char *buf, int bufsize)
{
	return find_option(option, buf, bufsize, 0);
}

/**
 * cmdline_find_option_bool() - is "option" on the command line?
 * @option: the name
 *
 * Return: 1 if present (bare or with a value), 0 if not.
 */
int cmdline_find_option_bool(const char *option)
{
	return find_option(option, NULL, 0, 1) >= 0;
}
