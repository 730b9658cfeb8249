// SPDX-License-Identifier: GPL-2.0
/*
 * i386_start_kernel(): the C entry after head_32.S, and what happens when
 * start_kernel() has run everything bootmm has: a summary line and a QEMU
 * exit with the success status (on real hardware: halt).
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <asm/setup.h>
#include <asm/qemu_exit.h>

void __init i386_start_kernel(void);

void __init i386_start_kernel(void)
{
	start_kernel();
	pr_info("bootmm: boot complete: max_pfn %#lx, max_low_pfn %#lx; exiting (status %#x)\n",
		max_pfn, max_low_pfn, QEMU_EXIT_PASS);
	qemu_exit(QEMU_EXIT_PASS);
}
