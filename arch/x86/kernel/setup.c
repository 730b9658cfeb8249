// SPDX-License-Identifier: GPL-2.0
/*
 * setup_arch(): the x86 memory setup Linux 6.1 does, in its order and with
 * its log lines, from the zero page to zones.  Core code: it runs in the
 * kernel and, on a zero page the simulator fills, on the host, for both
 * machine shapes the core serves (mm_profile): i386 as the kernel is, and
 * x86_64 (no head_32.S page tables, no lowmem split, 64 TiB max_arch_pfn).
 *
 *   e820                 firmware map -> e820_table ("BIOS-provided ...")
 *   setup_data           SETUP_E820_EXT: entries past the zero page's 128
 *   early reservations   kernel image, first 64 KiB, initrd, BIOS/EBDA
 *   command line         mem= memmap= ... ("user-defined physical RAM map")
 *   trim_bios_range      page 0 -> reserved, 640K-1M RAM removed
 *   max_pfn/max_low_pfn  "last_pfn = ..."; lowmem split (highmem=)
 *   memblock             RAM from e820, early page tables, first 1 MiB
 *   init_mem_mapping     lowmem at PAGE_OFFSET, CR3
 *   initmem_init         "xMB HIGHMEM available." / "LOWMEM"
 *   paging_init          kmap/fixmap tables, zones, memmap
 *
 * Each reservation is made by a function named after what it reserves, so
 * memblock=debug's "memblock_reserve: [...] <caller>" lines name it.
 * Under bootmem=bitmap each also goes into the early_res table by its
 * 2.6 name (bootmem_reserve_early()), as seed 000 describes.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/memblock.h>
#include <linux/bootmem.h>
#include <linux/mm.h>
#include <linux/pfn.h>
#include <linux/sizes.h>
#include <asm/page.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <asm/pgtable.h>
#include <asm/e820/api.h>

struct boot_params boot_params;
unsigned long init_pg_tables_start, init_pg_tables_end;
unsigned long boot_params_phys;
static char command_line[COMMAND_LINE_SIZE];

#define BIOS_RAM_SIZE_KB_PTR	0x413	/* BDA: KiB of base memory */
#define BIOS_EBDA_SEGMENT	0x40e	/* BDA: EBDA segment */
#define BIOS_START_MIN		0x20000U	/* 128K: less is insane */
#define BIOS_START_MAX		0x9f000U	/* 640K: the most there can be */

/* x86_64: MAXMEM is 64 TiB (46 physical address bits, 4-level paging). */
#define MAX_ARCH_PFN_64		((unsigned long)(1ULL << (46 - PAGE_SHIFT)))

/*
 * The i386 kernel's shape (head_32.S page tables, lowmem split), as
 * arch/x86/mm tells it: the x86_64 profile has no lowmem limit.  The i386
 * kernel only ever runs the i386 profile; the simulator picks either.
 */
static bool x86_32_layout(void)
{
	return mm_profile->max_lowmem_pfn != ~0UL;
}

/*
 * Loader-passed setup_data nodes (a linked list of physical addresses).
 * Where __va() reaches before init_mem_mapping(): on the i386 profile
 * what head_32.S mapped; on x86_64 Linux maps any node on demand
 * (early_memremap), and so does the simulator's arena.  A node beyond it
 * (or a list that loops past any sane length) ends the walk with an
 * error line instead of a fault.
 */
#define SETUP_DATA_MAX_NODES	64

static u64 __init setup_data_map_end(void)
{
	return x86_32_layout() ? PFN_PHYS(max_pfn_mapped) : ~0ULL;
}

/* The node at @pa_data, header and payload inside the mapping, or NULL. */
static struct setup_data * __init setup_data_map(u64 pa_data)
{
	u64 end = setup_data_map_end();
	struct setup_data *data;

	if (pa_data + sizeof(*data) < pa_data || pa_data + sizeof(*data) > end)
		goto unmapped;
	data = __va(pa_data);
	if (pa_data + sizeof(*data) + data->len > end)
		goto unmapped;
	return data;
unmapped:
	pr_err("setup_data: node at %#llx is not mapped; ignoring the rest\n", pa_data);
	return NULL;
}

/*
 * The kernel image, text to the end of BSS: everything the loader put
 * at 1 MiB.  (The early page tables after _end are reserved separately.)
 */
static noinline void __init early_reserve_kernel(void)
{
	memblock_reserve(__pa_symbol(_text), (unsigned long)(_end - _text));
	bootmem_reserve_early(__pa_symbol(_text), __pa_symbol(_end), "TEXT DATA BSS");
}

/*
 * Page 0 holds the real-mode IVT and the BDA; Linux reserves the first
 * 64 KiB because some BIOSes corrupt it across suspend and SMM.
 */
static noinline void __init reserve_page0(void)
{
	memblock_reserve(0, SZ_64K);
	bootmem_reserve_early(0, SZ_64K, "BIOS data page");
}

/* The initrd's place and size: 32 bits in the header, the high half in ext_*. */
static u64 __init get_ramdisk_image(void)
{
	return boot_params.hdr.ramdisk_image | ((u64)boot_params.ext_ramdisk_image << 32);
}

static u64 __init get_ramdisk_size(void)
{
	return boot_params.hdr.ramdisk_size | ((u64)boot_params.ext_ramdisk_size << 32);
}

/*
 * The initrd a loader passed ("RAMDISK: [mem ...]"), if any: as Linux
 * 6.1, only a loader that wrote its id (type_of_loader) passed one, the
 * loader puts it page aligned and only its end may be mid-page, and the
 * reservation runs to that page's end, so the initrd's last page is never
 * shared with an allocation (under bootmem=bitmap the early_res entry
 * "RAMDISK" covers the same pages, as 2.6.2x's head32.c reserved it).
 * Linux trusts the loader; here an initrd whose page-aligned end would
 * wrap past 2^64 is the documented fallback: an error line, and no
 * initrd is reserved.
 */
static noinline void __init early_reserve_initrd(void)
{
	u64 image = get_ramdisk_image();
	u64 size = get_ramdisk_size();
	u64 end = PAGE_ALIGN(image + size);

	if (!boot_params.hdr.type_of_loader || !image || !size)
		return;		/* no initrd provided by the boot loader */
	if (image + size < image || end < image) {
		pr_err("initrd: [mem %#llx] + %#llx wraps; ignored\n", image, size);
		return;
	}
	pr_info("RAMDISK: [mem 0x%08llx-0x%08llx]\n", image, end - 1);
	memblock_reserve(image, end - image);
	bootmem_reserve_early(image, end, "RAMDISK");
}

/* A BDA word; 0x413 is at an odd address, so no u16 load (UBSan on the host). */
static u16 __init bda_read(unsigned long offset)
{
	u16 v;

	memcpy(&v, __va(offset), sizeof(v));
	return v;
}

/*
 * The EBDA and everything up to 1 MiB.  Where the EBDA starts is read
 * from the BDA, but neither value is trusted blindly: anything below
 * 128 KiB or above 636 KiB falls back to 636 KiB (Linux's
 * reserve_bios_regions).  The BDA is read through __va: mapped by
 * head_32.S on the kernel, simulated RAM on the host.
 */
static noinline void __init reserve_bios_regions(void)
{
	unsigned int bios_start, ebda_start;

	bios_start = bda_read(BIOS_RAM_SIZE_KB_PTR);
	bios_start <<= 10;
	if (bios_start < BIOS_START_MIN || bios_start > BIOS_START_MAX)
		bios_start = BIOS_START_MAX;

	ebda_start = (unsigned int)bda_read(BIOS_EBDA_SEGMENT) << 4;
	if (ebda_start >= BIOS_START_MIN && ebda_start < bios_start)
		bios_start = ebda_start;

	bios_start = ALIGN_DOWN(bios_start, PAGE_SIZE);
	memblock_reserve(bios_start, 0x100000 - bios_start);
	bootmem_reserve_early(bios_start, 0x100000, "BIOS reserved");
}

/* The loader's setup_data nodes: the kernel reads them later. */
static noinline void __init memblock_x86_reserve_range_setup_data(void)
{
	u64 pa_data = boot_params.hdr.setup_data;
	struct setup_data *data;
	int n;

	for (n = 0; pa_data && n < SETUP_DATA_MAX_NODES; n++, pa_data = data->next) {
		data = setup_data_map(pa_data);
		if (!data)
			return;
		memblock_reserve(pa_data, sizeof(*data) + data->len);
	}
}

/* Linux's early_reserve_memory(): before any RAM is known to memblock. */
static void __init early_reserve_memory(void)
{
	early_reserve_kernel();
	reserve_page0();
	early_reserve_initrd();
	memblock_x86_reserve_range_setup_data();
	reserve_bios_regions();
}

/*
 * parse_setup_data(): the loader's extra blocks.  bootmm knows one type:
 * SETUP_E820_EXT, the firmware map entries that did not fit the zero
 * page ("extended physical RAM map:").
 */
static void __init parse_setup_data(void)
{
	u64 pa_data = boot_params.hdr.setup_data;
	struct setup_data *data;
	int n;

	for (n = 0; pa_data && n < SETUP_DATA_MAX_NODES; n++, pa_data = data->next) {
		data = setup_data_map(pa_data);
		if (!data)
			return;
		if (data->type == SETUP_E820_EXT)
			e820__memory_setup_extended(pa_data, sizeof(*data) + data->len);
	}
	if (pa_data)
		pr_err("setup_data: more than %d nodes; ignoring the rest\n", SETUP_DATA_MAX_NODES);
}

/*
 * max_pfn and max_low_pfn.  i386: "last_pfn = ..." up to 4 GiB (no PAE),
 * then find_low_pfn_range() splits lowmem from highmem.  x86_64: up to
 * 64 TiB, and Linux also prints where RAM below 4 GiB ends (its second
 * "last_pfn" line); init_mem_mapping() then makes all of it lowmem,
 * which find_low_pfn_range() does here for the x86_64 profile.
 */
static void __init find_max_pfn(void)
{
	if (x86_32_layout()) {
		max_pfn = e820__end_of_ram_pfn();
	} else {
		max_pfn = __e820__end_ram_pfn(e820_table, MAX_ARCH_PFN_64, MAX_ARCH_PFN_64);
		if (max_pfn > 1UL << (32 - PAGE_SHIFT))
			__e820__end_ram_pfn(e820_table, 1UL << (32 - PAGE_SHIFT), MAX_ARCH_PFN_64);
	}
	find_low_pfn_range();
}

/*
 * Where early memblock allocations may go before init_mem_mapping():
 * i386, what head_32.S's page tables map; x86_64, the first 1 MiB, as
 * Linux 6.1 sets it (its early page tables come from the brk area).
 */
static phys_addr_t __init early_alloc_limit(void)
{
	return x86_32_layout() ? PFN_PHYS(max_pfn_mapped) : ISA_END_ADDRESS;
}

/* head_32.S's page tables, right after _end (Linux: the brk area). */
static noinline void __init reserve_early_pgtables(void)
{
	if (init_pg_tables_end <= init_pg_tables_start)
		return;
	memblock_reserve(init_pg_tables_start, init_pg_tables_end - init_pg_tables_start);
	bootmem_reserve_early(init_pg_tables_start, init_pg_tables_end, "INIT_PG_TABLE");
}

/*
 * All of the first 1 MiB: BIOS data, EBDA, the loader's zero page and
 * command line, option ROMs.  Linux 6.1 reserves it unconditionally
 * (reserve_real_mode) since BIOSes are known to scribble on it.
 */
static noinline void __init reserve_low_1m(void)
{
	memblock_reserve(0, SZ_1M);
}

/* The kernel must sit in RAM; a map that says otherwise is patched. */
static void __init e820_add_kernel_range(void)
{
	u64 start = __pa_symbol(_text);
	u64 size = (unsigned long)(_end - _text);

	if (!size || e820__mapped_all(start, start + size, E820_TYPE_RAM))
		return;
	pr_warn(".text .data .bss are not marked as E820_TYPE_RAM!\n");
	e820__range_remove(start, size, E820_TYPE_RAM, 0);
	e820__range_add(start, size, E820_TYPE_RAM);
}

/*
 * Page 0 is BIOS data (never RAM to us), and 640K-1M is the legacy
 * VGA/ROM hole even when a firmware map calls it RAM.  The two lines
 * Linux prints here ("e820: update ... usable ==> reserved", "e820:
 * remove ... usable") are KERN_DEBUG, shown with loglevel=8.
 */
static void __init trim_bios_range(void)
{
	e820__range_update(0, PAGE_SIZE, E820_TYPE_RAM, E820_TYPE_RESERVED);
	e820__range_remove(BIOS_BEGIN, BIOS_END - BIOS_BEGIN, E820_TYPE_RAM, true);
	e820__update_table(e820_table);
}

void __init setup_arch(char **cmdline_p)
{
	/* %pa as the modelled kernel prints it: 32-bit phys_addr_t on i386 without PAE. */
	phys_addr_print_size = x86_32_layout() ? 4 : 8;

	/* The firmware's map, sanitised: "BIOS-provided physical RAM map:". */
	e820__memory_setup(&boot_params);
	parse_setup_data();

	strscpy(command_line, boot_command_line, COMMAND_LINE_SIZE);
	*cmdline_p = command_line;
	parse_early_param(command_line);

	/*
	 * Reserve before memblock knows any RAM, so nothing allocates it.
	 * (Linux does this before parsing the command line; nothing
	 * allocates in between, and here memblock=debug names each one.)
	 */
	early_reserve_memory();

	/* The loader's setup_data stays RAM to memblock but is not handed out. */
	e820__reserve_setup_data(boot_params.hdr.setup_data, setup_data_map_end());

	/* mem=, memmap=: "user-defined physical RAM map:". */
	e820__finish_early_params();

	e820_add_kernel_range();
	trim_bios_range();

	/* "last_pfn = ... max_arch_pfn = ..."; i386: RAM above 4 GiB drops out. */
	find_max_pfn();
	min_low_pfn = PFN_UP(init_pg_tables_end ? init_pg_tables_end : __pa_symbol(_end));

	/* Allocate only where the early page tables reach. */
	memblock_set_current_limit(early_alloc_limit());
	/* i386 without PAE: resource_size_t is 32 bits, RAM ending above 4 GiB never reaches memblock. */
	__e820__memblock_setup(x86_32_layout() ? U32_MAX : ULLONG_MAX);
	reserve_early_pgtables();
	reserve_low_1m();

	init_mem_mapping();
	memblock_set_current_limit(PFN_PHYS(max_pfn_mapped));

	initmem_init();
	/* x86_64's NUMA setup dumps memblock again once nodes are set; i386 does not. */
	if (mm_profile->numa)
		memblock_dump_all();
	setup_bootmem_allocator();	/* bootmem=bitmap only */

	paging_init();
	e820__setup_pci_gap();
}
