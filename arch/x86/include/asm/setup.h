/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the boot path hands to setup_arch(), and setup_arch() itself.
 *
 * On the kernel, head_32.S fills boot_params (the zero page, copied from
 * where the loader left it), boot_command_line, and the extent of the
 * early page tables it built after _end; on the host, the simulator
 * fills the same variables before calling start_kernel().
 */
#ifndef _ASM_X86_SETUP_H
#define _ASM_X86_SETUP_H

#include <linux/types.h>
#include <linux/init.h>
#include <asm/bootparam.h>

extern struct boot_params boot_params;
extern char boot_command_line[COMMAND_LINE_SIZE];

/* Physical extent of head_32.S's page tables ([start, end)); 0, 0 on the host. */
extern unsigned long init_pg_tables_start, init_pg_tables_end;

/* Physical address the loader put the zero page at (0: not known). */
extern unsigned long boot_params_phys;

/**
 * setup_arch() - the architecture's part of start_kernel: memory
 * @cmdline_p: set to the command line (after the boot loader's copy)
 *
 * Firmware map to e820_table, mem=/memmap=, max_pfn and max_low_pfn,
 * memblock with every early reservation, kernel page tables, and the
 * zones (paging_init).  Needs boot_params and boot_command_line.
 */
void setup_arch(char **cmdline_p);

/**
 * start_kernel() - the architecture-independent boot, a table of contents
 *
 * Returns when everything bootmm implements has run; the caller decides
 * what that means (the kernel exits QEMU with a success status).
 */
void start_kernel(void);

#endif /* _ASM_X86_SETUP_H */
