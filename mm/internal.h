/* SPDX-License-Identifier: GPL-2.0 */
/* Interfaces shared by mm/ and arch/x86/mm/ only (Linux's mm/internal.h). */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <linux/mm.h>

void __free_pages_memory(unsigned long start_pfn, unsigned long end_pfn);

#endif /* _MM_INTERNAL_H */
