/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The host hook layer's own controls, for tests and the simulator:
 * simulated physical RAM, console capture and the panic handler.
 * Core files never include this; only tests/ and tools/ do.
 */
#ifndef _ASM_HOST_HOST_H
#define _ASM_HOST_HOST_H

#include <linux/types.h>

/**
 * sim_ram_setup() - back physical addresses [0, @size) with a sparse arena
 * @size: the highest simulated physical address + 1 (rounded up to pages)
 *
 * The arena is one MAP_NORESERVE mapping: only pages that are touched cost
 * host memory, so a machine with a 1 TiB address space fits.  Replaces any
 * earlier arena.
 *
 * Return: 0, or -ENOMEM when the host cannot reserve the address space.
 */
int sim_ram_setup(phys_addr_t size);

/** sim_ram_identity() - make physical addresses equal host addresses. */
void sim_ram_identity(void);

/** sim_ram_teardown() - unmap the arena (back to identity mapping). */
void sim_ram_teardown(void);

/** sim_ram_size() - the arena's size, 0 in identity mode. */
phys_addr_t sim_ram_size(void);

/**
 * host_console_capture() - send console output to a buffer
 * @buf: the buffer (kept NUL-terminated; output past its end is dropped),
 *	 or NULL to go back to stdout
 * @size: its size
 */
void host_console_capture(char *buf, size_t size);

/** host_console_captured() - bytes written since capture began (may exceed size). */
size_t host_console_captured(void);

/** host_console_quiet() - drop console output entirely (@quiet) or not. */
void host_console_quiet(bool quiet);

/**
 * host_panic_handler - called by panic()/BUG() with the message
 *
 * A test sets it and longjmps out to check that a panic happened.  When
 * NULL (the default) the process prints the message and aborts.
 */
extern void (*host_panic_handler)(const char *msg);

#endif /* _ASM_HOST_HOST_H */
