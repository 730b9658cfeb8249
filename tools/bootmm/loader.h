/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The simulated machine's firmware, boot loader and head_32.S (loader.c):
 * everything the kernel finds in memory when start_kernel() begins.
 */
#ifndef _TOOLS_BOOTMM_LOADER_H
#define _TOOLS_BOOTMM_LOADER_H

#include <stddef.h>
#include <linux/types.h>
#include "fwmap.h"

int loader_fill(const struct fw_map *map, const char *cmdline, char *err, size_t errlen);
void loader_head_32(void);
u64 loader_head_32_end(u64 image_end);

#endif /* _TOOLS_BOOTMM_LOADER_H */
