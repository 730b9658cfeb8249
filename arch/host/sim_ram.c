// SPDX-License-Identifier: GPL-2.0
/*
 * Simulated physical RAM for the host build: one sparse anonymous mapping
 * whose offset 0 is physical address 0.  MAP_NORESERVE keeps untouched
 * pages free, so the size of the modelled machine is bounded by address
 * space, not by the host's memory.
 */
#include <sys/mman.h>
#include <errno.h>
#include <linux/types.h>
#include <asm/page.h>
#include <asm/host.h>

unsigned long sim_phys_base;
static void *arena;
static size_t arena_size;

int sim_ram_setup(phys_addr_t size)
{
	void *p;

	size = (size + PAGE_SIZE - 1) & PHYSICAL_PAGE_MASK;
	if (size == 0 || size > (phys_addr_t)1 << 46)
		return -ENOMEM;
	sim_ram_teardown();
	p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED)
		return -ENOMEM;
	madvise(p, size, MADV_NOHUGEPAGE);
	arena = p;
	arena_size = size;
	sim_phys_base = (unsigned long)p;
	return 0;
}

void sim_ram_identity(void)
{
	sim_ram_teardown();
}

void sim_ram_teardown(void)
{
	if (arena)
		munmap(arena, arena_size);
	arena = NULL;
	arena_size = 0;
	sim_phys_base = 0;
}

phys_addr_t sim_ram_size(void)
{
	return arena_size;
}
