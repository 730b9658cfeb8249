/* SPDX-License-Identifier: GPL-2.0 */
/*
 * protected_mode_jump(entrypoint, bootparams): set CR0.PE, far-jump into
 * the boot GDT's 32-bit code segment, load flat data segments, and enter
 * the kernel as the 32-bit boot protocol says: %esi = zero page,
 * %ebx = %ebp = %edi = 0, interrupts off.  (cdecl, called from -m16 C.)
 */
#include "boot.h"

	.code16
	.section ".text", "ax"
	.globl	protected_mode_jump
protected_mode_jump:
	movl	4(%esp), %eax		/* entrypoint */
	movl	8(%esp), %esi		/* boot_params, linear */

	/* The far jump's offset is linear: add our segment base. */
	xorl	%ebx, %ebx
	movw	%cs, %bx
	shll	$4, %ebx
	addl	%ebx, 2f
	jmp	1f			/* serialise after modifying code */
1:
	movw	$__BOOT_DS, %cx
	movw	$__BOOT_TSS, %di

	movl	%cr0, %edx
	orb	$1, %dl			/* CR0.PE */
	movl	%edx, %cr0

	.byte	0x66, 0xea		/* ljmpl $__BOOT_CS, $in_pm32 */
2:	.long	in_pm32
	.word	__BOOT_CS

	.code32
	.section ".text32", "ax"
in_pm32:
	movl	%ecx, %ds
	movl	%ecx, %es
	movl	%ecx, %fs
	movl	%ecx, %gs
	movl	%ecx, %ss
	addl	%ebx, %esp		/* keep a valid stack (linear now) */

	ltr	%di
	xorl	%ecx, %ecx
	lldt	%cx

	xorl	%edx, %edx
	xorl	%ebx, %ebx
	xorl	%ebp, %ebp
	xorl	%edi, %edi
	jmpl	*%eax
