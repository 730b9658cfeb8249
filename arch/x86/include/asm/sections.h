/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel image section boundaries, defined by the linker script (Linux's
 * asm-generic/sections.h names).  mem_init_print_info() measures the
 * "Memory:" line's code/rwdata/rodata/init/bss sizes from them; the host
 * build shadows this file with variables the simulator sets.
 */
#ifndef _ASM_X86_SECTIONS_H
#define _ASM_X86_SECTIONS_H

extern char _text[], _stext[], _etext[];
extern char _sdata[], _edata[];
extern char __start_rodata[], __end_rodata[];
extern char __init_begin[], __init_end[];
extern char _sinittext[], _einittext[];
extern char __bss_start[], __bss_stop[];
extern char _end[];

#endif /* _ASM_X86_SECTIONS_H */
