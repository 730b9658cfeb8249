/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The i386 kernel's virtual address map (VMSPLIT_3G, 2-level paging),
 * top down, as Linux's asm/pgtable_32_areas.h computes it:
 *
 *   FIXADDR_TOP 0xfffff000  fixmap slots (kmap_atomic), FIX_* below
 *   PKMAP_BASE              LAST_PKMAP pages for kmap(), 4 MiB aligned
 *   VMALLOC_END             PKMAP_BASE - 2 pages (guard)
 *   VMALLOC_START           high_memory + 8 MiB gap
 *   PAGE_OFFSET 0xc0000000  lowmem direct map, at most MAXMEM bytes
 *
 * MAXMEM = VMALLOC_END - PAGE_OFFSET - 128 MiB (the vmalloc reserve), so
 * lowmem ends where the reserve for vmalloc begins.  bootmm's fixmap holds
 * only the kmap_atomic slots, so PKMAP_BASE is 0xff800000 and MAXMEM is
 * 0x377fe000 (887 MiB); Linux 6.1 also places the cpu_entry_area and APIC
 * slots there and gets 0x36bfe000 (875 MiB); the seeds' 2.6 kernels had
 * MAXMEM = 1 GiB - 128 MiB = 896 MiB.  Used by the host's i386 profile
 * too, so everything here is a constant, not derived from PAGE_OFFSET.
 */
#ifndef _ASM_X86_PGTABLE_32_AREAS_H
#define _ASM_X86_PGTABLE_32_AREAS_H

#define I386_PAGE_OFFSET	0xC0000000UL
#define I386_PAGE_SIZE		4096UL
#define I386_PGDIR_SHIFT	22			/* 4 MiB per PDE */
#define I386_PTRS_PER_PTE	1024
#define I386_PTRS_PER_PGD	1024
#define I386_PMD_MASK		(~((1UL << I386_PGDIR_SHIFT) - 1) & 0xffffffffUL)

#define KM_MAX_IDX		16			/* kmap_atomic nesting depth */
#define NR_CPUS_I386		1

enum fixed_addresses {
	FIX_HOLE,
	FIX_KMAP_BEGIN,
	FIX_KMAP_END = FIX_KMAP_BEGIN + KM_MAX_IDX * NR_CPUS_I386 - 1,
	__end_of_fixed_addresses
};

#define FIXADDR_TOP		0xfffff000UL
#define FIXADDR_SIZE		((unsigned long)__end_of_fixed_addresses * I386_PAGE_SIZE)
#define FIXADDR_START		(FIXADDR_TOP - FIXADDR_SIZE)
#define __fix_to_virt(x)	(FIXADDR_TOP - ((unsigned long)(x) * I386_PAGE_SIZE))

#define LAST_PKMAP		1024
#define LAST_PKMAP_MASK		(LAST_PKMAP - 1)
#define PKMAP_BASE		((FIXADDR_START - I386_PAGE_SIZE * (LAST_PKMAP + 1)) & I386_PMD_MASK)
#define PKMAP_ADDR(nr)		(PKMAP_BASE + ((unsigned long)(nr) * I386_PAGE_SIZE))

#define VMALLOC_OFFSET		(8UL << 20)
#define VMALLOC_END		(PKMAP_BASE - 2 * I386_PAGE_SIZE)
#define __VMALLOC_RESERVE	(128UL << 20)
#define MAXMEM			(VMALLOC_END - I386_PAGE_OFFSET - __VMALLOC_RESERVE)
#define MAXMEM_PFN		(MAXMEM >> 12)
#define MAX_NONPAE_PFN		(1UL << 20)		/* 4 GiB: 32-bit PTEs */

/* Page table entry bits (non-PAE) */
#define _PAGE_PRESENT		0x001
#define _PAGE_RW		0x002
#define _PAGE_USER		0x004
#define _PAGE_ACCESSED		0x020
#define _PAGE_DIRTY		0x040
#define _PAGE_PSE		0x080
#define _PAGE_GLOBAL		0x100
#define _KERNPG_TABLE		(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define __PAGE_KERNEL		(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_GLOBAL)
#define __PAGE_KERNEL_RO	(__PAGE_KERNEL & ~_PAGE_RW)
#define __PAGE_KERNEL_LARGE	(__PAGE_KERNEL | _PAGE_PSE)

#endif /* _ASM_X86_PGTABLE_32_AREAS_H */
