// SPDX-License-Identifier: GPL-2.0
/*
 * Memory detection through the BIOS, in Linux's order: int 0x15 E820h (the
 * full map), then E801h and 88h (just "how much above 1 MiB"), all three
 * tried so the kernel can fall back when the map is unusable.  Results go
 * to boot_params.e820_table/e820_entries, alt_mem_k and ext_mem_k; the
 * kernel (e820__memory_setup) sanitises and chooses.
 */
#include "boot.h"

/*
 * One call returns one entry.  Quirks, by symptom:
 *
 * - A BIOS that remembers the buffer of the previous call and writes only
 *   the fields that changed: every call gets the same static buffer, and
 *   each result is copied out entry by entry.  (Static: zeroed once.)
 * - A BIOS that ends the chain with CF=1 instead of EBX=0 does not always
 *   return "SMAP" on that last, failing call: CF ends the list first.
 * - A BIOS that stops returning "SMAP" in the middle: the map so far may be
 *   partial or garbage, so the whole result is dropped (E801 takes over).
 * - 24-byte (ACPI 3) entries are asked for, but their extended attributes
 *   are ignored: some BIOSes clear the "valid" bit on every entry.  Only
 *   the 20 common bytes are kept, whatever length the BIOS reports.
 * - The zero page holds 128 entries; a longer chain is cut there.
 */
static void detect_memory_e820(void)
{
	int count = 0;
	struct biosregs ireg, oreg;
	struct boot_e820_entry *desc = boot_params.e820_table;
	static struct boot_e820_entry_ext {
		struct boot_e820_entry e;
		u32 ext_attr;
	} __attribute__((packed)) buf;

	initregs(&ireg);
	ireg.ax = 0xe820;
	ireg.cx = sizeof(buf);
	ireg.edx = SMAP;
	ireg.di = (size_t)&buf;

	do {
		intcall(0x15, &ireg, &oreg);
		ireg.ebx = oreg.ebx;	/* the BIOS's cookie for the next call */

		if (oreg.eflags & X86_EFLAGS_CF)
			break;
		if (oreg.eax != SMAP) {
			count = 0;
			break;
		}
		*desc++ = buf.e;
		count++;
	} while (ireg.ebx && count < E820_MAX_ENTRIES_ZEROPAGE);

	boot_params.e820_entries = count;
}

/*
 * E801h: AX/CX = KiB between 1 MiB and 16 MiB, BX/DX = 64 KiB blocks above
 * 16 MiB.  Some BIOSes return only AX/BX (CX = DX = 0).  More than 15 MiB
 * in the first field is impossible ("Bogus!"); less than 15 MiB means a
 * hole below 16 MiB, so the blocks above it are not counted.
 */
static void detect_memory_e801(void)
{
	struct biosregs ireg, oreg;

	initregs(&ireg);
	ireg.ax = 0xe801;
	intcall(0x15, &ireg, &oreg);

	if (oreg.eflags & X86_EFLAGS_CF)
		return;

	if (oreg.cx || oreg.dx) {
		oreg.ax = oreg.cx;
		oreg.bx = oreg.dx;
	}

	if (oreg.ax > 15 * 1024) {
		return;	/* Bogus! */
	} else if (oreg.ax == 15 * 1024) {
		boot_params.alt_mem_k = (oreg.bx << 6) + oreg.ax;
	} else {
		/* A memory hole below 16 MiB: stop there. */
		boot_params.alt_mem_k = oreg.ax;
	}
}

/* 88h: KiB above 1 MiB in AX (at most 63 MiB); CF is not reliable. */
static void detect_memory_88(void)
{
	struct biosregs ireg, oreg;

	initregs(&ireg);
	ireg.ah = 0x88;
	intcall(0x15, &ireg, &oreg);

	boot_params.screen_info.ext_mem_k = oreg.ax;
}

/**
 * detect_memory() - run all three BIOS memory probes
 */
void detect_memory(void)
{
	detect_memory_e820();
	detect_memory_e801();
	detect_memory_88();
}
