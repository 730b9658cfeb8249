// SPDX-License-Identifier: GPL-2.0
/*
 * Leaving real mode: interrupts off (CPU and PIC), A20 on, a null IDT and
 * the boot GDT, then protected_mode_jump() to code32_start with %esi =
 * the zero page.  The GDT is the 32-bit boot protocol's: flat 4 GiB code
 * at __BOOT_CS (0x10), data at __BOOT_DS (0x18), and a TSS (0x20) only
 * because VT-x wants a valid TR.
 */
#include "boot.h"

struct gdt_ptr {
	u16 len;
	u32 ptr;
} __attribute__((packed));

/* A segment descriptor: base, limit (4 KiB granular if G), flags. */
#define GDT_ENTRY(flags, base, limit)			\
	((((base)  & 0xff000000ULL) << (56 - 24)) |	\
	 (((flags) & 0x0000f0ffULL) << 40) |		\
	 (((limit) & 0x000f0000ULL) << (48 - 16)) |	\
	 (((base)  & 0x00ffffffULL) << 16) |		\
	 (((limit) & 0x0000ffffULL)))

static void realmode_switch_hook(void)
{
	asm volatile("cli");
	outb(0x80, 0x70);	/* NMI off (CMOS index bit 7) */
	io_delay();
}

/* Mask every IRQ at both PICs: nothing may arrive before the kernel's IDT. */
static void mask_all_interrupts(void)
{
	outb(0xff, 0xa1);
	io_delay();
	outb(0xfb, 0x21);	/* all but the cascade on the master */
	io_delay();
}

/* A zero-length IDT: any interrupt now shuts down instead of jumping into the BIOS. */
static void setup_idt(void)
{
	static const struct gdt_ptr null_idt = {0, 0};

	asm volatile("lidtl %0" : : "m" (null_idt));
}

static void setup_gdt(void)
{
	static const u64 boot_gdt[] __attribute__((aligned(16))) = {
		[__BOOT_CS / 8] = GDT_ENTRY(0xc09b, 0, 0xfffff),
		[__BOOT_DS / 8] = GDT_ENTRY(0xc093, 0, 0xfffff),
		[__BOOT_TSS / 8] = GDT_ENTRY(0x0089, 4096, 103),
	};
	static struct gdt_ptr gdt;

	gdt.len = sizeof(boot_gdt) - 1;
	gdt.ptr = (u32)(size_t)&boot_gdt + ((u32)ds() << 4);
	asm volatile("lgdtl %0" : : "m" (gdt));
}

/**
 * go_to_protected_mode() - the last step of the setup
 *
 * Does not return: the 32-bit kernel at code32_start takes over.
 */
void go_to_protected_mode(void)
{
	realmode_switch_hook();
	if (enable_a20()) {
		puts("A20 gate not responding, unable to boot...\n");
		die();
	}
	mask_all_interrupts();
	setup_idt();
	setup_gdt();
	protected_mode_jump(boot_params.hdr.code32_start,
			    (u32)(size_t)&boot_params + ((u32)ds() << 4));
}
