/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One simulated boot: a firmware map and a command line in, the kernel's
 * own data structures (e820_table, memblock, zones, free lists, slab
 * caches) and its console log out.  The renderers (json.c, svg.c,
 * explain.c, main.c) read the structures after bootmm_boot() returns.
 */
#ifndef _TOOLS_BOOTMM_RUN_H
#define _TOOLS_BOOTMM_RUN_H

#include <linux/types.h>
#include <linux/memblock.h>
#include "fwmap.h"

enum bootmm_arch {
	BOOTMM_I386,	/* DMA / Normal / HighMem, 875 MiB lowmem, FLATMEM, no PAE */
	BOOTMM_X86_64,	/* DMA / DMA32 / Normal, SPARSEMEM 128 MiB sections */
};

/* A copy of one memblock array, taken before mm_core_init() frees memblock. */
struct memblock_snapshot {
	struct memblock_region	*regions;
	unsigned long		cnt;
	phys_addr_t		total_size;
};

/**
 * struct bootmm_run - inputs and results of one boot
 * @arch: which kernel to model
 * @cmdline: the kernel command line (--append), may be NULL
 * @log: the console log, NUL-terminated (malloc'd by bootmm_boot())
 * @log_len: its length
 * @memory: memblock.memory as setup_arch() left it
 * @reserved: memblock.reserved as setup_arch() left it
 * @arena: bytes of simulated physical address space
 * @seconds: wall time of the boot
 * @peak_rss_kb: the process's peak resident set after the boot
 * @memmap_bytes: struct page bytes the memmap takes (present sections only)
 */
struct bootmm_run {
	enum bootmm_arch		arch;
	const char			*cmdline;
	char				*log;
	size_t				log_len;
	struct memblock_snapshot	memory, reserved;
	u64				arena;
	double				seconds;
	long				peak_rss_kb;
	u64				memmap_bytes;
};

int bootmm_boot(const struct fw_map *map, struct bootmm_run *run, char *err, size_t errlen);
void bootmm_run_free(struct bootmm_run *run);
const char *bootmm_arch_name(enum bootmm_arch arch);

#endif /* _TOOLS_BOOTMM_RUN_H */
