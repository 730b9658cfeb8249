// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for tools/bootmm/loader.c and kimage.c: what the simulated
 * firmware, boot loader and head_32.S leave for start_kernel(): the zero
 * page (128 entries, the rest in a SETUP_E820_EXT node), the command
 * line, the BIOS data area, head_32.S's page tables, and the kernel
 * image placed from its size figures or an ELF file.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <asm/setup.h>
#include <asm/sections.h>
#include <asm/pgtable.h>
#include <asm/host.h>
#include "../../tools/bootmm/loader.h"
#include "../../tools/bootmm/kimage.h"

static int setup(void **state)
{
	return sim_ram_setup(SZ_64M);
}

static int teardown(void **state)
{
	sim_ram_teardown();
	return 0;
}

/* A BDA word (0x413 is at an odd address). */
static u16 bda(unsigned long offset)
{
	u16 v;

	memcpy(&v, __va(offset), sizeof(v));
	return v;
}

/* SeaBIOS's map for -m 64M. */
static void seabios_map(struct fw_map *map)
{
	fwmap_init(map, "test");
	fwmap_add(map, 0, 0x9fc00, E820_TYPE_RAM, 1);
	fwmap_add(map, 0x9fc00, 0x400, E820_TYPE_RESERVED, 2);
	fwmap_add(map, 0xf0000, 0x10000, E820_TYPE_RESERVED, 3);
	fwmap_add(map, SZ_1M, SZ_64M - 0x20000 - SZ_1M, E820_TYPE_RAM, 4);
	fwmap_add(map, 0xfffc0000, 0x40000, E820_TYPE_RESERVED, 5);
}

/*
 * Expect the entries in firmware order in boot_params, the E801/88h
 * figures, the command line, no setup_data, and the BDA SeaBIOS leaves:
 * 639 KiB of base memory, EBDA segment 0x9fc0.
 */
static void loader_fill_seabios(void **state)
{
	char err[FWMAP_ERR_MAX];
	struct fw_map map;

	seabios_map(&map);
	map.alt_mem_k = 64512;
	assert_int_equal(loader_fill(&map, "mem=32M memblock=debug", err, sizeof(err)), 0);
	assert_int_equal(boot_params.e820_entries, 5);
	assert_true(boot_params.e820_table[3].addr == SZ_1M);
	assert_int_equal(boot_params.e820_table[4].type, E820_TYPE_RESERVED);
	assert_int_equal(boot_params.alt_mem_k, 64512);
	assert_true(boot_params.hdr.setup_data == 0);
	assert_string_equal(boot_command_line, "mem=32M memblock=debug");
	assert_int_equal(bda(0x413), 639);
	assert_int_equal(bda(0x40e), 0x9fc0);
	fwmap_free(&map);
}

/*
 *   RAM 0..640K, no reserved entry after it: no EBDA (segment 0);
 *   no RAM at 0: the BDA stays 0 and the kernel falls back to 636 KiB.
 */
static void loader_fill_bda_without_ebda(void **state)
{
	char err[FWMAP_ERR_MAX];
	struct fw_map map;

	fwmap_init(&map, "test");
	fwmap_add(&map, 0, 0xa0000, E820_TYPE_RAM, 1);
	assert_int_equal(loader_fill(&map, "", err, sizeof(err)), 0);
	assert_int_equal(bda(0x413), 640);
	assert_int_equal(bda(0x40e), 0);
	fwmap_free(&map);

	fwmap_init(&map, "test");
	fwmap_add(&map, SZ_1M, SZ_32M, E820_TYPE_RAM, 1);
	assert_int_equal(loader_fill(&map, "", err, sizeof(err)), 0);
	assert_int_equal(bda(0x413), 0);
	fwmap_free(&map);
}

/*
 * 300 entries: the zero page takes 128, a SETUP_E820_EXT node at 64 KiB
 * the other 172, in order.  Expect the node's header and last entry.
 */
static void loader_fill_setup_e820_ext(void **state)
{
	char err[FWMAP_ERR_MAX];
	struct setup_data *node;
	struct boot_e820_entry *e;
	struct fw_map map;
	unsigned int i;

	fwmap_init(&map, "test");
	for (i = 0; i < 300; i++)
		fwmap_add(&map, (u64)i << 21, SZ_1M, E820_TYPE_RAM, i + 1);
	assert_int_equal(loader_fill(&map, "", err, sizeof(err)), 0);
	assert_int_equal(boot_params.e820_entries, 128);
	assert_true(boot_params.hdr.setup_data == 0x10000);
	node = __va(boot_params.hdr.setup_data);
	assert_int_equal(node->type, SETUP_E820_EXT);
	assert_true(node->next == 0);
	assert_int_equal(node->len, 172 * sizeof(struct boot_e820_entry));
	e = (struct boot_e820_entry *)node->data + 171;
	assert_true(e->addr == 299ULL << 21 && e->size == SZ_1M && e->type == E820_TYPE_RAM);
	fwmap_free(&map);
}

/* Expect too long a command line and a map no loader could pass refused. */
static void loader_fill_refuses(void **state)
{
	char err[FWMAP_ERR_MAX], line[COMMAND_LINE_SIZE + 1];
	struct fw_map map;
	unsigned int i;

	seabios_map(&map);
	memset(line, 'a', COMMAND_LINE_SIZE);
	line[COMMAND_LINE_SIZE] = '\0';
	assert_int_equal(loader_fill(&map, line, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "command line longer than"));
	for (i = 0; i < 40000; i++)
		fwmap_add(&map, (u64)i << 21, SZ_1M, E820_TYPE_RAM, i + 1);
	assert_int_equal(loader_fill(&map, "", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "more than a boot loader can pass below 640 KiB"));
	fwmap_free(&map);
}

/*
 * Image at 1 MiB ending at 0x12b000 (our kernel's size): head_32.S
 * writes one PTE page at _end mapping 0..4 MiB, since 4 MiB covers
 * _end + 1 page + INIT_MAP_BEYOND_END.  Expect the extent, max_pfn_mapped
 * 0x400 and identity PTEs; a 30 MiB image needs 9 pages (36 MiB).
 */
static void loader_head_32_tables(void **state)
{
	struct kimage k = { .name = "test", .phys = SZ_1M, .size = { 0x16000, 0x6000, 0x1000, 0, 0xe000 } };
	u32 *pte;

	kimage_place(&k);
	assert_true(kimage_end(&k) == 0x12b000);
	assert_true(__pa(_end) == 0x12b000);
	loader_head_32();
	assert_int_equal(init_pg_tables_start, 0x12b000);
	assert_int_equal(init_pg_tables_end, 0x12c000);
	assert_int_equal(max_pfn_mapped, 0x400);
	assert_true(loader_head_32_end(0x12b000) == 0x12c000);
	pte = __va(0x12b000);
	assert_int_equal(pte[0], 0x003);
	assert_int_equal(pte[0x3ff], 0x3ff003);

	k.size[0] = 30 << 20;
	kimage_place(&k);
	loader_head_32();
	assert_int_equal(init_pg_tables_end - init_pg_tables_start, 9 * PAGE_SIZE);
	assert_int_equal(max_pfn_mapped, 9 * 1024);
}

/* Expect Linux-sized images at 16 MiB (1 MiB below 32 MiB of RAM). */
static void kimage_linux_sizes(void **state)
{
	struct kimage k;

	kimage_linux(&k, false, SZ_1G);
	assert_true(k.phys == SZ_16M && k.size[0] == 9327 << 10);
	kimage_linux(&k, true, SZ_1G);
	assert_true(k.size[4] == 17344 << 10);
	kimage_linux(&k, false, SZ_16M);
	assert_true(k.phys == SZ_1M);
}

/* Expect a non-ELF file and an ELF without the kernel's symbols refused by name. */
static void kimage_read_elf_refuses(void **state)
{
	char err[FWMAP_ERR_MAX] = "", path[] = "/tmp/bootmm-kimage-XXXXXX";
	struct kimage k;
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, "not an elf file, just text\n", 27), 27);
	close(fd);
	assert_int_equal(kimage_read_elf(&k, path, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "not a little-endian ELF file"));
	unlink(path);
	/* This test program is an ELF file, but no kernel: no _sinittext. */
	assert_int_equal(kimage_read_elf(&k, "/proc/self/exe", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "/proc/self/exe: no symbol"));
	assert_int_equal(kimage_read_elf(&k, "/nonexistent/vmlinux", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "/nonexistent/vmlinux"));
}

/* Expect build/x86/vmlinux, when built, read with _text at 1 MiB in order. */
static void kimage_read_elf_vmlinux(void **state)
{
	char err[FWMAP_ERR_MAX] = "";
	struct kimage k;
	int i;

	if (access("build/x86/vmlinux", R_OK))
		skip();
	if (kimage_read_elf(&k, "build/x86/vmlinux", err, sizeof(err)))
		fail_msg("%s", err);
	assert_true(k.from_elf && k.phys == SZ_1M);
	assert_true(k.sym[KIMAGE_ETEXT] > k.sym[KIMAGE_TEXT]);
	assert_true(k.sym[KIMAGE_START_RODATA] >= k.sym[KIMAGE_ETEXT]);
	assert_true(k.sym[KIMAGE_END] >= k.sym[KIMAGE_BSS_STOP]);
	assert_int_equal(k.sym[KIMAGE_END] % PAGE_SIZE, 0);
	for (i = 1; i < KIMAGE_NR_SYMS; i++)
		assert_true(k.sym[i] >= k.sym[KIMAGE_TEXT] && k.sym[i] <= k.sym[KIMAGE_END]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(loader_fill_seabios, setup, teardown),
		cmocka_unit_test_setup_teardown(loader_fill_bda_without_ebda, setup, teardown),
		cmocka_unit_test_setup_teardown(loader_fill_setup_e820_ext, setup, teardown),
		cmocka_unit_test_setup_teardown(loader_fill_refuses, setup, teardown),
		cmocka_unit_test_setup_teardown(loader_head_32_tables, setup, teardown),
		cmocka_unit_test(kimage_linux_sizes),
		cmocka_unit_test(kimage_read_elf_refuses),
		cmocka_unit_test(kimage_read_elf_vmlinux),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
