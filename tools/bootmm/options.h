/* SPDX-License-Identifier: GPL-2.0 */
/*
 * bootmm's command line: one input, the kernel's arch and command line,
 * and any number of outputs.  Parsed apart from main() so it can be tested.
 */
#ifndef _TOOLS_BOOTMM_OPTIONS_H
#define _TOOLS_BOOTMM_OPTIONS_H

#include <stdio.h>
#include "fwmap.h"
#include "run.h"

enum bootmm_input {
	INPUT_NONE,
	INPUT_MEMMAP,
	INPUT_DMESG,
	INPUT_E820,
	INPUT_QEMU_PC,
	INPUT_QEMU_Q35,
	INPUT_AUTO,		/* a bare FILE or DIR: decided by its content */
};

enum bootmm_output {
	OUT_LOG		= 1 << 0,
	OUT_SUMMARY	= 1 << 1,
	OUT_JSON	= 1 << 2,
	OUT_ZONEINFO	= 1 << 3,
	OUT_BUDDYINFO	= 1 << 4,
	OUT_SLABINFO	= 1 << 5,
	OUT_MEMBLOCK	= 1 << 6,
	OUT_EXPLAIN	= 1 << 7,
	OUT_LINT	= 1 << 8,
	OUT_STATS	= 1 << 9,
	/* the text outputs on stdout, which --json (one JSON document) excludes */
	OUT_TEXT	= OUT_LOG | OUT_EXPLAIN | OUT_ZONEINFO | OUT_BUDDYINFO |
			  OUT_SLABINFO | OUT_MEMBLOCK,
};

struct bootmm_options {
	enum bootmm_input	input;
	const char		*input_arg;	/* path or SIZE */
	bool			arch_given;
	enum bootmm_arch	arch;
	const char		*append;
	const char		*kernel_image;	/* vmlinux to place, or NULL */
	unsigned int		outputs;
	const char		*svg_file;
	const char		*html_file;
	bool			help, version;
};

int bootmm_parse_options(struct bootmm_options *o, int argc, char **argv,
			 char *err, size_t errlen);
void bootmm_usage(FILE *f);
int bootmm_load_input(const struct bootmm_options *o, struct fw_map *map,
		      char *err, size_t errlen);

#endif /* _TOOLS_BOOTMM_OPTIONS_H */
