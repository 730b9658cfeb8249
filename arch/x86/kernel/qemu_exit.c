// SPDX-License-Identifier: GPL-2.0
/*
 * Stopping the i386 kernel: qemu_exit() (isa-debug-exit, see
 * asm/qemu_exit.h) and arch_panic(), panic()'s last step.
 */
#include <linux/kernel.h>
#include <asm/bug.h>
#include <asm/qemu_exit.h>

static inline void outb(unsigned char v, unsigned short port)
{
	asm volatile("outb %0, %1" : : "a" (v), "Nd" (port));
}

void qemu_exit(unsigned char code)
{
	outb(code, QEMU_EXIT_PORT);
	/* No isa-debug-exit device: stop here, interrupts off. */
	for (;;)
		asm volatile("cli; hlt");
}

void arch_panic(const char *msg)
{
	qemu_exit(QEMU_EXIT_FAIL);
}
