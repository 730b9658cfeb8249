// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for bootmm's plain e820 table parser
 * (tools/bootmm/parse_e820.c).  Any bytes: the parser must not crash or
 * read past the buffer (ASan), and either succeed with entries that do
 * not wrap past 2^64, each from a real line of the input, or fail with
 * an error that names "fuzz.e820:LINE: ...".  A parsed map then goes
 * through the lint (tools/bootmm/lint.c), whose overlap count must equal
 * a brute-force count of intersecting pairs, and whose findings must
 * name real lines.
 */
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "../../tools/bootmm/lint.h"

static unsigned int count_lines(const uint8_t *data, size_t size)
{
	unsigned int n = size && data[size - 1] != '\n';

	while (size--)
		n += *data++ == '\n';
	return n;
}

/* End of [addr, addr + size) with 2^64 as UINT64_MAX, for comparisons. */
static u64 end_of(const struct fw_entry *e)
{
	return e->addr + e->size ? e->addr + e->size : UINT64_MAX;
}

static void check_lint(const struct fw_map *map, unsigned int lines)
{
	struct lint_report r = { 0 };
	size_t i, j, pairs = 0, all = 0, notes = 0;
	int n = lint_map(map, &r);

	for (i = 0; i < LINT_NR_KINDS; i++)
		all += r.per_kind[i];
	if (n < 0 || all != (size_t)n + r.notes)
		abort();
	for (i = 0; i < r.nr; i++) {
		const struct lint_finding *f = &r.items[i];

		notes += f->note;
		if (f->line > lines || f->line2 > lines ||
		    (f->note && f->kind != LINT_UNALIGNED_RAM && f->kind != LINT_UNKNOWN_TYPE &&
		     f->kind != LINT_TOO_MANY))
			abort();
	}
	if (notes > r.notes)
		abort();
	if (map->nr <= 256) {
		for (i = 0; i < map->nr; i++)
			for (j = i + 1; j < map->nr; j++) {
				const struct fw_entry *a = &map->entries[i], *b = &map->entries[j];

				pairs += a->size && b->size && a->addr < end_of(b) &&
					 b->addr < end_of(a);
			}
		if (pairs != r.per_kind[LINT_OVERLAP])
			abort();
	}
	lint_free(&r);
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
		check_lint(&map, lines);
	} else if (strncmp(err, "fuzz.e820:", 10)) {
		abort();
	}
	fwmap_free(&map);
	return 0;
}
