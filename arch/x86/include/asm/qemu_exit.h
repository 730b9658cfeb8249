/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Leaving QEMU with a status: isa-debug-exit (-device isa-debug-exit,
 * iobase=0xf4,iosize=0x04) turns "outb v, 0xf4" into exit code (v << 1) | 1,
 * so 0 cannot be produced.  PASS exits 33, FAIL (panic) 35, FAULT (an
 * unexpected CPU exception) 37.  Without the device, or on real
 * hardware, the write does nothing and the CPU halts.
 */
#ifndef _ASM_X86_QEMU_EXIT_H
#define _ASM_X86_QEMU_EXIT_H

#include <linux/compiler.h>

#define QEMU_EXIT_PORT		0xf4
#define QEMU_EXIT_PASS		0x10	/* QEMU exits 33 */
#define QEMU_EXIT_FAIL		0x11	/* 35: panic() */
#define QEMU_EXIT_FAULT		0x12	/* 37: CPU exception */

/**
 * qemu_exit() - stop the machine with a status
 * @code: QEMU_EXIT_PASS, QEMU_EXIT_FAIL or QEMU_EXIT_FAULT
 */
void qemu_exit(unsigned char code) __noreturn;

#endif /* _ASM_X86_QEMU_EXIT_H */
