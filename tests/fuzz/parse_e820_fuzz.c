// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for bootmm's plain e820 table parser
 * (tools/bootmm/parse_e820.c).  Any bytes: the parser must not crash or
 * read past the buffer (ASan), and either succeed with entries that do
 * not wrap past 2^64, each from a real line of the input, or fail with
 * an error that names "fuzz.e820:LINE: ...".
 */
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "../../tools/bootmm/fwmap.h"

static unsigned int count_lines(const uint8_t *data, size_t size)
{
	unsigned int n = size && data[size - 1] != '\n';

	while (size--)
		n += *data++ == '\n';
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[FWMAP_ERR_MAX] = "";
	struct fw_map map;
	size_t i;

	fwmap_init(&map, "fuzz.e820");
	if (fwmap_parse_e820(&map, (const char *)data, size, err, sizeof(err)) == 0) {
		unsigned int lines = count_lines(data, size);

		for (i = 0; i < map.nr; i++) {
			const struct fw_entry *e = &map.entries[i];

			if ((e->size && e->addr + e->size - 1 < e->addr) ||
			    e->line < 1 || e->line > lines || (i && e->line <= map.entries[i - 1].line))
				abort();
		}
	} else if (strncmp(err, "fuzz.e820:", 10)) {
		abort();
	}
	fwmap_free(&map);
	return 0;
}
