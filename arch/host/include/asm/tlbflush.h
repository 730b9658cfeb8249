/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host stand-ins for the paging hardware hooks: the page tables are
 * written to simulated RAM as on the kernel, but loading CR3 or flushing
 * the TLB only records the request (arch/host/tlbflush.c), so tests can
 * check that paging_init() switched tables and flushed.
 */
#ifndef _ASM_HOST_TLBFLUSH_H
#define _ASM_HOST_TLBFLUSH_H

#include <linux/types.h>

#define X86_CR4_PSE		0x00000010
#define X86_CR4_PGE		0x00000080

extern unsigned long host_cr3, host_cr4;
extern unsigned long host_tlb_flush_all_count, host_tlb_flush_one_count;
extern bool host_cpu_pse, host_cpu_pge;

static inline void cr4_set_bits(unsigned long mask) { host_cr4 |= mask; }
static inline void load_cr3(unsigned long pgd_phys) { host_cr3 = pgd_phys; }
static inline void __flush_tlb_all(void) { host_tlb_flush_all_count++; }
static inline void flush_tlb_one_kernel(unsigned long addr) { host_tlb_flush_one_count++; }
static inline bool boot_cpu_has_pse(void) { return host_cpu_pse; }
static inline bool boot_cpu_has_pge(void) { return host_cpu_pge; }

#endif /* _ASM_HOST_TLBFLUSH_H */
