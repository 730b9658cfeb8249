/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The simulated kernel image (kimage.c): sized like Linux's, or read from
 * a linked vmlinux so the simulator places it exactly as our kernel is.
 */
#ifndef _TOOLS_BOOTMM_KIMAGE_H
#define _TOOLS_BOOTMM_KIMAGE_H

#include <linux/types.h>

enum {
	KIMAGE_TEXT, KIMAGE_STEXT, KIMAGE_ETEXT, KIMAGE_START_RODATA, KIMAGE_END_RODATA,
	KIMAGE_SDATA, KIMAGE_EDATA, KIMAGE_INIT_BEGIN, KIMAGE_INIT_END, KIMAGE_SINITTEXT,
	KIMAGE_EINITTEXT, KIMAGE_BSS_START, KIMAGE_BSS_STOP, KIMAGE_END,
	KIMAGE_NR_SYMS
};

/**
 * struct kimage - where the kernel image lies in physical memory
 * @name: what it is ("Linux 6.1 686-sized", or the vmlinux path)
 * @phys: load address of _text
 * @from_elf: @sym holds every boundary; else @size gives the sections
 * @size: text, rodata, data, init, bss bytes, laid out page-aligned in
 *	  that order (host_kernel_image_setup())
 * @sym: physical address of each asm/sections.h symbol (KIMAGE_*)
 */
struct kimage {
	const char	*name;
	u64		phys;
	bool		from_elf;
	unsigned long	size[5];
	u64		sym[KIMAGE_NR_SYMS];
};

void kimage_linux(struct kimage *k, bool x86_64, u64 ram_top);
int kimage_read_elf(struct kimage *k, const char *path, char *err, size_t errlen);
u64 kimage_end(const struct kimage *k);
void kimage_place(const struct kimage *k);

#endif /* _TOOLS_BOOTMM_KIMAGE_H */
