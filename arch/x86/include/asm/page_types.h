/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page size and the address-conversion helpers built on __va/__pa, shared
 * by the kernel and the host (each asm/page.h includes this first).
 * PAGE_MASK is an unsigned long: on i386 it must not be applied to a
 * phys_addr_t above 4 GiB; use PHYSICAL_PAGE_MASK there.
 */
#ifndef _ASM_X86_PAGE_TYPES_H
#define _ASM_X86_PAGE_TYPES_H

#define PAGE_SHIFT		12
#define PAGE_SIZE		(1UL << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define PHYSICAL_PAGE_MASK	(~(unsigned long long)(PAGE_SIZE - 1))

#define virt_to_phys(x)		((phys_addr_t)__pa(x))
#define phys_to_virt(x)		__va(x)

#endif /* _ASM_X86_PAGE_TYPES_H */
