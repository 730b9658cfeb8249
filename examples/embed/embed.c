// SPDX-License-Identifier: GPL-2.0
/*
 * embed.c - the smallest program that embeds bootmm's library.
 *
 * A kernel (or, here, a host program standing in for one) provides the
 * hooks, describes its firmware memory map as e820 entries, lets the
 * sanitiser clean it up, hands RAM to memblock and allocates from it.
 * Physical addresses equal host addresses here (sim_phys_base = 0), so the
 * "machine" is a static array; a real kernel sets its own direct-map offset.
 *
 * The program supplies the hooks a kernel supplies (console, panic,
 * symbol lookup, the direct-map offset); libbootmm-host.a supplies only
 * the simulated CPU state the page-table code would otherwise program
 * (CR3/CR4, TLB flush counters) and the kernel-image section symbols.
 *
 * Build: cc -Iinclude -Iarch/host/include -Iarch/x86/include embed.c \
 *           build/host/libbootmm.a build/host/libbootmm-host.a -o embed
 */
#include <stdio.h>
#include <stdlib.h>
#include <linux/memblock.h>
#include <linux/sizes.h>
#include <asm/e820/api.h>

/* ---- the hooks an embedder provides ---------------------------------- */

/* Direct-map offset used by __va()/__pa(): physical == virtual here. */
unsigned long sim_phys_base;

void arch_console_write(const char *s, size_t n)
{
	fwrite(s, 1, n, stdout);
}

void arch_panic(const char *msg)
{
	fprintf(stderr, "embed: panic: %s\n", msg);
	exit(2);
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset, char **modname, char *namebuf)
{
	return NULL;	/* no symbol table: %pS prints bare addresses */
}

/* ---- the machine ------------------------------------------------------ */

static char ram[8 << 20] __attribute__((aligned(1 << 20)));

int main(void)
{
	phys_addr_t base = (phys_addr_t)(unsigned long)ram;
	phys_addr_t size = sizeof(ram);
	phys_addr_t start, end;
	void *obj;
	u64 i;

	/*
	 * A firmware map as a BIOS might give it: unsorted, with a reserved
	 * hole punched into the middle of RAM and a duplicate entry.
	 */
	e820__range_add(base + size / 2, size / 2, E820_TYPE_RAM);
	e820__range_add(base, size / 2, E820_TYPE_RAM);
	e820__range_add(base + SZ_1M, SZ_64K, E820_TYPE_RESERVED);
	e820__range_add(base, size / 2, E820_TYPE_RAM);
	e820__update_table(e820_table);
	e820__print_table("embed");

	/* RAM into memblock, as Linux's e820__memblock_setup() does. */
	e820__memblock_setup();
	memblock_reserve(base, SZ_64K);		/* say, our kernel image */

	obj = memblock_alloc(4096, SMP_CACHE_BYTES);
	if (!obj)
		return 1;
	printf("memblock_alloc: %p (%s)\n", obj,
	       (char *)obj >= ram && (char *)obj < ram + size ? "inside RAM" : "OUTSIDE RAM");
	printf("memory %llu KiB, reserved %llu KiB\n",
	       (unsigned long long)memblock_phys_mem_size() >> 10,
	       (unsigned long long)memblock_reserved_size() >> 10);

	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, NULL)
		printf("free: +%#llx..+%#llx\n", (unsigned long long)(start - base),
		       (unsigned long long)(end - base));
	return 0;
}
