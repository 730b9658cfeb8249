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
#include "kimage.h"

enum bootmm_arch {
	BOOTMM_I386,	/* DMA / Normal / HighMem, 887 MiB lowmem (Linux 6.1: 875), FLATMEM, no PAE */
	BOOTMM_X86_64,	/* DMA / DMA32 / Normal, SPARSEMEM 128 MiB sections */
};

/* A copy of one memblock array, as the boot left it. */
struct memblock_snapshot {
	struct memblock_region	*regions;
	const void		*regions_live;	/* the kernel's array it was copied from */
	unsigned long		cnt;
	phys_addr_t		total_size;
};

/**
 * struct bootmm_run - inputs and results of one boot
 * @arch: which kernel to model
 * @cmdline: the kernel command line (--append), may be NULL
 * @kernel_image: a vmlinux to place exactly as linked, or NULL for an
 *		  image sized like Linux 6.1's (kimage_linux())
 * @panic_log_stderr: if the kernel panics, print its log on stderr, not
 *		      stdout (stdout carries --json or another format)
 * @image: the image as placed
 * @log: the console log, NUL-terminated (malloc'd by bootmm_boot())
 * @log_len: its length
 * @memory: memblock.memory after the boot (cnt 0 if it could not be kept)
 * @reserved: memblock.reserved after the boot, likewise
 * @arena: bytes of simulated physical address space
 * @seconds: wall time of the boot
 * @peak_rss_kb: the process's peak resident set after the boot
 * @memmap_bytes: struct page bytes the memmap takes (present sections only)
 */
struct bootmm_run {
	enum bootmm_arch		arch;
	const char			*cmdline;
	const char			*kernel_image;
	bool				panic_log_stderr;
	struct kimage			image;
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
