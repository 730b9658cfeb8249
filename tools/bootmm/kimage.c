// SPDX-License-Identifier: GPL-2.0
/*
 * The simulated kernel image: where _text .. _end lie in simulated RAM.
 * Either sized like the Debian 6.1 kernels of the reference logs (the
 * default, so the "Memory:" line compares with real Linux), or read from
 * an ELF vmlinux's symbol table (--kernel-image build/x86/vmlinux), so the
 * simulator places every section boundary exactly where our kernel has it
 * and its log can equal the kernel's line for line.
 */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <linux/string.h>
#include <linux/kernel.h>
#include <linux/sizes.h>
#include <linux/mm.h>
#include <asm/page.h>
#include <asm/sections.h>
#include "fwmap.h"
#include "kimage.h"

/* The boundary symbols asm/sections.h names, in struct kimage's order. */
static const char *const kimage_symbols[KIMAGE_NR_SYMS] = {
	"_text", "_stext", "_etext", "__start_rodata", "__end_rodata",
	"_sdata", "_edata", "__init_begin", "__init_end", "_sinittext",
	"_einittext", "__bss_start", "__bss_stop", "_end",
};

/**
 * kimage_linux() - an image sized like Debian's Linux 6.1 kernels
 * @k: filled in
 * @x86_64: size it like the amd64 kernel (else the 686 one)
 * @ram_top: the end of simulated RAM: below 32 MiB a small image at 1 MiB
 *
 * Loaded at 16 MiB as Linux's CONFIG_PHYSICAL_START puts it.
 */
void kimage_linux(struct kimage *k, bool x86_64, u64 ram_top)
{
	memset(k, 0, sizeof(*k));
	k->name = x86_64 ? "Linux 6.1 amd64-sized" : "Linux 6.1 686-sized";
	k->phys = SZ_16M;
	if (ram_top < SZ_32M) {
		k->name = "small";
		k->phys = SZ_1M;
		k->size[0] = 256 << 10;
		k->size[1] = k->size[2] = k->size[3] = k->size[4] = 64 << 10;
	} else if (x86_64) {
		k->size[0] = 14343 << 10;	/* text */
		k->size[1] = 9132 << 10;	/* rodata */
		k->size[2] = 2338 << 10;	/* data */
		k->size[3] = 2824 << 10;	/* init */
		k->size[4] = 17344 << 10;	/* bss */
	} else {
		k->size[0] = 9327 << 10;
		k->size[1] = 3188 << 10;
		k->size[2] = 1246 << 10;
		k->size[3] = 912 << 10;
		k->size[4] = 464 << 10;
	}
}

/* ELF32 and ELF64 read through one set of accessors. */
struct elf_view {
	const unsigned char	*buf;
	size_t			len;
	bool			is64;
};

static bool in_file(const struct elf_view *e, u64 off, u64 size)
{
	return off <= e->len && size <= e->len - off;
}

static u64 rd(const unsigned char *p, unsigned int bytes)
{
	u64 v = 0;

	while (bytes--)
		v = v << 8 | p[bytes];	/* little endian */
	return v;
}

/* Section header @i: its type, file offset, size, link and entry size. */
static int elf_shdr(const struct elf_view *e, u64 shoff, unsigned int shentsize, unsigned int i,
		    u32 *type, u64 *off, u64 *size, u32 *link, u64 *entsize)
{
	const unsigned char *s;

	if (!in_file(e, shoff + (u64)i * shentsize, shentsize))
		return -1;
	s = e->buf + shoff + (u64)i * shentsize;
	*type = rd(s + 4, 4);
	if (e->is64) {
		*off = rd(s + 24, 8);
		*size = rd(s + 32, 8);
		*link = rd(s + 40, 4);
		*entsize = rd(s + 56, 8);
	} else {
		*off = rd(s + 16, 4);
		*size = rd(s + 20, 4);
		*link = rd(s + 24, 4);
		*entsize = rd(s + 36, 4);
	}
	return 0;
}

/* Virtual minus physical address of the first PT_LOAD segment. */
static int elf_load_offset(const struct elf_view *e, u64 *delta)
{
	const unsigned char *h = e->buf;
	u64 phoff = e->is64 ? rd(h + 32, 8) : rd(h + 28, 4);
	unsigned int phentsize = rd(h + (e->is64 ? 54 : 42), 2);
	unsigned int phnum = rd(h + (e->is64 ? 56 : 44), 2), i;

	for (i = 0; i < phnum; i++) {
		const unsigned char *p;

		if (!in_file(e, phoff + (u64)i * phentsize, phentsize))
			return -1;
		p = h + phoff + (u64)i * phentsize;
		if (rd(p, 4) != PT_LOAD)
			continue;
		if (e->is64)
			*delta = rd(p + 16, 8) - rd(p + 24, 8);
		else
			*delta = rd(p + 8, 4) - rd(p + 12, 4);
		return 0;
	}
	return -1;
}

static int elf_symbols(const struct elf_view *e, u64 vaddr[KIMAGE_NR_SYMS], char *err, size_t errlen)
{
	const unsigned char *h = e->buf;
	u64 shoff = e->is64 ? rd(h + 40, 8) : rd(h + 32, 4);
	unsigned int shentsize = rd(h + (e->is64 ? 58 : 46), 2);
	unsigned int shnum = rd(h + (e->is64 ? 60 : 48), 2), i, found = 0;

	for (i = 0; i < shnum; i++) {
		u64 off, size, entsize, stroff, strsize, strent, n;
		u32 type, link, strtype, strlink;

		if (elf_shdr(e, shoff, shentsize, i, &type, &off, &size, &link, &entsize))
			break;
		if (type != SHT_SYMTAB || !entsize || !in_file(e, off, size) ||
		    elf_shdr(e, shoff, shentsize, link, &strtype, &stroff, &strsize, &strlink, &strent) ||
		    !in_file(e, stroff, strsize))
			continue;
		for (n = 0; n < size / entsize; n++) {
			const unsigned char *sym = e->buf + off + n * entsize;
			u64 name = rd(sym, 4), value = e->is64 ? rd(sym + 8, 8) : rd(sym + 4, 4);
			unsigned int s;

			if (name >= strsize)
				continue;
			for (s = 0; s < KIMAGE_NR_SYMS; s++) {
				const char *str = (const char *)e->buf + stroff + name;

				if (strnlen(str, strsize - name) < strsize - name &&
				    !strcmp(str, kimage_symbols[s]) && !(found & 1U << s)) {
					vaddr[s] = value;
					found |= 1U << s;
				}
			}
		}
	}
	for (i = 0; i < KIMAGE_NR_SYMS; i++) {
		if (!(found & 1U << i)) {
			snprintf(err, errlen, "no symbol %s in the ELF symbol table", kimage_symbols[i]);
			return -1;
		}
	}
	return 0;
}

/**
 * kimage_read_elf() - the section boundaries of a linked kernel
 * @k: filled in (physical addresses of the asm/sections.h symbols)
 * @path: an ELF32 or ELF64 little-endian vmlinux with a symbol table
 * @err: "path: why" on failure, @errlen its size
 *
 * Physical = virtual minus the first PT_LOAD segment's p_vaddr - p_paddr
 * (our vmlinux: 0xC0000000).  The image must start at or above 1 MiB
 * and end after it starts.
 *
 * Return: 0 or -1.
 */
int kimage_read_elf(struct kimage *k, const char *path, char *err, size_t errlen)
{
	u64 vaddr[KIMAGE_NR_SYMS], delta;
	struct elf_view e;
	char *buf, why[FWMAP_ERR_MAX];
	size_t len;
	unsigned int i;
	int ret = -1;

	memset(k, 0, sizeof(*k));
	if (fwmap_slurp(path, &buf, &len, err, errlen))
		return -1;
	e.buf = (const unsigned char *)buf;
	e.len = len;
	if (len < 64 || memcmp(buf, ELFMAG, SELFMAG) || buf[EI_DATA] != ELFDATA2LSB ||
	    (buf[EI_CLASS] != ELFCLASS32 && buf[EI_CLASS] != ELFCLASS64)) {
		snprintf(err, errlen, "%s: not a little-endian ELF file", path);
		goto out;
	}
	e.is64 = buf[EI_CLASS] == ELFCLASS64;
	if (elf_symbols(&e, vaddr, why, sizeof(why))) {
		snprintf(err, errlen, "%s: %s", path, why);
		goto out;
	}
	if (elf_load_offset(&e, &delta)) {
		snprintf(err, errlen, "%s: no PT_LOAD program header", path);
		goto out;
	}
	for (i = 0; i < KIMAGE_NR_SYMS; i++)
		k->sym[i] = vaddr[i] - delta;
	if (k->sym[KIMAGE_TEXT] < SZ_1M || k->sym[KIMAGE_END] < k->sym[KIMAGE_TEXT] ||
	    k->sym[KIMAGE_END] - k->sym[KIMAGE_TEXT] > SZ_1G) {
		snprintf(err, errlen, "%s: image [%#llx-%#llx) is not a kernel loaded at or above 1 MiB",
			 path, k->sym[KIMAGE_TEXT], k->sym[KIMAGE_END]);
		goto out;
	}
	k->name = path;
	k->phys = k->sym[KIMAGE_TEXT];
	k->from_elf = true;
	ret = 0;
out:
	free(buf);
	return ret;
}

/** kimage_end() - the physical end of the image (page aligned). */
u64 kimage_end(const struct kimage *k)
{
	u64 end = k->phys;
	unsigned int i;

	if (k->from_elf)
		return PAGE_ALIGN(k->sym[KIMAGE_END]);
	for (i = 0; i < ARRAY_SIZE(k->size); i++)
		end = PAGE_ALIGN(end + k->size[i]);
	return end;
}

/**
 * kimage_place() - point asm/sections.h's symbols into simulated RAM
 * @k: the image
 *
 * Call after sim_ram_setup() with an arena that covers kimage_end().
 */
void kimage_place(const struct kimage *k)
{
	char **syms[KIMAGE_NR_SYMS] = {
		&_text, &_stext, &_etext, &__start_rodata, &__end_rodata,
		&_sdata, &_edata, &__init_begin, &__init_end, &_sinittext,
		&_einittext, &__bss_start, &__bss_stop, &_end,
	};
	unsigned int i;

	if (!k->from_elf) {
		host_kernel_image_setup(k->phys, k->size[0], k->size[1], k->size[2], k->size[3],
					k->size[4]);
		return;
	}
	for (i = 0; i < KIMAGE_NR_SYMS; i++)
		*syms[i] = __va(k->sym[i]);
}
