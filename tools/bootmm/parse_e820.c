// SPDX-License-Identifier: GPL-2.0
/*
 * --e820 FILE: a plain table a person writes by hand.  One entry a line,
 *
 *   START END TYPE        [START, END): END is exclusive
 *   START +SIZE TYPE      SIZE bytes from START
 *   alt_mem_k KIB         the E801 figure (KiB above 1 MiB)
 *   ext_mem_k KIB         the 88h figure
 *
 * numbers in hex (0x...) or decimal with an optional K/M/G/T/P suffix,
 * TYPE a number or a name ("usable", "reserved", "ACPI NVS", ...), '#'
 * to the end of the line a comment.  Entries stay in file order: the
 * kernel's sanitiser, not the parser, sorts and merges them.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "fwmap.h"
#include "lines.h"

static int field_u64(const char **p, u64 *v, const char *what, const struct fw_line *l,
		     char *err, size_t errlen)
{
	int ret = fwmap_parse_u64(*p, p, v);

	if (ret == -ERANGE)
		snprintf(err, errlen, "%s:%u: %s does not fit in 64 bits", l->source, l->nr, what);
	else if (ret)
		snprintf(err, errlen, "%s:%u: expected %s, got \"%.40s\"%s", l->source, l->nr,
			 what, *p, **p == '-' || **p == '[' ?
			 " (write START END, END exclusive, or START +SIZE; dmesg lines keep their \"BIOS-e820:\" label)" :
			 "");
	return ret;
}

static int parse_line(struct fw_map *map, const struct fw_line *l, char *err, size_t errlen)
{
	const char *p = l->text;
	u64 start, end, v;
	bool plus;
	u32 type;

	while (isspace((unsigned char)*p))
		p++;
	if (!*p)
		return 0;
	if (!strncmp(p, "alt_mem_k", 9) || !strncmp(p, "ext_mem_k", 9)) {
		bool alt = p[0] == 'a';

		p += 9;
		if (field_u64(&p, &v, "a size in KiB", l, err, errlen))
			return -1;
		if (v > UINT32_MAX || (!alt && v > 0xffff)) {
			snprintf(err, errlen, "%s:%u: %s %llu is too large for its zero-page field",
				 l->source, l->nr, alt ? "alt_mem_k" : "ext_mem_k",
				 (unsigned long long)v);
			return -1;
		}
		if (alt)
			map->alt_mem_k = v;
		else
			map->ext_mem_k = v;
		return 0;
	}
	if (field_u64(&p, &start, "a start address", l, err, errlen))
		return -1;
	while (*p == ' ' || *p == '\t')
		p++;
	plus = *p == '+';
	if (plus)
		p++;
	if (field_u64(&p, &end, plus ? "a size" : "an end address", l, err, errlen))
		return -1;
	if (plus) {
		if (end && start + end - 1 < start) {
			snprintf(err, errlen, "%s:%u: %#llx +%#llx runs past the 64-bit address space",
				 l->source, l->nr, (unsigned long long)start,
				 (unsigned long long)end);
			return -1;
		}
		end += start;	/* may be 2^64 == 0: the size is kept below */
	} else if (end < start) {
		snprintf(err, errlen, "%s:%u: end %#llx is below start %#llx (END is exclusive; use +SIZE for a size)",
			 l->source, l->nr, (unsigned long long)end, (unsigned long long)start);
		return -1;
	}
	if (!isspace((unsigned char)*p)) {
		snprintf(err, errlen, "%s:%u: missing type after the range", l->source, l->nr);
		return -1;
	}
	if (fwmap_parse_type(p, &type)) {
		snprintf(err, errlen, "%s:%u: unknown type \"%.40s\" (a number or usable, reserved, ACPI data, ACPI NVS, unusable, pmem, pram, soft reserved)",
			 l->source, l->nr, p + strspn(p, " \t"));
		return -1;
	}
	if (fwmap_add(map, start, end - start, type, l->nr)) {
		snprintf(err, errlen, "%s:%u: out of memory", l->source, l->nr);
		return -1;
	}
	return 0;
}

/**
 * fwmap_parse_e820() - parse a plain e820 table (see the top of this file)
 * @map: appended to
 * @buf: the text, @len bytes
 * @err: "source:line: why" on failure
 * @errlen: its size
 *
 * Return: 0, or -1 at the first malformed line.
 */
int fwmap_parse_e820(struct fw_map *map, const char *buf, size_t len,
		     char *err, size_t errlen)
{
	struct fw_line l;
	int ret;

	fw_lines_init(&l, map->source, buf, len);
	while ((ret = fw_lines_next(&l, true, err, errlen)) > 0)
		if (parse_line(map, &l, err, errlen))
			return -1;
	return ret;
}
