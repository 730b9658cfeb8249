// SPDX-License-Identifier: GPL-2.0
/*
 * The host's arch_panic: hand the message to the test's handler (which
 * may longjmp away) or abort, so a panic is never silently survived.
 */
#include <stdio.h>
#include <stdlib.h>
#include <asm/host.h>
#include <asm/bug.h>

void (*host_panic_handler)(const char *msg);

void arch_panic(const char *msg)
{
	if (host_panic_handler)
		host_panic_handler(msg);
	fflush(stdout);
	fprintf(stderr, "bootmm: panic: %s\n", msg);
	abort();
}
