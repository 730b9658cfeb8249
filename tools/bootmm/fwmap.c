// SPDX-License-Identifier: GPL-2.0
/*
 * The firmware map container and what every parser shares: numbers with
 * size suffixes, E820 type names as Linux prints them (dmesg, sysfs, the
 * 2.6 format), and reading a whole input file.  Host-only (libc).
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "fwmap.h"

/** fwmap_init() - an empty map named @source (for messages). */
void fwmap_init(struct fw_map *map, const char *source)
{
	memset(map, 0, sizeof(*map));
	snprintf(map->source, sizeof(map->source), "%s", source);
	snprintf(map->who, sizeof(map->who), "BIOS-e820");
}

/** fwmap_free() - release the entries; the map is empty afterwards. */
void fwmap_free(struct fw_map *map)
{
	free(map->entries);
	map->entries = NULL;
	map->nr = map->cap = 0;
}

/**
 * fwmap_add() - append one entry in firmware order
 * @map: the map
 * @addr: first byte
 * @size: length (0 allowed; addr + size may not wrap past 2^64)
 * @type: E820 type number
 * @line: where it came from
 *
 * Return: 0, -EOVERFLOW if the entry wraps, -ENOMEM.
 */
int fwmap_add(struct fw_map *map, u64 addr, u64 size, u32 type, unsigned int line)
{
	if (size && addr + size - 1 < addr)
		return -EOVERFLOW;
	if (map->nr == map->cap) {
		size_t cap = map->cap ? map->cap * 2 : 32;
		struct fw_entry *e = realloc(map->entries, cap * sizeof(*e));

		if (!e)
			return -ENOMEM;
		map->entries = e;
		map->cap = cap;
	}
	map->entries[map->nr++] = (struct fw_entry){ addr, size, type, line };
	return 0;
}

/**
 * fwmap_parse_u64() - read a number: 0x-hex or decimal, then an optional
 * binary size suffix K, M, G, T or P (any case)
 * @s: the text (leading blanks skipped)
 * @end: where parsing stopped (may be NULL)
 * @val: the value
 *
 * Return: 0, -EINVAL (no digits, or a suffix glued to more letters),
 * -ERANGE (does not fit in 64 bits, suffix included).
 */
int fwmap_parse_u64(const char *s, const char **end, u64 *val)
{
	unsigned int base = 10, shift = 0, digits = 0;
	u64 v = 0;

	while (*s == ' ' || *s == '\t')
		s++;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && isxdigit((unsigned char)s[2])) {
		base = 16;
		s += 2;
	}
	for (;; s++, digits++) {
		unsigned int d;

		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (base == 16 && isxdigit((unsigned char)*s))
			d = (tolower((unsigned char)*s) - 'a') + 10;
		else
			break;
		if (v > (UINT64_MAX - d) / base)
			return -ERANGE;
		v = v * base + d;
	}
	if (!digits)
		return -EINVAL;
	switch (toupper((unsigned char)*s)) {
	case 'K': shift = 10; break;
	case 'M': shift = 20; break;
	case 'G': shift = 30; break;
	case 'T': shift = 40; break;
	case 'P': shift = 50; break;
	}
	if (shift) {
		s++;
		if (isalnum((unsigned char)*s))
			return -EINVAL;
		if (v > (UINT64_MAX >> shift))
			return -ERANGE;
		v <<= shift;
	} else if (isalnum((unsigned char)*s) || *s == '_') {
		return -EINVAL;
	}
	if (end)
		*end = s;
	*val = v;
	return 0;
}

/* Every name Linux uses for a type: dmesg (6.x and 2.6), /sys/firmware/memmap. */
static const struct {
	const char *name;
	u32 type;
} type_names[] = {
	{ "usable", E820_TYPE_RAM },
	{ "ram", E820_TYPE_RAM },
	{ "System RAM", E820_TYPE_RAM },
	{ "reserved", E820_TYPE_RESERVED },
	{ "Unknown E820 type", E820_TYPE_RESERVED },
	{ "ACPI data", E820_TYPE_ACPI },
	{ "ACPI", E820_TYPE_ACPI },
	{ "ACPI Tables", E820_TYPE_ACPI },
	{ "ACPI NVS", E820_TYPE_NVS },
	{ "NVS", E820_TYPE_NVS },
	{ "ACPI Non-volatile Storage", E820_TYPE_NVS },
	{ "unusable", E820_TYPE_UNUSABLE },
	{ "Unusable memory", E820_TYPE_UNUSABLE },
	{ "persistent (type 7)", E820_TYPE_PMEM },
	{ "Persistent Memory", E820_TYPE_PMEM },
	{ "pmem", E820_TYPE_PMEM },
	{ "persistent (type 12)", E820_TYPE_PRAM },
	{ "Persistent Memory (legacy)", E820_TYPE_PRAM },
	{ "pram", E820_TYPE_PRAM },
	{ "soft reserved", E820_TYPE_SOFT_RESERVED },
	{ "Soft Reserved", E820_TYPE_SOFT_RESERVED },
};

/**
 * fwmap_parse_type() - an E820 type from its number or any name Linux prints
 * @s: "1", "0xefffffff", "usable", "(ACPI NVS)", "type 6", "System RAM", ...
 *     (surrounding blanks ignored, 2.6-style parentheses stripped)
 * @type: the type
 *
 * Return: 0, or -EINVAL for an unknown name or a number above 32 bits.
 */
int fwmap_parse_type(const char *s, u32 *type)
{
	char buf[64];
	size_t n, i;
	const char *end;
	u64 v;

	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	if (n >= 2 && s[0] == '(' && s[n - 1] == ')') {
		s++;
		n -= 2;
	}
	if (!n || n >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, s, n);
	buf[n] = '\0';

	for (i = 0; i < sizeof(type_names) / sizeof(type_names[0]); i++) {
		if (!strcasecmp(buf, type_names[i].name)) {
			*type = type_names[i].type;
			return 0;
		}
	}
	s = buf;
	if (!strncasecmp(s, "type ", 5))
		s += 5;
	if (fwmap_parse_u64(s, &end, &v) || *end || v > UINT32_MAX ||
	    !isdigit((unsigned char)*s))
		return -EINVAL;
	*type = (u32)v;
	return 0;
}

/** fwmap_type_name() - the name Linux 6.x's dmesg gives @type ("type N" → "other"). */
const char *fwmap_type_name(u32 type)
{
	switch (type) {
	case E820_TYPE_RAM:
	case E820_TYPE_RESERVED_KERN:	return "usable";
	case E820_TYPE_RESERVED:	return "reserved";
	case E820_TYPE_ACPI:		return "ACPI data";
	case E820_TYPE_NVS:		return "ACPI NVS";
	case E820_TYPE_UNUSABLE:	return "unusable";
	case E820_TYPE_PMEM:		return "persistent (type 7)";
	case E820_TYPE_PRAM:		return "persistent (type 12)";
	case E820_TYPE_SOFT_RESERVED:	return "soft reserved";
	default:			return "other";
	}
}

/**
 * fwmap_slurp() - read all of @path ("-" is stdin) into a malloc'd buffer
 *
 * The buffer gets a NUL after @len bytes.  Return: 0, or -1 with @err set.
 */
int fwmap_slurp(const char *path, char **buf, size_t *len, char *err, size_t errlen)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	size_t cap = 1 << 16, n = 0;
	struct stat st;
	char *b;

	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (!fstat(fileno(f), &st) && S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s: is a directory (a /sys/firmware/memmap copy? use --memmap)",
			 path);
		fclose(f);
		return -1;
	}
	b = malloc(cap + 1);
	while (b) {
		size_t got = fread(b + n, 1, cap - n, f);

		n += got;
		if (n < cap)
			break;
		cap *= 2;
		{
			char *nb = realloc(b, cap + 1);

			if (!nb)
				free(b);
			b = nb;
		}
	}
	if (!b || ferror(f)) {
		snprintf(err, errlen, "%s: %s", path, b ? "read error" : "out of memory");
		free(b);
		if (f != stdin)
			fclose(f);
		return -1;
	}
	if (f != stdin)
		fclose(f);
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 0;
}
