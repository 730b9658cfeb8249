// SPDX-License-Identifier: GPL-2.0
/*
 * Line reader shared by the text parsers (see lines.h).  In a table a NUL
 * byte is refused (a binary file given by mistake gets a clear error); in
 * a log (@l->log) it is dropped and an overlong line is cut.
 */
#include <stdio.h>
#include <string.h>
#include "lines.h"

/** fw_lines_init() - start reading @len bytes of @buf, named @source. */
void fw_lines_init(struct fw_line *l, const char *source, const char *buf, size_t len)
{
	l->source = source;
	l->pos = buf;
	l->end = buf + len;
	l->nr = 0;
	l->log = false;
	l->cut = 0;
	l->text[0] = '\0';
}

/**
 * fw_lines_next() - copy the next line into @l->text
 * @l: the reader
 * @strip_comment: cut the line at the first '#'
 * @err: message on failure, @errlen its size
 *
 * A trailing '\r' is dropped (files from DOS).
 *
 * Return: 1 with a line, 0 at the end, -1 (not for a log) for a line
 * longer than FW_LINE_MAX - 1 or one holding a NUL byte.
 */
int fw_lines_next(struct fw_line *l, bool strip_comment, char *err, size_t errlen)
{
	const char *nl;
	size_t n;

	if (l->pos >= l->end)
		return 0;
	nl = memchr(l->pos, '\n', l->end - l->pos);
	n = (nl ? nl : l->end) - l->pos;
	l->nr++;
	if (l->log) {
		size_t i, k = 0;

		for (i = 0; i < n && k < FW_LINE_MAX - 1; i++)
			if (l->pos[i])
				l->text[k++] = l->pos[i];
		l->cut += k != n;
		n = k;
	} else if (memchr(l->pos, '\0', n)) {	/* first: a binary file says so */
		snprintf(err, errlen, "%s:%u: NUL byte (not a text file?)", l->source, l->nr);
		return -1;
	} else if (n >= FW_LINE_MAX) {
		snprintf(err, errlen, "%s:%u: line longer than %d bytes", l->source, l->nr,
			 FW_LINE_MAX - 1);
		return -1;
	} else {
		memcpy(l->text, l->pos, n);
	}
	l->pos = (nl ? nl + 1 : l->end);
	l->text[n] = '\0';
	if (n && l->text[n - 1] == '\r')
		l->text[n - 1] = '\0';
	if (strip_comment) {
		char *hash = strchr(l->text, '#');

		if (hash)
			*hash = '\0';
	}
	return 1;
}
