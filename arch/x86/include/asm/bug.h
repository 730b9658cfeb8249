/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The arch's half of panic: stop after the message has been printed.
 * The kernel exits QEMU through isa-debug-exit with a failure status (or
 * halts on real hardware); the host calls its panic handler.
 */
#ifndef _ASM_X86_BUG_H
#define _ASM_X86_BUG_H

#include <linux/compiler.h>

/**
 * arch_panic() - stop the machine after a panic message
 * @msg: the panic message, already printed
 */
void arch_panic(const char *msg) __noreturn;

#endif /* _ASM_X86_BUG_H */
