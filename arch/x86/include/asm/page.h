/* SPDX-License-Identifier: GPL-2.0 */
/*
 * i386 kernel memory layout: 4 KiB pages, the kernel's direct map of
 * lowmem at PAGE_OFFSET 0xC0000000 (VMSPLIT_3G), so __va/__pa are a fixed
 * offset.  The host build shadows this file (arch/host/include/asm/page.h).
 */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#include <asm/page_types.h>

#define __PAGE_OFFSET		0xC0000000UL
#define PAGE_OFFSET		__PAGE_OFFSET

#define __pa(x)			((unsigned long)(x) - PAGE_OFFSET)
#define __va(x)			((void *)((unsigned long)(x) + PAGE_OFFSET))
#define __pa_symbol(x)		__pa(x)

#endif /* _ASM_X86_PAGE_H */
