/* SPDX-License-Identifier: GPL-2.0 */
/*
 * startup_32: the 32-bit kernel's first instructions, at physical 1 MiB.
 *
 * Two ways in, both by the 32-bit boot protocol (flat CS 0x10 / DS 0x18,
 * paging off, interrupts off, %esi = the zero page):
 *  - from our own setup (arch/x86/boot), after it asked the BIOS;
 *  - straight from a boot loader (GRUB "linux"), which filled the zero
 *    page itself (e820 from its own map; alt_mem_k is a fake 32 MiB).
 * Nothing else is assumed: no BIOS, no IDT, and the loader's GDT may sit
 * in memory we are about to reuse, so we load our own first.
 *
 * Then: clear BSS, copy the zero page and command line into the kernel,
 * build page tables that map [0, end) both at 0 and at PAGE_OFFSET, where
 * end covers the kernel, the tables themselves and INIT_MAP_BEYOND_END
 * more (room for the first memblock allocations), turn paging on, jump
 * to the linked (virtual) address, load the IDT, and call
 * i386_start_kernel.
 */
#define __PAGE_OFFSET		0xC0000000
#define pa(x)			((x) - __PAGE_OFFSET)
#define __BOOT_CS		0x10
#define __BOOT_DS		0x18
#define PTE_IDENT_ATTR		0x003	/* PRESENT + RW */
#define PDE_IDENT_ATTR		0x067	/* PRESENT + RW + USER + DIRTY + ACCESSED */
#define INIT_MAP_BEYOND_END	(2 << 20)	/* early allocations: page tables, memblock */
#define BOOT_PARAMS_SIZE	4096
#define CMDLINE_SIZE		2048
#define CMD_LINE_PTR		0x228
#define X86_CR0_PG		0x80000000
#define X86_CR0_WP		0x00010000

	.section ".head.text", "ax"
	.globl	startup_32
startup_32:
	cld
	lgdt	pa(boot_gdt_descr)
	ljmp	$__BOOT_CS, $pa(1f)
1:	movl	$__BOOT_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %fs
	movl	%eax, %gs
	movl	%eax, %ss
	movl	$pa(init_stack_end), %esp

	/* BSS first: the copies below land in it. */
	xorl	%eax, %eax
	movl	$pa(__bss_start), %edi
	movl	$pa(__bss_stop), %ecx
	subl	%edi, %ecx
	shrl	$2, %ecx
	rep stosl

	/* The zero page, wherever the loader put it. */
	movl	%esi, pa(boot_params_phys)
	movl	$pa(boot_params), %edi
	movl	$(BOOT_PARAMS_SIZE / 4), %ecx
	rep movsl

	/* The command line, if there is one. */
	movl	pa(boot_params) + CMD_LINE_PTR, %esi
	andl	%esi, %esi
	jz	2f
	movl	$pa(boot_command_line), %edi
	movl	$(CMDLINE_SIZE - 1), %ecx
	rep movsb
2:
	/*
	 * Page tables: PTE pages from __brk_base up, each mapping the next
	 * 4 MiB; each PDE is written twice, at 0 (identity, for the few
	 * instructions until we jump high) and at PAGE_OFFSET >> 22.  Stop
	 * once INIT_MAP_BEYOND_END bytes past the last PTE page are mapped.
	 */
	movl	$pa(__brk_base), %edi
	movl	%edi, pa(init_pg_tables_start)
	movl	$pa(initial_page_table), %edx
	movl	$PTE_IDENT_ATTR, %eax
10:	leal	PDE_IDENT_ATTR(%edi), %ecx
	movl	%ecx, (%edx)
	movl	%ecx, (__PAGE_OFFSET >> 20)(%edx)
	addl	$4, %edx
	movl	$1024, %ecx
11:	stosl
	addl	$0x1000, %eax
	loop	11b
	leal	(INIT_MAP_BEYOND_END + PTE_IDENT_ATTR)(%edi), %ebp
	cmpl	%ebp, %eax
	jb	10b
	movl	%edi, pa(init_pg_tables_end)
	shrl	$12, %eax
	movl	%eax, pa(max_pfn_mapped)

	movl	$pa(initial_page_table), %eax
	movl	%eax, %cr3
	movl	%cr0, %eax
	orl	$(X86_CR0_PG | X86_CR0_WP), %eax
	movl	%eax, %cr0

	/* Still at the physical address (identity map): go high. */
	movl	$3f, %eax
	jmp	*%eax
3:	addl	$__PAGE_OFFSET, boot_gdt_descr + 2	/* the GDT's virtual address: */
	lgdt	boot_gdt_descr			/* the identity map goes later */
	movl	$init_stack_end, %esp
	xorl	%ebp, %ebp		/* ends %pS stack walks */
	pushl	$0
	popfl

	call	setup_early_idt
	call	i386_start_kernel
4:	hlt
	jmp	4b

/*
 * Early exception entry points, 16 bytes each: push a dummy error code
 * where the CPU pushes none, push the vector, go to the common handler
 * which builds a struct early_fault_frame for early_fault() (traps.c).
 */
#define HAS_ERROR_CODE(v)	((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21)
	.globl	early_idt_handler_array
	.balign	16
early_idt_handler_array:
	vector = 0
	.rept	32
	.if	HAS_ERROR_CODE(vector) == 0
	pushl	$0
	.endif
	pushl	$vector
	jmp	early_idt_common
	.balign	16
	vector = vector + 1
	.endr

early_idt_common:
	pushal
	movl	%esp, %eax
	pushl	%eax
	call	early_fault		/* does not return */
5:	hlt
	jmp	5b

	.section ".rodata", "a"
	.balign	8
boot_gdt:
	.quad	0
	.quad	0
	.quad	0x00cf9b000000ffff	/* 0x10: __BOOT_CS, flat 4 GiB code */
	.quad	0x00cf93000000ffff	/* 0x18: __BOOT_DS, flat 4 GiB data */
boot_gdt_end:

	.section ".data", "aw"
	.balign	4
	.word	0
boot_gdt_descr:
	.word	boot_gdt_end - boot_gdt - 1
	.long	pa(boot_gdt)

	.section ".bss..page_aligned", "aw", @nobits
	.balign	4096
	.globl	initial_page_table
initial_page_table:
	.fill	1024, 4, 0
init_stack:
	.fill	8192, 1, 0
init_stack_end:
