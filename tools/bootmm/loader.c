// SPDX-License-Identifier: GPL-2.0
/*
 * What runs before start_kernel() on a real machine, done for the
 * simulated one: the firmware's BIOS data area, the boot loader's zero
 * page (struct boot_params, with a SETUP_E820_EXT setup_data node for
 * entries past the 128 the zero page holds) and command line, and
 * head_32.S's early page tables.  After this the kernel's own
 * start_kernel() runs unchanged, so every reservation it makes (the BDA
 * read for the EBDA, the page tables after _end) is of something that is
 * really there in simulated RAM.
 */
#include <stdio.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <linux/mm.h>
#include <asm/page.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <asm/pgtable.h>
#include <asm/e820/types.h>
#include "loader.h"

#define BDA_BASE_MEM_KB		0x413	/* u16: KiB of conventional memory */
#define BDA_EBDA_SEGMENT	0x40e	/* u16: real-mode segment of the EBDA */
#define LOW_RAM_END		0xa0000	/* 640 KiB */

/* head_32.S's constants (arch/x86/kernel/head_32.S). */
#define PTE_IDENT_ATTR		0x003
#define INIT_MAP_BEYOND_END	SZ_2M

/*
 * Where the loader leaves the SETUP_E820_EXT node: above the 64 KiB the
 * kernel reserves as page 0's neighbourhood, below the EBDA, inside the
 * first MiB that Linux never hands out (reserve_real_mode).
 */
#define SETUP_DATA_PHYS		0x10000
#define SETUP_DATA_LIMIT	0x9f000

/*
 * The BIOS data area a PC BIOS leaves: base memory in KiB at 0x413, the
 * EBDA segment at 0x40e.  A BIOS puts its EBDA right below 640 KiB and
 * reports it as reserved, so both follow from the map: base memory ends
 * where the RAM entry at 0 ends (at most 640 KiB), and a reserved entry
 * starting there is the EBDA (SeaBIOS: 639 KiB, segment 0x9fc0).  No RAM
 * at 0: the BDA stays zero and the kernel falls back to 636 KiB.
 */
static void bda_write(unsigned long offset, u16 v)
{
	memcpy(__va(offset), &v, sizeof(v));	/* 0x413 is odd: unaligned, as in a real BDA */
}

static void fill_bda(const struct fw_map *map)
{
	u64 base = 0;
	size_t i;

	for (i = 0; i < map->nr; i++) {
		const struct fw_entry *e = &map->entries[i];

		if (e->type == E820_TYPE_RAM && e->addr == 0 && e->size > base)
			base = min_t(u64, e->size, LOW_RAM_END);
	}
	bda_write(BDA_BASE_MEM_KB, base >> 10);
	bda_write(BDA_EBDA_SEGMENT, 0);
	if (!base || base >= LOW_RAM_END)
		return;
	for (i = 0; i < map->nr; i++) {
		const struct fw_entry *e = &map->entries[i];

		if (e->type != E820_TYPE_RAM && e->addr == base && e->size)
			bda_write(BDA_EBDA_SEGMENT, base >> 4);
	}
}

static void e820_entry(struct boot_e820_entry *to, const struct fw_entry *from)
{
	to->addr = from->addr;
	to->size = from->size;
	to->type = from->type;
}

/**
 * loader_fill() - what the firmware and boot loader hand the kernel
 * @map: the firmware map, in firmware order
 * @cmdline: the kernel command line (at most COMMAND_LINE_SIZE - 1 bytes)
 * @err: why not, @errlen its size
 *
 * Needs simulated RAM covering the first MiB.  Fills boot_params (e820
 * entries, alt_mem_k, ext_mem_k, setup_data), boot_command_line and the
 * BDA.
 *
 * Return: 0, or -1 when the command line or the map is too long.
 */
int loader_fill(const struct fw_map *map, const char *cmdline, char *err, size_t errlen)
{
	size_t i, nr = map->nr, extra, bytes;
	struct setup_data *node;

	if (strlen(cmdline) >= COMMAND_LINE_SIZE) {
		snprintf(err, errlen, "command line longer than %d bytes", COMMAND_LINE_SIZE - 1);
		return -1;
	}
	extra = nr > E820_MAX_ENTRIES_ZEROPAGE ? nr - E820_MAX_ENTRIES_ZEROPAGE : 0;
	bytes = sizeof(*node) + extra * sizeof(struct boot_e820_entry);
	if (extra && SETUP_DATA_PHYS + bytes > SETUP_DATA_LIMIT) {
		snprintf(err, errlen, "%zu firmware entries: more than a boot loader can pass below 640 KiB (%zu)",
			 nr, E820_MAX_ENTRIES_ZEROPAGE + (SETUP_DATA_LIMIT - SETUP_DATA_PHYS - sizeof(*node)) /
			 sizeof(struct boot_e820_entry));
		return -1;
	}
	strscpy(boot_command_line, cmdline, COMMAND_LINE_SIZE);

	memset(&boot_params, 0, sizeof(boot_params));
	boot_params.alt_mem_k = map->alt_mem_k;
	boot_params.screen_info.ext_mem_k = map->ext_mem_k;
	boot_params.e820_entries = nr - extra;
	for (i = 0; i < boot_params.e820_entries; i++)
		e820_entry(&boot_params.e820_table[i], &map->entries[i]);
	if (extra) {
		node = __va(SETUP_DATA_PHYS);
		node->next = 0;
		node->type = SETUP_E820_EXT;
		node->len = extra * sizeof(struct boot_e820_entry);
		for (i = 0; i < extra; i++)
			e820_entry((struct boot_e820_entry *)node->data + i,
				   &map->entries[E820_MAX_ENTRIES_ZEROPAGE + i]);
		boot_params.hdr.setup_data = SETUP_DATA_PHYS;
	}
	fill_bda(map);
	return 0;
}

/**
 * loader_head_32() - the page tables head_32.S builds after _end
 *
 * PTE pages from _end (Linux's brk) up, each mapping the next 4 MiB
 * identity-style, until INIT_MAP_BEYOND_END bytes past the last one are
 * mapped; the kernel reserves them (reserve_early_pgtables) and may
 * allocate only below max_pfn_mapped until init_mem_mapping().  Only the
 * i386 profile has them: x86_64 Linux's early tables live inside its
 * image.  Needs simulated RAM up to loader_head_32_end().
 */
void loader_head_32(void)
{
	u64 brk = __pa(_end), pt = brk, mapped = 0;
	unsigned int i;

	do {
		u32 *pte = __va(pt);

		for (i = 0; i < PAGE_SIZE / sizeof(u32); i++, mapped += PAGE_SIZE)
			pte[i] = (u32)mapped | PTE_IDENT_ATTR;
		pt += PAGE_SIZE;
	} while (mapped < pt + INIT_MAP_BEYOND_END);
	init_pg_tables_start = brk;
	init_pg_tables_end = pt;
	max_pfn_mapped = mapped >> PAGE_SHIFT;
}

/**
 * loader_head_32_end() - where loader_head_32()'s tables would end
 * @image_end: the physical end of the kernel image (_end)
 */
u64 loader_head_32_end(u64 image_end)
{
	u64 pt = image_end, mapped = 0;

	do {
		mapped += PAGE_SIZE / sizeof(u32) * PAGE_SIZE;
		pt += PAGE_SIZE;
	} while (mapped < pt + INIT_MAP_BEYOND_END);
	return pt;
}
