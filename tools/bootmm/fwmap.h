/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The firmware memory map as bootmm reads it, before the kernel sees it:
 * entries in the firmware's order (unsorted, overlapping, empty entries
 * kept, because the lint reports them and the kernel's sanitiser must
 * meet them), the E801/88h figures, and where each entry came from, so
 * every message can name "file:line".  The parsers fill one; run.c turns
 * it into a zero page (struct boot_params) for the real kernel path.
 */
#ifndef _TOOLS_BOOTMM_FWMAP_H
#define _TOOLS_BOOTMM_FWMAP_H

#include <stddef.h>
#include <linux/types.h>
#include <asm/e820/types.h>

/* An error message buffer large enough for "file:line: what". */
#define FWMAP_ERR_MAX	512

/**
 * struct fw_entry - one firmware entry, [addr, addr + size)
 * @addr: first byte
 * @size: length in bytes (0 is kept: firmware does report such entries)
 * @type: the E820 type number (1 RAM, 2 reserved, ...)
 * @line: the input line (or sysfs entry number) it came from, for messages
 */
struct fw_entry {
	u64		addr;
	u64		size;
	u32		type;
	unsigned int	line;
};

/**
 * struct fw_map - a firmware memory map in firmware order
 * @entries: the entries (grown with fwmap_add())
 * @nr: how many
 * @cap: allocated slots
 * @source: the input's name for messages ("amd64-4G.log", "<stdin>", "qemu-pc")
 * @who: the label the log had ("BIOS-e820", "BIOS-e801", "BIOS-88")
 * @alt_mem_k: E801 result in KiB above 1 MiB (0: unknown)
 * @ext_mem_k: 88h result in KiB above 1 MiB (0: unknown)
 * @legacy_format: the input used the 2.6 " BIOS-e820: X - Y (usable)" lines
 * @x86_64_hint: the input says the machine was 64-bit (qemu-system-x86_64
 *		 hole, a dmesg from an x86_64 kernel); 0 when unknown
 * @nr_unnamed: entries sysfs calls "Unknown E820 type" (it does not export
 *		the number), read as reserved; @first_unnamed: the first one's line
 */
struct fw_map {
	struct fw_entry	*entries;
	size_t		nr;
	size_t		cap;
	char		source[256];
	char		who[16];
	u32		alt_mem_k;
	u32		ext_mem_k;
	bool		legacy_format;
	bool		x86_64_hint;
	unsigned int	nr_unnamed;
	unsigned int	first_unnamed;
};

void fwmap_init(struct fw_map *map, const char *source);
void fwmap_free(struct fw_map *map);
int fwmap_add(struct fw_map *map, u64 addr, u64 size, u32 type, unsigned int line);

/* Numbers: 0x hex or decimal, optional K/M/G/T/P (binary) suffix. */
int fwmap_parse_u64(const char *s, const char **end, u64 *val);
int fwmap_parse_type(const char *s, u32 *type);
const char *fwmap_type_name(u32 type);

/*
 * The parsers.  Each returns 0, or -1 with @err holding "source:line: why"
 * (no trailing newline).  Buffers need not be NUL-terminated.
 */
int fwmap_parse_e820(struct fw_map *map, const char *buf, size_t len,
		     char *err, size_t errlen);
int fwmap_parse_dmesg(struct fw_map *map, const char *buf, size_t len,
		      char *err, size_t errlen);
int fwmap_parse_memmap_entry(struct fw_map *map, unsigned int index,
			     const char *start, const char *end, const char *type,
			     char *err, size_t errlen);
int fwmap_read_memmap_dir(struct fw_map *map, const char *dir,
			  char *err, size_t errlen);

/* QEMU + SeaBIOS machines. */
enum qemu_machine {
	QEMU_PC,	/* i440fx */
	QEMU_Q35,
};
int fwmap_qemu(struct fw_map *map, enum qemu_machine machine, u64 ram,
	       bool x86_64, char *err, size_t errlen);

/* Read a whole file (or "-" for stdin) into a malloc'd buffer. */
int fwmap_slurp(const char *path, char **buf, size_t *len, char *err, size_t errlen);

#endif /* _TOOLS_BOOTMM_FWMAP_H */
