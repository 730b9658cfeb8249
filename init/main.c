// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel(): the boot as a table of contents, in Linux 6.1's order
 * for the steps bootmm has.  Everything memory-related before the page
 * allocator is setup_arch()'s; mm_core_init() turns memblock into the
 * buddy allocator (Linux 6.1: mm_init -> mem_init); slab comes after.
 * New stages go here, one line each, where Linux has them.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/utsrelease.h>
#include <asm/setup.h>

char boot_command_line[COMMAND_LINE_SIZE];

/* Linux's linux_banner; the profile is i386 in the kernel, either on the host. */
#define BOOTMM_BANNER \
	"bootmm version " UTS_RELEASE " (Linux 6.1 %s memory initialisation, from the boot sector to the buddy allocator)\n"

void __init start_kernel(void)
{
	char *command_line;

	pr_notice(BOOTMM_BANNER, mm_profile->name);
	setup_arch(&command_line);	/* e820, memblock, page tables, zones */
	build_all_zonelists(NULL);	/* "Built 1 zonelists ... Total pages" */
	pr_notice("Kernel command line: %s\n", boot_command_line);
	mm_core_init();			/* buddy allocator, "Memory:" */
	kmem_cache_init();		/* slab caches on the buddy allocator */
	kmem_cache_init_late();		/* mm_selftest, slabinfo= once slab runs */
}
