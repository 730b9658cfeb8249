// SPDX-License-Identifier: GPL-2.0
/*
 * build: glue the 16-bit setup and the 32-bit kernel into one Linux boot
 * protocol image (host program, like Linux's arch/x86/boot/tools/build.c).
 *
 *   build SETUP.bin VMLINUX.bin INIT_SIZE OUT
 *
 * The setup is padded to whole sectors (at least 5: the boot sector plus
 * 4, what a loader assumes when setup_sects is 0), and the header's
 * setup_sects (0x1f1), syssize (0x1f4, 16-byte units of the kernel) and
 * init_size (0x260, memory the kernel needs from its load address:
 * INIT_SIZE, from vmlinux's _end) are written.  The kernel follows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

#define SECTOR		512
#define MIN_SETUP_SECTS	4
#define MAX_SETUP_SECTS	64	/* GRUB 2.06's limit */

static unsigned char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf;
	long n;

	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		perror(path);
		exit(1);
	}
	buf = calloc(1, (size_t)n + MAX_SETUP_SECTS * SECTOR + SECTOR);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		perror(path);
		exit(1);
	}
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static void put_le32(unsigned char *p, uint32_t v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

int main(int argc, char **argv)
{
	unsigned char *setup, *kernel;
	size_t setup_len, kernel_len, sects;
	unsigned long init_size;
	FILE *out;

	if (argc != 5) {
		fprintf(stderr, "usage: %s setup.bin vmlinux.bin init_size out\n", argv[0]);
		return 2;
	}
	setup = read_file(argv[1], &setup_len);
	kernel = read_file(argv[2], &kernel_len);
	init_size = strtoul(argv[3], NULL, 0);

	if (setup_len < 0x264 || memcmp(setup + 0x202, "HdrS", 4) ||
	    setup[0x1fe] != 0x55 || setup[0x1ff] != 0xaa) {
		fprintf(stderr, "build: %s has no setup header\n", argv[1]);
		return 1;
	}
	sects = (setup_len + SECTOR - 1) / SECTOR;
	if (sects < MIN_SETUP_SECTS + 1)
		sects = MIN_SETUP_SECTS + 1;
	if (sects - 1 > MAX_SETUP_SECTS) {
		fprintf(stderr, "build: setup is %zu sectors; at most %d fit\n", sects - 1,
			MAX_SETUP_SECTS);
		return 1;
	}
	if (init_size < kernel_len)
		init_size = kernel_len;

	setup[0x1f1] = (unsigned char)(sects - 1);
	put_le32(setup + 0x1f4, (uint32_t)((kernel_len + 15) / 16));
	put_le32(setup + 0x260, (uint32_t)init_size);

	out = fopen(argv[4], "wb");
	if (!out || fwrite(setup, 1, sects * SECTOR, out) != sects * SECTOR ||
	    fwrite(kernel, 1, kernel_len, out) != kernel_len || fclose(out)) {
		perror(argv[4]);
		return 1;
	}
	printf("  IMAGE   %s: setup %zu sectors, kernel %zu bytes, init_size %#lx\n",
	       argv[4], sects - 1, kernel_len, init_size);
	return 0;
}
