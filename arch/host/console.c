// SPDX-License-Identifier: GPL-2.0
/*
 * The host console: printk's bytes go to stdout, or into a test's buffer
 * so it can compare a log byte for byte, or nowhere.
 */
#include <stdio.h>
#include <string.h>
#include <asm/host.h>
#include <linux/printk.h>

static char *capture_buf;
static size_t capture_size, capture_len;
static bool quiet;

void host_console_capture(char *buf, size_t size)
{
	capture_buf = buf;
	capture_size = size;
	capture_len = 0;
	if (buf && size)
		buf[0] = '\0';
}

size_t host_console_captured(void)
{
	return capture_len;
}

void host_console_quiet(bool q)
{
	quiet = q;
}

void arch_console_write(const char *s, size_t n)
{
	if (capture_buf) {
		if (capture_len + 1 < capture_size) {
			size_t room = capture_size - 1 - capture_len;
			size_t k = n < room ? n : room;

			memcpy(capture_buf + capture_len, s, k);
			capture_buf[capture_len + k] = '\0';
		}
		capture_len += n;
		return;
	}
	if (!quiet)
		fwrite(s, 1, n, stdout);
}
