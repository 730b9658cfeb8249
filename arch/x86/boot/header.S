/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The image's first sectors: a boot sector that only says "use a boot
 * loader", the Linux boot protocol setup header at 0x1f1, and
 * start_of_setup, where a boot loader enters the 16-bit setup code.
 *
 * Protocol 2.09: every field up to setup_data (0x250) is really filled;
 * the 2.10+ fields after it are filled too but not claimed, because a
 * loader that sees >= 2.10 (GRUB 2.06) trusts pref_address/init_size.
 * The build tool (tools/build.c) writes setup_sects and syssize.
 */
#include "boot.h"

#define BOOT_PROTOCOL	0x0209
#define LOAD_ADDR	0x100000	/* protected-mode kernel (vmlinux's LMA) */

	.code16
	.section ".bstext", "ax"
	.globl	bootsect_start
bootsect_start:
	/* Started as a boot sector: we cannot load ourselves. */
	ljmp	$0x07c0, $1f
1:	movw	%cs, %ax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %ss
	xorw	%sp, %sp
	sti
	cld
	movw	$bugger_off_msg, %si
2:	lodsb
	andb	%al, %al
	jz	3f
	movb	$0xe, %ah
	movw	$7, %bx
	int	$0x10
	jmp	2b
3:	hlt
	jmp	3b

	.section ".bsdata", "a"
bugger_off_msg:
	.ascii	"bootmm is a Linux boot protocol image: boot it with QEMU -kernel or GRUB.\r\n"
	.byte	0

	.section ".header", "a"
	.globl	sentinel
sentinel:
	.byte	0xff, 0xff	/* 0x1ef: a loader that copies the header blindly overwrites this */
	.globl	hdr
hdr:
setup_sects:	.byte	0		/* 0x1f1: filled by tools/build */
root_flags:	.word	0
syssize:	.long	0		/* 16-byte paragraphs of the PM kernel: tools/build */
ram_size:	.word	0
vid_mode:	.word	0xffff		/* NORMAL_VGA */
root_dev:	.word	0
boot_flag:	.word	0xAA55		/* 0x1fe: GRUB checks it */

	/* 0x200: the loader jumps here, CS = setup segment + 0x20 */
	.globl	_start
_start:
	.byte	0xeb			/* short jmp: position independent */
	.byte	start_of_setup - 1f
1:
	.ascii	"HdrS"			/* 0x202 */
	.word	BOOT_PROTOCOL		/* 0x206 */
realmode_swtch:	.word	0, 0
start_sys_seg:	.word	0x1000		/* obsolete; kept as Linux does */
		.word	kernel_version - 512
type_of_loader:	.byte	0		/* 0x210: the loader writes its id */
loadflags:	.byte	HDR_LOADED_HIGH	/* PM kernel at 0x100000 */
setup_move_size: .word	0x8000
code32_start:	.long	LOAD_ADDR	/* 0x214: startup_32's physical address */
ramdisk_image:	.long	0
ramdisk_size:	.long	0
bootsect_kludge: .long	0
heap_end_ptr:	.word	_end + STACK_SIZE - 512	/* 0x224; the loader may raise it */
ext_loader_ver:	.byte	0
ext_loader_type: .byte	0
cmd_line_ptr:	.long	0		/* 0x228: the loader fills it */
initrd_addr_max: .long	0x37ffffff	/* an initrd must stay in lowmem */
kernel_alignment: .long	0x1000
relocatable_kernel: .byte 0		/* linked to run at 0x100000 only */
min_alignment:	.byte	12
xloadflags:	.word	0		/* 32-bit kernel, below 4 GiB */
cmdline_size:	.long	BOOT_CMDLINE_SIZE - 1
hardware_subarch: .long	0		/* normal PC */
hardware_subarch_data: .quad 0
payload_offset:	.long	0		/* uncompressed: no payload */
payload_length:	.long	0
setup_data:	.quad	0		/* 0x250: loader's setup_data list */
	/* 2.10+ fields: filled with true values, but not claimed. */
pref_address:	.quad	LOAD_ADDR
init_size:	.long	0		/* tools/build: vmlinux's memory size */
handover_offset: .long	0
kernel_info_offset: .long 0

	.section ".entrytext", "ax"
start_of_setup:
	/* Segments: ES = DS (the setup segment); string ops go up. */
	movw	%ds, %ax
	movw	%ax, %es
	cld

	/*
	 * A stack.  QEMU and GRUB linux16 set SS = DS with a usable %sp;
	 * a loader that left SS elsewhere gets one above the heap (or
	 * above the BSS if it offered no heap), at most at 64 KiB.
	 */
	movw	%ss, %dx
	cmpw	%ax, %dx
	movw	%sp, %dx
	je	2f
	movw	$_end, %dx
	testb	$HDR_CAN_USE_HEAP, loadflags
	jz	1f
	movw	heap_end_ptr, %dx
1:	addw	$STACK_SIZE, %dx
	jnc	2f
	xorw	%dx, %dx
2:	andw	$~3, %dx
	jnz	3f
	movw	$0xfffc, %dx
3:	movw	%ax, %ss
	movzwl	%dx, %esp		/* C uses %esp: clear the top half */
	sti

	/* CS = DS + 0x20 on entry: make it DS, so link offsets work for code too. */
	pushw	%ds
	pushw	$6f
	lretw
6:
	/* The last word of the setup: a short load (bad setup_sects) lacks it. */
	cmpl	$SETUP_SIG, setup_sig
	jne	setup_bad

	/* Clear the BSS (dword at a time: the linker script aligns both ends). */
	movw	$__bss_start, %di
	movw	$_end + 3, %cx
	xorl	%eax, %eax
	subw	%di, %cx
	shrw	$2, %cx
	rep stosl

	calll	main
	/* main does not return */

setup_bad:
	/*
	 * Print with the BIOS (screen) and straight to COM1 (headless runs;
	 * QEMU's UART needs no setup), all from this first part of the
	 * setup: the rest may be the part the loader did not read.
	 */
	movw	$setup_bad_msg, %si
7:	lodsb
	andb	%al, %al
	jz	die
	pushw	%si
	pushw	%ax
	movb	$0xe, %ah
	movw	$7, %bx
	int	$0x10
	movw	$0x3fd, %dx		/* COM1 LSR: wait for THR empty */
	movw	$0xffff, %cx
8:	inb	%dx, %al
	testb	$0x20, %al
	loopz	8b
	popw	%ax
	movw	$0x3f8, %dx
	outb	%al, %dx
	popw	%si
	jmp	7b

setup_bad_msg:
	.ascii	"bootmm setup: no setup signature found (loader read too few setup sectors?)\r\n"
	.byte	0

	.globl	die
die:
	hlt
	jmp	die

	.section ".rodata", "a"
kernel_version:
	.ascii	"bootmm"
	.byte	0

	.section ".signature", "a"
	.globl	setup_sig
setup_sig:
	.long	SETUP_SIG
