/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A line reader over a buffer that need not be NUL-terminated (files,
 * stdin, fuzzer input): each line is copied into a bounded NUL-terminated
 * buffer with its number, so parsers can use string functions and name
 * "source:line" in errors.
 */
#ifndef _TOOLS_BOOTMM_LINES_H
#define _TOOLS_BOOTMM_LINES_H

#include <stddef.h>
#include <stdbool.h>

#define FW_LINE_MAX	1024

/*
 * @log: read a kernel log, not a table: a line longer than FW_LINE_MAX - 1
 * is cut there (a long command line or a journal record must not stop the
 * parse) and NUL bytes are dropped (syslog files pad with NULs after a
 * crash, and the next record follows on the same line); @cut counts the
 * lines that needed either.
 */
struct fw_line {
	const char	*source;
	const char	*pos, *end;
	unsigned int	nr;
	bool		log;
	unsigned int	cut;
	char		text[FW_LINE_MAX];
};

void fw_lines_init(struct fw_line *l, const char *source, const char *buf, size_t len);
int fw_lines_next(struct fw_line *l, bool strip_comment, char *err, size_t errlen);

#endif /* _TOOLS_BOOTMM_LINES_H */
