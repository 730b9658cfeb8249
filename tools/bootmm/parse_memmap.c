// SPDX-License-Identifier: GPL-2.0
/*
 * --memmap DIR: the firmware map as Linux exports it under
 * /sys/firmware/memmap (drivers/firmware/memmap.c): one directory per
 * entry, named by its firmware index, holding "start" and "end" (hex,
 * END inclusive) and "type" ("System RAM", "Reserved", "ACPI Tables", ...).
 * This is the map before the kernel sanitised it, so
 * `bootmm --memmap /sys/firmware/memmap` replays the user's own boot.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fwmap.h"

/* sysfs prints "%#llx\n": 0x, at most 16 hex digits, then only blanks. */
static int memmap_number(const char *s, u64 *v)
{
	unsigned int n = 0;

	s += strspn(s, " \t");
	if (strncmp(s, "0x", 2))
		return -1;
	for (s += 2, *v = 0; isxdigit((unsigned char)*s); s++, n++) {
		unsigned int c = tolower((unsigned char)*s);

		if (n == 16)
			return -1;
		*v = *v << 4 | (c <= '9' ? c - '0' : c - 'a' + 10);
	}
	return n && !s[strspn(s, " \t\r\n")] ? 0 : -1;
}

/**
 * fwmap_parse_memmap_entry() - add the entry a memmap directory describes
 * @map: appended to (@map->source is the DIR, for messages)
 * @index: the directory's number (its firmware position)
 * @start: contents of DIR/@index/start, @end: of end, @type: of type
 * @err: "DIR/N/file: why" on failure, @errlen its size
 *
 * Return: 0, or -1 with @err set.
 */
int fwmap_parse_memmap_entry(struct fw_map *map, unsigned int index,
			     const char *start, const char *end, const char *type,
			     char *err, size_t errlen)
{
	u64 s, e;
	u32 t;

	if (memmap_number(start, &s)) {
		snprintf(err, errlen, "%s/%u/start: not a hex address: \"%.40s\"", map->source,
			 index, start);
		return -1;
	}
	if (memmap_number(end, &e)) {
		snprintf(err, errlen, "%s/%u/end: not a hex address: \"%.40s\"", map->source,
			 index, end);
		return -1;
	}
	if (e < s || e - s == UINT64_MAX) {
		snprintf(err, errlen, "%s/%u/end: %#llx is below start %#llx (end is inclusive)",
			 map->source, index, (unsigned long long)e, (unsigned long long)s);
		return -1;
	}
	if (fwmap_parse_type(type, &t)) {
		snprintf(err, errlen, "%s/%u/type: unknown type \"%.40s\"", map->source, index,
			 type);
		return -1;
	}
	if (fwmap_add(map, s, e - s + 1, t, index)) {
		snprintf(err, errlen, "%s/%u: out of memory", map->source, index);
		return -1;
	}
	if (strstr(type, "Unknown E820 type") && !map->nr_unnamed++)
		map->first_unnamed = index;
	return 0;
}

static int read_small(const char *dir, unsigned int index, const char *name, char *buf,
		      size_t size, char *err, size_t errlen)
{
	char path[4096];
	size_t n;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%u/%s", dir, index, name);
	f = fopen(path, "r");
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	n = fread(buf, 1, size - 1, f);
	fclose(f);
	buf[n] = '\0';
	if (strlen(buf) != n) {
		snprintf(err, errlen, "%s: NUL byte in a sysfs attribute", path);
		return -1;
	}
	return 0;
}

static int cmp_uint(const void *a, const void *b)
{
	unsigned int x = *(const unsigned int *)a, y = *(const unsigned int *)b;

	return (x > y) - (x < y);
}

/**
 * fwmap_read_memmap_dir() - read every numbered entry under @dir
 * @map: appended to, in index order
 * @dir: e.g. "/sys/firmware/memmap"
 * @err: the failing path and why, @errlen its size
 *
 * Names that are not plain numbers are ignored.
 *
 * Return: 0, or -1 (unreadable, malformed, or no entries at all).
 */
int fwmap_read_memmap_dir(struct fw_map *map, const char *dir, char *err, size_t errlen)
{
	unsigned int *idx = NULL, n = 0, cap = 0, i;
	struct dirent *d;
	DIR *dp = opendir(dir);
	int ret = 0;

	if (!dp) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return -1;
	}
	while ((d = readdir(dp))) {
		char *end;
		unsigned long v;

		if (!isdigit((unsigned char)d->d_name[0]))
			continue;
		errno = 0;
		v = strtoul(d->d_name, &end, 10);
		if (*end || errno || v > 1000000)
			continue;
		if (n == cap) {
			unsigned int *ni = realloc(idx, (cap = cap ? cap * 2 : 64) * sizeof(*idx));

			if (!ni) {
				snprintf(err, errlen, "%s: out of memory", dir);
				ret = -1;
				break;
			}
			idx = ni;
		}
		idx[n++] = v;
	}
	closedir(dp);
	if (!ret && !n) {
		snprintf(err, errlen, "%s: no numbered entries (expected N/start, N/end, N/type)", dir);
		ret = -1;
	}
	if (!ret)
		qsort(idx, n, sizeof(*idx), cmp_uint);
	for (i = 0; !ret && i < n; i++) {
		char s[128], e[128], t[128];

		if (read_small(dir, idx[i], "start", s, sizeof(s), err, errlen) ||
		    read_small(dir, idx[i], "end", e, sizeof(e), err, errlen) ||
		    read_small(dir, idx[i], "type", t, sizeof(t), err, errlen) ||
		    fwmap_parse_memmap_entry(map, idx[i], s, e, t, err, errlen))
			ret = -1;
	}
	free(idx);
	return ret;
}
