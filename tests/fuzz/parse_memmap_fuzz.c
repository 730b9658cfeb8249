// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for bootmm's /sys/firmware/memmap attribute parser
 * (fwmap_parse_memmap_entry() in tools/bootmm/parse_memmap.c; the
 * directory walk around it only reads files).  The input is split at
 * its first two NUL bytes into the "start", "end" and "type" file
 * contents.  No crash or overread; success gives exactly one entry
 * [start, end] with end >= start that does not wrap; failure gives an
 * error naming "fuzz/7/start", "/end" or "/type".
 */
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "../../tools/bootmm/fwmap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[FWMAP_ERR_MAX] = "", *buf, *start, *end, *type;
	struct fw_map map;

	buf = malloc(size + 3);
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = buf[size + 1] = buf[size + 2] = '\0';
	start = buf;
	end = start + strlen(start) + 1;
	if (end > buf + size)
		end = buf + size + 1;
	type = end + strlen(end) + 1;
	if (type > buf + size + 1)
		type = buf + size + 2;

	fwmap_init(&map, "fuzz");
	if (fwmap_parse_memmap_entry(&map, 7, start, end, type, err, sizeof(err)) == 0) {
		const struct fw_entry *e = &map.entries[0];

		if (map.nr != 1 || !e->size || e->addr + e->size - 1 < e->addr || e->line != 7)
			abort();
	} else if (strncmp(err, "fuzz/7/", 7)) {
		abort();
	}
	fwmap_free(&map);
	free(buf);
	return 0;
}
