// SPDX-License-Identifier: GPL-2.0
/*
 * The 16-bit setup's main(): a table of contents of what the kernel needs
 * from the BIOS before it leaves real mode for good.  Only real mode can
 * call int 0x15, so the memory map is collected here and handed to the
 * 32-bit kernel in the zero page (boot_params), as Linux does.
 */
#include "boot.h"

struct boot_params boot_params __attribute__((aligned(16)));
char *heap_end = _heap;		/* default: no heap beyond the BSS */
static char *heap_ptr = _heap;

/*
 * The loader filled the header in our image (offset 0x1f1); the zero page
 * we hand on starts as a copy of it, everything else zero.
 */
static void copy_boot_params(void)
{
	memcpy(&boot_params.hdr, &hdr, sizeof(hdr));
}

/*
 * The heap lies between our BSS and heap_end_ptr (+0x200: the pointer
 * is relative to the setup's start at 0x200), below the stack.  A
 * loader that does not set CAN_USE_HEAP gives us none.
 */
static void init_heap(void)
{
	char *stack_end;

	if (boot_params.hdr.loadflags & HDR_CAN_USE_HEAP) {
		asm("leal %n1(%%esp),%0" : "=r" (stack_end) : "i" (STACK_SIZE));
		heap_end = (char *)((size_t)boot_params.hdr.heap_end_ptr + 0x200);
		if (heap_end > stack_end)
			heap_end = stack_end;
	} else {
		puts("WARNING: Ancient bootloader, some functionality may be limited!\n");
	}
}

/**
 * heap_alloc() - carve @size bytes (4-byte aligned) off the setup heap
 * @size: bytes wanted
 *
 * Return: the memory, or NULL when the heap is too small.
 */
void *heap_alloc(size_t size)
{
	char *p = (char *)(((size_t)heap_ptr + 3) & ~(size_t)3);

	if (p + size > heap_end || p + size < p)
		return NULL;
	heap_ptr = p + size;
	return p;
}

void main(void)
{
	console_init();		/* COM1, for warnings on headless machines */
	copy_boot_params();	/* the header the loader filled -> zero page */
	init_heap();		/* between BSS and stack, if the loader allows */
	bios_quirk_install();	/* bios_quirk=NAME: a scripted int 0x15 */
	detect_memory();	/* int 0x15 E820h, E801h, 88h */
	bios_quirk_remove();	/* the real BIOS vector back */
	go_to_protected_mode();	/* A20, PIC, GDT, and jump to code32_start */
}
