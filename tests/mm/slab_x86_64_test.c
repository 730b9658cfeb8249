// SPDX-License-Identifier: GPL-2.0
/*
 * The slab allocator on the x86_64 profile: sparse memmap in 128 MiB
 * sections, zones DMA / DMA32 / Normal, no highmem.  The same code must
 * find its slabs through per-section struct pages; the boot self-test
 * (every class, a private cache, large kmalloc, planted bugs, filling all
 * of memory and freeing it back) runs here on a 512 MiB machine.  Then a
 * second, i386 machine is booted in the same process.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/memblock.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/host.h>
#include "boot_fixture.h"
#include "../../mm/slab.h"

static char out[8192];

/* QEMU -m @bytes with @profile, booted quietly up to the slab allocator. */
static void boot(const struct mm_profile *profile, phys_addr_t bytes)
{
	host_console_quiet(true);
	boot_fixture_qemu(profile, bytes, NULL);
	kmem_cache_init();
	host_console_quiet(false);
}

static int group_setup(void **state)
{
	int ret = boot_fixture_init(SZ_1G);

	if (ret)
		return ret;
	boot(&mm_profile_x86_64, SZ_512M);
	return 0;
}

/*
 * Objects in slabs on both sides of the first section boundary (128 MiB):
 * fill until a slab lies above it, then free everything.
 * Expect every object found again through its own section's memmap.
 */
static void slabs_in_several_sections(void **state)
{
	struct kmem_cache *s = kmem_cache_create("sections", 2048, 0, 0, NULL);
	unsigned long before = nr_free_pages();
	void *head = NULL, *p;
	bool above = false, below = false;

	while ((p = kmem_cache_alloc(s, GFP_KERNEL | __GFP_NOWARN))) {
		*(void **)p = head;
		head = p;
		if (__pa(p) >= SZ_128M)
			above = true;
		else
			below = true;
		if (above && below)
			break;
	}
	assert_true(above && below);
	while (head) {
		p = *(void **)head;
		assert_ptr_equal(virt_to_slab(head)->slab_cache, s);
		kmem_cache_free(s, head);
		head = p;
	}
	kmem_cache_destroy(s);
	assert_int_equal(nr_free_pages(), before);
}

/* Expect the boot self-test to pass, and the page books to balance after. */
static void selftest_passes(void **state)
{
	host_console_capture(out, sizeof(out));
	assert_int_equal(slab_selftest(), 0);
	host_console_capture(NULL, 0);
	assert_non_null(strstr(out, "] # slab: 5 tests, 0 failed\n"));
	host_console_quiet(true);
	assert_int_equal(page_accounting_audit(), 0);
	host_console_quiet(false);
}

/*
 * A second machine in the same process (as the simulator's tests boot
 * several): Expect kmem_cache_init to start from nothing, the new
 * machine's caches to work and hold only what it allocated.
 */
static void second_boot_starts_fresh(void **state)
{
	struct slabinfo si;
	void *p;

	boot(&mm_profile_i386, SZ_128M);
	p = kmalloc(100, GFP_KERNEL);
	assert_non_null(p);
	assert_ptr_equal(virt_to_slab(p)->slab_cache, kmalloc_caches[KMALLOC_NORMAL][7]);
	get_slabinfo(kmalloc_caches[KMALLOC_NORMAL][7], &si);
	assert_int_equal(si.active_objs, 1);
	assert_int_equal(si.num_slabs, 1);
	kfree(p);
	host_console_quiet(true);
	assert_int_equal(slab_selftest(), 0);
	assert_int_equal(page_accounting_audit(), 0);
	host_console_quiet(false);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(slabs_in_several_sections),
		cmocka_unit_test(selftest_passes),
		cmocka_unit_test(second_boot_starts_fresh),
	};

	return cmocka_run_group_tests(tests, group_setup, NULL);
}
