/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The scripted BIOS's int 0x15 entry (see biosquirk.c).  Saves every
 * register as a struct biosregs on the stack, lets bios_quirk_int15()
 * answer from the script, and either returns to the caller with the
 * script's registers and CF (retf 2 keeps the flags just loaded), or
 * passes the call on to the real BIOS vector untouched.
 */
	.code16
	.section ".text", "ax"
	.globl	bios_quirk_entry
bios_quirk_entry:
	pushfl
	pushw	%ds
	pushw	%es
	pushw	%fs
	pushw	%gs
	pushal				/* struct biosregs, lowest field first */

	movw	%cs, %ax		/* our data; SS is our stack already */
	movw	%ax, %ds
	cld
	movzwl	%sp, %eax
	pushl	%eax
	calll	bios_quirk_int15
	addl	$4, %esp
	testl	%eax, %eax

	popal				/* flags survive the pops */
	popw	%gs
	popw	%fs
	popw	%es
	popw	%ds
	jz	1f
	popfl
	lretw	$2			/* drop the caller's FLAGS: ours hold CF */
1:	popfl
	ljmpw	*%cs:bios_quirk_old_vector
