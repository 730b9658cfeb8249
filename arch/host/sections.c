// SPDX-License-Identifier: GPL-2.0
/*
 * The host's stand-in for the linker's section symbols (asm/sections.h):
 * a pretend kernel image laid out in simulated RAM, so the "Memory:" line
 * and the kernel reservation work the same as on the i386 kernel.
 */
#include <linux/kernel.h>
#include <linux/pfn.h>
#include <asm/page.h>
#include <asm/sections.h>

char *_text, *_stext, *_etext;
char *_sdata, *_edata;
char *__start_rodata, *__end_rodata;
char *__init_begin, *__init_end;
char *_sinittext, *_einittext;
char *__bss_start, *__bss_stop;
char *_end;

void host_kernel_image_setup(phys_addr_t phys, unsigned long text,
			     unsigned long rodata, unsigned long data,
			     unsigned long init, unsigned long bss)
{
	char *p = __va(phys);

	_text = _stext = p;
	_etext = p += text;
	p = PTR_ALIGN(p, PAGE_SIZE);
	__start_rodata = p;
	__end_rodata = p += rodata;
	p = PTR_ALIGN(p, PAGE_SIZE);
	_sdata = p;
	_edata = p += data;
	p = PTR_ALIGN(p, PAGE_SIZE);
	__init_begin = _sinittext = p;
	_einittext = p + init / 2;
	__init_end = p += init;
	p = PTR_ALIGN(p, PAGE_SIZE);
	__bss_start = p;
	__bss_stop = p += bss;
	_end = PTR_ALIGN(p, PAGE_SIZE);
}
