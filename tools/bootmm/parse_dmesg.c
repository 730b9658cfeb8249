// SPDX-License-Identifier: GPL-2.0
/*
 * --dmesg FILE: the firmware map out of a kernel log.  Two line shapes,
 * anywhere in a line (after "[    0.000000] ", a syslog prefix, ...):
 *
 *   BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable     (3.x .. 6.x, END inclusive)
 *    BIOS-e820: 0000000000000000 - 000000000009fc00 (usable)          (2.6, END exclusive)
 *
 * and the same with "BIOS-e801:" / "BIOS-88:" when the kernel had to fake
 * the map from the older calls.  Every other line is ignored.  A second
 * "BIOS-provided physical RAM map:" (a log holding two boots) ends the
 * map.  Lines of any length and stray NUL bytes are taken as a log has
 * them (see struct fw_line).  "Linux version ... amd64|x86_64", or a
 * "max_arch_pfn" above the 36 bits of i386 PAE, marks a 64-bit kernel.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "fwmap.h"
#include "lines.h"

static const char *const labels[] = { "BIOS-e820:", "BIOS-e801:", "BIOS-88:" };

/* Hex digits with an optional 0x, at most 16: the kernel prints u64s. */
static const char *hex_u64(const char *p, u64 *v)
{
	unsigned int n = 0;

	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		p += 2;
	for (*v = 0; isxdigit((unsigned char)*p); p++, n++) {
		unsigned int c = tolower((unsigned char)*p);

		if (n == 16)
			return NULL;
		*v = *v << 4 | (c <= '9' ? c - '0' : c - 'a' + 10);
	}
	return n ? p : NULL;
}

/* A log cut short (head -c, a copy from a terminal) ends mid-line: say so. */
static int bad(const struct fw_line *l, char *err, size_t errlen, const char *why)
{
	bool cut_short = l->pos == l->end && l->end[-1] != '\n';

	snprintf(err, errlen, "%s:%u: malformed firmware map line: %s%s", l->source, l->nr, why,
		 cut_short ? " (the log ends in the middle of this line: truncated?)" : "");
	return -1;
}

static int parse_entry(struct fw_map *map, const struct fw_line *l, const char *label,
		       const char *p, char *err, size_t errlen)
{
	bool legacy;
	u64 start, end, size;
	u32 type;

	while (*p == ' ')
		p++;
	legacy = strncmp(p, "[mem ", 5) != 0;
	if (!legacy)
		p += 5;
	p = hex_u64(p, &start);
	if (!p)
		return bad(l, err, errlen, "no start address (or more than 16 hex digits)");
	if (legacy) {
		if (strncmp(p, " - ", 3))
			return bad(l, err, errlen, "expected \" - \" after the start address");
		p += 3;
	} else if (*p++ != '-') {
		return bad(l, err, errlen, "expected '-' after the start address");
	}
	p = hex_u64(p, &end);
	if (!p)
		return bad(l, err, errlen, "no end address (or more than 16 hex digits)");
	if (!legacy && *p++ != ']')
		return bad(l, err, errlen, "expected ']' after the end address");
	if (*p != ' ')
		return bad(l, err, errlen, "no type after the range");
	if (legacy) {
		if (end < start)
			return bad(l, err, errlen, "end below start");
		size = end - start;
	} else {
		if (end < start)
			return bad(l, err, errlen, "end below start");
		size = end - start + 1;	/* 0 only for the whole 2^64 space */
		if (!size)
			return bad(l, err, errlen, "range covers all 2^64 bytes");
	}
	if (fwmap_parse_type(p, &type))
		return bad(l, err, errlen, "unknown type");
	if (map->nr == 0) {
		snprintf(map->who, sizeof(map->who), "%.*s", (int)strlen(label) - 1, label);
		map->legacy_format = legacy;
	}
	if (fwmap_add(map, start, size, type, l->nr)) {
		snprintf(err, errlen, "%s:%u: out of memory", l->source, l->nr);
		return -1;
	}
	return 0;
}

/**
 * fwmap_parse_dmesg() - collect the BIOS-e820 lines of a kernel log
 * @map: appended to; @map->who and @map->legacy_format follow the first line
 * @buf: the log, @len bytes
 * @err: "source:line: why" on failure, @errlen its size
 *
 * Return: 0, or -1 for a malformed map line or a log with no map at all.
 */
int fwmap_parse_dmesg(struct fw_map *map, const char *buf, size_t len,
		      char *err, size_t errlen)
{
	unsigned int headers = 0;
	struct fw_line l;
	int ret;

	fw_lines_init(&l, map->source, buf, len);
	l.log = true;
	while ((ret = fw_lines_next(&l, false, err, errlen)) > 0) {
		const char *hit = NULL, *arch_pfn;
		size_t i;
		u64 v;

		if (strstr(l.text, "BIOS-provided physical RAM map:") && ++headers > 1)
			break;
		if (strstr(l.text, "Linux version ") &&
		    (strstr(l.text, "amd64") || strstr(l.text, "x86_64")))
			map->x86_64_hint = true;
		/* i386 says 0x100000 (PAE 0x1000000); x86_64 0x400000000 (LA57: more) */
		arch_pfn = strstr(l.text, "max_arch_pfn = ");
		if (arch_pfn && hex_u64(arch_pfn + 15, &v) && v > 0x1000000)
			map->x86_64_hint = true;
		for (i = 0; i < sizeof(labels) / sizeof(labels[0]) && !hit; i++) {
			hit = strstr(l.text, labels[i]);
			if (hit && parse_entry(map, &l, labels[i], hit + strlen(labels[i]),
					       err, errlen))
				return -1;
		}
	}
	if (ret < 0)
		return -1;
	if (!map->nr) {
		snprintf(err, errlen, "%s: no \"BIOS-e820:\" lines (%s)", map->source,
			 l.cut * 2 > l.nr ? "a binary file, not a kernel log?" :
			 "is this a kernel log from boot? The map is in its first lines; if dmesg has wrapped, try journalctl -k -b");
		return -1;
	}
	return 0;
}
