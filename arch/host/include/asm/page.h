/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host memory layout: simulated physical address 0 lives at host address
 * sim_phys_base, so __va/__pa are an offset chosen at run time.  With
 * sim_ram_setup() it is the start of a sparse arena; with
 * sim_ram_identity() it is 0 and physical == host virtual, as Linux's
 * tools/testing/memblock assumes.  See asm/host.h.
 */
#ifndef _ASM_HOST_PAGE_H
#define _ASM_HOST_PAGE_H

#include <asm/page_types.h>

extern unsigned long sim_phys_base;

#define PAGE_OFFSET		sim_phys_base

#define __pa(x)			((unsigned long)(x) - sim_phys_base)
#define __va(x)			((void *)((unsigned long)(x) + sim_phys_base))
#define __pa_symbol(x)		__pa(x)

#endif /* _ASM_HOST_PAGE_H */
