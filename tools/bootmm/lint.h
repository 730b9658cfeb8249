/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The firmware-map lint: what is odd about a map as the firmware gave it,
 * and what Linux does about each oddity.
 */
#ifndef _TOOLS_BOOTMM_LINT_H
#define _TOOLS_BOOTMM_LINT_H

#include <stdio.h>
#include "fwmap.h"

enum lint_kind {
	LINT_ZERO_LENGTH,
	LINT_UNSORTED,
	LINT_OVERLAP,
	LINT_UNALIGNED_RAM,
	LINT_RAM_IN_BIOS_HOLE,
	LINT_UNKNOWN_TYPE,
	LINT_TOO_FEW,
	LINT_TOO_MANY,
	LINT_E801,
	LINT_NO_RAM,
	LINT_NO_LOW_RAM,
	LINT_NR_KINDS,
};

/**
 * struct lint_finding - one oddity
 * @kind: what
 * @line: input line (or sysfs index) of the entry concerned, 0 for the map
 * @line2: the other entry of an overlap, else 0
 * @start, @end: the bytes concerned, [start, end)
 * @what: one sentence about the map
 * @behaviour: what Linux does about it (function names as in Linux)
 * @note: a quirk Linux absorbs without losing or misplacing anything (RAM
 *        ending mid-page at the EBDA, as on nearly every PC; more than 128
 *        entries that still fit the kernel's table; a type sysfs cannot
 *        name): shown, but not counted as a finding
 */
struct lint_finding {
	enum lint_kind	kind;
	bool		note;
	unsigned int	line, line2;
	u64		start, end;
	char		what[200];
	const char	*behaviour;
};

struct lint_report {
	struct lint_finding	*items;
	size_t			nr, cap;
	size_t			per_kind[LINT_NR_KINDS];	/* found, incl. not stored */
	size_t			notes;				/* of which notes */
};

/* At most this many findings of one kind are stored; per_kind counts all. */
#define LINT_MAX_PER_KIND	16

int lint_map(const struct fw_map *map, struct lint_report *r);
void lint_free(struct lint_report *r);
void lint_print(FILE *f, const struct fw_map *map, const struct lint_report *r);
const char *lint_kind_name(enum lint_kind kind);

#endif /* _TOOLS_BOOTMM_LINT_H */
