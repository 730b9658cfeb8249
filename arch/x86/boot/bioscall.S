/* SPDX-License-Identifier: GPL-2.0 */
/*
 * intcall(int_no, ireg, oreg): the one way the setup code calls the BIOS.
 *
 * Loads every register (and DS/ES/FS/GS/EFLAGS) from *ireg, executes
 * INT int_no, and stores every register the BIOS returned into *oreg
 * (oreg may be NULL).  The INT opcode's operand byte is patched in place,
 * since x86 has no "int %reg".  Called from C (-m16, cdecl, calll).
 */
	.code16
	.section ".text", "ax"
	.globl	intcall
intcall:
	movzbl	4(%esp), %eax		/* int_no */
	movl	8(%esp), %edx		/* ireg */
	movl	12(%esp), %ecx		/* oreg */

	cmpb	%al, 3f
	je	1f
	movb	%al, 3f
	jmp	1f			/* serialise after modifying code */
1:
	pushfl
	pushw	%fs
	pushw	%gs
	pushal				/* ECX (oreg) lands at 24(%esp) */

	/* Build the input frame (struct biosregs, 44 bytes) below it. */
	subw	$44, %sp
	movw	%dx, %si
	movw	%sp, %di
	movw	$11, %cx
	rep movsl

	popal
	popw	%gs
	popw	%fs
	popw	%es
	popw	%ds
	popfl

	.byte	0xcd			/* INT imm8 */
3:	.byte	0

	pushfl
	pushw	%ds
	pushw	%es
	pushw	%fs
	pushw	%gs
	pushal

	/* The BIOS may have changed DS/ES and the direction flag. */
	cld
	movzwl	%sp, %esp
	movw	%cs, %ax
	movw	%ax, %ds
	movw	%ax, %es

	movw	44+24(%esp), %di	/* the saved ECX: oreg */
	andw	%di, %di
	jz	4f
	movw	%sp, %si
	movw	$11, %cx
	rep movsl
4:	addw	$44, %sp

	popal
	popw	%gs
	popw	%fs
	popfl
	retl
