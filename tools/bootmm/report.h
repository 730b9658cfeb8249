/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The renderers: each reads the kernel's data structures after a boot
 * (e820_table, the memblock snapshot, NODE_DATA(0)'s zones and free
 * areas) and writes one output format.
 */
#ifndef _TOOLS_BOOTMM_REPORT_H
#define _TOOLS_BOOTMM_REPORT_H

#include <stdio.h>
#include <linux/mm.h>
#include "fwmap.h"
#include "lint.h"
#include "run.h"

void report_memblock(FILE *f, const struct bootmm_run *run);
void report_summary(FILE *f, const struct fw_map *map, const struct bootmm_run *run);
void report_stats(FILE *f, const struct bootmm_run *run);
void report_proc(FILE *f, void (*show)(mm_show_fn out, void *data));

void report_json(FILE *f, const struct fw_map *map, const struct lint_report *lint,
		 const struct bootmm_run *run);
int report_svg(FILE *f, const struct fw_map *map, const struct bootmm_run *run);
int report_html(FILE *f, const struct fw_map *map, const struct lint_report *lint,
		const struct bootmm_run *run);
void report_explain(FILE *f, const struct fw_map *map, const struct bootmm_run *run);

/* User text inside JSON strings and SVG/HTML (escape.c). */
void escape_json(FILE *f, const char *s);
void escape_xml(FILE *f, const char *s);

#endif /* _TOOLS_BOOTMM_REPORT_H */
