/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The paging hardware hooks arch/x86/mm uses: CR3 load, TLB flushes, and
 * the CPU features that decide how lowmem is mapped (PSE 4 MiB pages,
 * PGE global pages).  The host build shadows this file with no-ops that
 * record what the kernel would have done (arch/host/include/asm/tlbflush.h).
 */
#ifndef _ASM_X86_TLBFLUSH_H
#define _ASM_X86_TLBFLUSH_H

#include <linux/types.h>

#define X86_CR4_PSE		0x00000010
#define X86_CR4_PGE		0x00000080
#define X86_CR0_WP		0x00010000

static inline unsigned long read_cr4(void)
{
	unsigned long v;

	asm volatile("mov %%cr4, %0" : "=r" (v));
	return v;
}

static inline void write_cr4(unsigned long v)
{
	asm volatile("mov %0, %%cr4" : : "r" (v) : "memory");
}

static inline void cr4_set_bits(unsigned long mask)
{
	write_cr4(read_cr4() | mask);
}

/** load_cr3() - switch to the page directory at physical @pgd_phys. */
static inline void load_cr3(unsigned long pgd_phys)
{
	asm volatile("mov %0, %%cr3" : : "r" (pgd_phys) : "memory");
}

/** __flush_tlb_all() - flush every TLB entry, global ones included. */
static inline void __flush_tlb_all(void)
{
	unsigned long cr4 = read_cr4();

	if (cr4 & X86_CR4_PGE) {
		write_cr4(cr4 & ~X86_CR4_PGE);
		write_cr4(cr4);
	} else {
		unsigned long cr3;

		asm volatile("mov %%cr3, %0; mov %0, %%cr3" : "=r" (cr3) : : "memory");
	}
}

/** flush_tlb_one_kernel() - drop the TLB entry for @addr. */
static inline void flush_tlb_one_kernel(unsigned long addr)
{
	asm volatile("invlpg (%0)" : : "r" (addr) : "memory");
}

/* CPUID leaf 1 EDX: bit 3 PSE, bit 13 PGE */
static inline u32 cpuid_1_edx(void)
{
	u32 a = 1, b, c = 0, d;

	asm volatile("cpuid" : "+a" (a), "=b" (b), "+c" (c), "=d" (d));
	return d;
}

static inline bool boot_cpu_has_pse(void)
{
	return cpuid_1_edx() & (1U << 3);
}

static inline bool boot_cpu_has_pge(void)
{
	return cpuid_1_edx() & (1U << 13);
}

#endif /* _ASM_X86_TLBFLUSH_H */
