/* SPDX-License-Identifier: GPL-2.0 */
/* Shared by the files of arch/x86/mm only. */
#ifndef _ARCH_X86_MM_INTERNAL_H
#define _ARCH_X86_MM_INTERNAL_H

#include <linux/types.h>
#include <asm/pgtable.h>

extern u32 *swapper_pg_dir;		/* the page directory init_mem_mapping built */
extern u32 *pkmap_page_table;		/* PTEs of the kmap() window */
extern u32 *fixmap_page_table;		/* PTEs of the fixmap (top 4 MiB) */

void set_highmem_pages_init(void);
void print_vm_layout(void);

#endif /* _ARCH_X86_MM_INTERNAL_H */
