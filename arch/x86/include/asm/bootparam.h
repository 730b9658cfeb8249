/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The "zero page": struct boot_params, the 4 KiB block the boot loader and
 * the 16-bit setup code fill in and hand to the 32-bit kernel (ESI).  It
 * carries the setup header (at 0x1f1, also found at that offset in the
 * image file), the BIOS memory map (e820_table at 0x2d0, count at 0x1e8),
 * the E801 result (alt_mem_k, 0x1e0) and the 88h result (ext_mem_k, 0x002).
 * Offsets follow Documentation/arch/x86/zero-page.rst; fields bootmm has
 * no use for are kept as named padding so every offset stays right.
 */
#ifndef _ASM_X86_BOOTPARAM_H
#define _ASM_X86_BOOTPARAM_H

#include <linux/types.h>
#include <linux/stddef.h>

/* setup_data types (Linux's uapi list; bootmm reads E820_EXT and INDIRECT) */
#define SETUP_NONE			0
#define SETUP_E820_EXT			1
#define SETUP_DTB			2
#define SETUP_PCI			3
#define SETUP_EFI			4
#define SETUP_APPLE_PROPERTIES		5
#define SETUP_JAILHOUSE			6
#define SETUP_CC_BLOB			7
#define SETUP_IMA			8
#define SETUP_RNG_SEED			9
#define SETUP_ENUM_MAX			SETUP_RNG_SEED

#define SETUP_INDIRECT			(1U << 31)
#define SETUP_TYPE_MAX			(SETUP_ENUM_MAX | SETUP_INDIRECT)

/* loadflags */
#define LOADED_HIGH		(1 << 0)
#define KASLR_FLAG		(1 << 1)
#define QUIET_FLAG		(1 << 5)
#define KEEP_SEGMENTS		(1 << 6)
#define CAN_USE_HEAP		(1 << 7)

/* xloadflags */
#define XLF_KERNEL_64			(1 << 0)
#define XLF_CAN_BE_LOADED_ABOVE_4G	(1 << 1)

#define E820_MAX_ENTRIES_ZEROPAGE	128
#define EDD_MBR_SIG_MAX			16

/* One firmware map entry exactly as int 0x15 E820h returns it: 20 bytes. */
struct boot_e820_entry {
	__u64	addr;
	__u64	size;
	__u32	type;
} __attribute__((packed));

/* A linked list of extra blocks (e.g. SETUP_E820_EXT for >128 entries). */
struct setup_data {
	__u64	next;
	__u32	type;
	__u32	len;
	__u8	data[];
};

/*
 * The payload of a SETUP_INDIRECT node: the real data lives elsewhere,
 * at [addr, addr + len), and has this type (OR-ed with SETUP_INDIRECT).
 */
struct setup_indirect {
	__u32	type;
	__u32	reserved;	/* Reserved, must be set to zero. */
	__u64	len;
	__u64	addr;
};

struct setup_header {
	__u8	setup_sects;		/* 0x1f1 */
	__u16	root_flags;
	__u32	syssize;
	__u16	ram_size;
	__u16	vid_mode;
	__u16	root_dev;
	__u16	boot_flag;		/* 0x1fe: 0xAA55 */
	__u16	jump;			/* 0x200 */
	__u32	header;			/* 0x202: "HdrS" */
	__u16	version;		/* 0x206 */
	__u32	realmode_swtch;
	__u16	start_sys_seg;
	__u16	kernel_version;
	__u8	type_of_loader;		/* 0x210 */
	__u8	loadflags;		/* 0x211 */
	__u16	setup_move_size;
	__u32	code32_start;		/* 0x214 */
	__u32	ramdisk_image;		/* 0x218 */
	__u32	ramdisk_size;		/* 0x21c */
	__u32	bootsect_kludge;
	__u16	heap_end_ptr;		/* 0x224 */
	__u8	ext_loader_ver;
	__u8	ext_loader_type;
	__u32	cmd_line_ptr;		/* 0x228 */
	__u32	initrd_addr_max;	/* 0x22c */
	__u32	kernel_alignment;	/* 0x230 */
	__u8	relocatable_kernel;
	__u8	min_alignment;
	__u16	xloadflags;		/* 0x236 */
	__u32	cmdline_size;		/* 0x238 */
	__u32	hardware_subarch;
	__u64	hardware_subarch_data;
	__u32	payload_offset;
	__u32	payload_length;
	__u64	setup_data;		/* 0x250 */
	__u64	pref_address;		/* 0x258 */
	__u32	init_size;		/* 0x260 */
	__u32	handover_offset;
	__u32	kernel_info_offset;	/* 0x268 */
} __attribute__((packed));

/* The first 64 bytes of the zero page; only ext_mem_k matters here. */
struct screen_info {
	__u8	orig_x;
	__u8	orig_y;
	__u16	ext_mem_k;		/* 0x002: int 0x15 AH=88h, KiB above 1 MiB */
	__u8	_video[0x40 - 4];
} __attribute__((packed));

struct boot_params {
	struct screen_info screen_info;		/* 0x000 */
	__u8	apm_bios_info[0x14];		/* 0x040 */
	__u8	_pad2[4];			/* 0x054 */
	__u64	tboot_addr;			/* 0x058 */
	__u8	ist_info[0x10];			/* 0x060 */
	__u64	acpi_rsdp_addr;			/* 0x070 */
	__u8	_pad3[8];			/* 0x078 */
	__u8	hd0_info[16];			/* 0x080 */
	__u8	hd1_info[16];			/* 0x090 */
	__u8	sys_desc_table[0x10];		/* 0x0a0 */
	__u8	olpc_ofw_header[0x10];		/* 0x0b0 */
	__u32	ext_ramdisk_image;		/* 0x0c0 */
	__u32	ext_ramdisk_size;		/* 0x0c4 */
	__u32	ext_cmd_line_ptr;		/* 0x0c8 */
	__u8	_pad4[112];			/* 0x0cc */
	__u32	cc_blob_address;		/* 0x13c */
	__u8	edid_info[0x80];		/* 0x140 */
	__u8	efi_info[0x20];			/* 0x1c0 */
	__u32	alt_mem_k;			/* 0x1e0: int 0x15 E801h, KiB above 1 MiB */
	__u32	scratch;			/* 0x1e4 */
	__u8	e820_entries;			/* 0x1e8 */
	__u8	eddbuf_entries;			/* 0x1e9 */
	__u8	edd_mbr_sig_buf_entries;	/* 0x1ea */
	__u8	kbd_status;			/* 0x1eb */
	__u8	secure_boot;			/* 0x1ec */
	__u8	_pad5[2];			/* 0x1ed */
	__u8	sentinel;			/* 0x1ef */
	__u8	_pad6[1];			/* 0x1f0 */
	struct setup_header hdr;		/* 0x1f1 */
	__u8	_pad7[0x290 - 0x1f1 - sizeof(struct setup_header)];
	__u32	edd_mbr_sig_buffer[EDD_MBR_SIG_MAX];	/* 0x290 */
	struct boot_e820_entry e820_table[E820_MAX_ENTRIES_ZEROPAGE]; /* 0x2d0 */
	__u8	_pad8[48];			/* 0xcd0 */
	__u8	eddbuf[6 * 82];			/* 0xd00 */
	__u8	_pad9[276];			/* 0xeec */
} __attribute__((packed));

_Static_assert(sizeof(struct boot_e820_entry) == 20, "boot_e820_entry is 20 bytes");
_Static_assert(sizeof(struct setup_data) == 16, "setup_data header is 16 bytes");
_Static_assert(sizeof(struct setup_indirect) == 24, "setup_indirect is 24 bytes");
_Static_assert(sizeof(struct setup_header) == 0x26c - 0x1f1, "setup_header size");
_Static_assert(sizeof(struct boot_params) == 4096, "boot_params is one page");
_Static_assert(offsetof(struct boot_params, screen_info.ext_mem_k) == 0x002, "ext_mem_k");
_Static_assert(offsetof(struct boot_params, alt_mem_k) == 0x1e0, "alt_mem_k");
_Static_assert(offsetof(struct boot_params, e820_entries) == 0x1e8, "e820_entries");
_Static_assert(offsetof(struct boot_params, hdr) == 0x1f1, "hdr");
_Static_assert(offsetof(struct boot_params, hdr.cmd_line_ptr) == 0x228, "cmd_line_ptr");
_Static_assert(offsetof(struct boot_params, hdr.setup_data) == 0x250, "setup_data");
_Static_assert(offsetof(struct boot_params, e820_table) == 0x2d0, "e820_table");

#endif /* _ASM_X86_BOOTPARAM_H */
