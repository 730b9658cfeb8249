/* SPDX-License-Identifier: GPL-2.0 */
/* Host: a kmap slot's pointer is the page in simulated RAM (see asm/highmem.h). */
#ifndef _ASM_HOST_HIGHMEM_H
#define _ASM_HOST_HIGHMEM_H

#include <asm/page.h>

#define kmap_slot_ptr(vaddr, phys)	__va(phys)

#endif /* _ASM_HOST_HIGHMEM_H */
