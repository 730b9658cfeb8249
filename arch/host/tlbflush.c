// SPDX-License-Identifier: GPL-2.0
/* What the host's paging hooks (asm/tlbflush.h) record, and the CPU they model. */
#include <asm/tlbflush.h>

unsigned long host_cr3, host_cr4;
unsigned long host_tlb_flush_all_count, host_tlb_flush_one_count;
bool host_cpu_pse = true;
bool host_cpu_pge = true;
