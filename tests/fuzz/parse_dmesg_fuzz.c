// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for bootmm's kernel log parser
 * (tools/bootmm/parse_dmesg.c).  Any bytes: no crash or overread (ASan);
 * success means at least one entry, none wrapping past 2^64, lines in
 * increasing order; failure means an error naming "fuzz.log".
 */
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "../../tools/bootmm/fwmap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[FWMAP_ERR_MAX] = "";
	struct fw_map map;
	size_t i;

	fwmap_init(&map, "fuzz.log");
	if (fwmap_parse_dmesg(&map, (const char *)data, size, err, sizeof(err)) == 0) {
		if (!map.nr)
			abort();
		for (i = 0; i < map.nr; i++) {
			const struct fw_entry *e = &map.entries[i];

			if ((e->size && e->addr + e->size - 1 < e->addr) ||
			    (i && e->line <= map.entries[i - 1].line))
				abort();
		}
	} else if (strncmp(err, "fuzz.log", 8)) {
		abort();
	}
	fwmap_free(&map);
	return 0;
}
