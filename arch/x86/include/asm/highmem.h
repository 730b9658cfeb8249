/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kmap's last step: the pointer for a pkmap/fixmap slot.  On the kernel it
 * is the slot's virtual address; the host shadows this to reach the page
 * through simulated RAM instead (the PTE is still written).
 */
#ifndef _ASM_X86_HIGHMEM_H
#define _ASM_X86_HIGHMEM_H

#include <linux/types.h>

#define kmap_slot_ptr(vaddr, phys)	((void *)(vaddr))

#endif /* _ASM_X86_HIGHMEM_H */
