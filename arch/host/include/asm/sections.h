/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The host has no kernel image: these are pointers into simulated RAM that
 * host_kernel_image_setup() (arch/host/sections.c) lays out like a linked
 * kernel, so expressions such as `_etext - _stext` and __pa(_text) mean
 * the same as on the i386 kernel.  All NULL (sizes 0) until set.
 */
#ifndef _ASM_HOST_SECTIONS_H
#define _ASM_HOST_SECTIONS_H

#include <linux/types.h>

/*
 * Renamed: _edata, __bss_start and _end are real symbols of every host
 * executable (the linker defines them), so the host's copies need names
 * of their own.
 */
#define _text            host_image__text
#define _stext           host_image__stext
#define _etext           host_image__etext
#define _sdata           host_image__sdata
#define _edata           host_image__edata
#define __start_rodata   host_image__start_rodata
#define __end_rodata     host_image__end_rodata
#define __init_begin     host_image__init_begin
#define __init_end       host_image__init_end
#define _sinittext       host_image__sinittext
#define _einittext       host_image__einittext
#define __bss_start      host_image__bss_start
#define __bss_stop       host_image__bss_stop
#define _end             host_image__end

extern char *_text, *_stext, *_etext;
extern char *_sdata, *_edata;
extern char *__start_rodata, *__end_rodata;
extern char *__init_begin, *__init_end;
extern char *_sinittext, *_einittext;
extern char *__bss_start, *__bss_stop;
extern char *_end;

/**
 * host_kernel_image_setup() - place a pretend kernel image in simulated RAM
 * @phys: load address (Linux i386: 0x1000000, 16 MiB)
 * @text: bytes of .text, @rodata: .rodata, @data: .data,
 * @init: .init (text and data), @bss: .bss
 *
 * Sections follow each other page-aligned in Linux's link order:
 * text, rodata, data, init, bss.  Call after sim_ram_setup().
 */
void host_kernel_image_setup(phys_addr_t phys, unsigned long text,
			     unsigned long rodata, unsigned long data,
			     unsigned long init, unsigned long bss);

#endif /* _ASM_HOST_SECTIONS_H */
