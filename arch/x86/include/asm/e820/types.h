/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's e820 table: entry types as firmware reports them (plus two
 * kernel-internal ones) and the table the sanitiser works on.  Layout and
 * values as Linux 6.12 (arch/x86/include/asm/e820/types.h).
 */
#ifndef _ASM_E820_TYPES_H
#define _ASM_E820_TYPES_H

#include <linux/types.h>
#include <linux/numa.h>
#include <asm/bootparam.h>

enum e820_type {
	E820_TYPE_RAM		= 1,
	E820_TYPE_RESERVED	= 2,
	E820_TYPE_ACPI		= 3,
	E820_TYPE_NVS		= 4,
	E820_TYPE_UNUSABLE	= 5,
	E820_TYPE_PMEM		= 7,
	/*
	 * Legacy NVDIMMs (before ACPI 6.0 gave them type 7) used this
	 * non-standard number; it is not RAM.
	 */
	E820_TYPE_PRAM		= 12,
	/* EFI_MEMORY_SP: reserved for a driver, not for the page allocator. */
	E820_TYPE_SOFT_RESERVED	= 0xefffffff,
	/* RAM the kernel took for itself (setup_data); printed as "usable". */
	E820_TYPE_RESERVED_KERN	= 128,
};

/* One entry: [addr, addr + size) of the given type. */
struct e820_entry {
	u64			addr;
	u64			size;
	enum e820_type		type;
} __attribute__((packed));

/*
 * The zero page holds 128 entries; the kernel's table has room for a few
 * more, as EFI and NUMA set-up may split entries.
 */
#define E820_MAX_ENTRIES	(E820_MAX_ENTRIES_ZEROPAGE + 3 * MAX_NUMNODES)

struct e820_table {
	__u32			nr_entries;
	struct e820_entry	entries[E820_MAX_ENTRIES];
};

/* Legacy ISA region: VGA memory and the BIOS ROM, 640 KiB to 1 MiB. */
#define ISA_START_ADDRESS	0x000a0000
#define ISA_END_ADDRESS		0x00100000

#define BIOS_BEGIN		0x000a0000
#define BIOS_END		0x00100000

/* Low RAM ends at 636 KiB when the map has to be faked from E801/88h. */
#define LOWMEMSIZE		0x0009f000
#define HIGH_MEMORY		0x00100000

#endif /* _ASM_E820_TYPES_H */
