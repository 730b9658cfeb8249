/* SPDX-License-Identifier: GPL-2.0 */
/*
 * early_res: the named reservations of Linux 2.6.2x-2.6.3x, kept before any
 * allocator exists (seed 000: "TEXT DATA BSS", page tables, the bootmem
 * bitmap ...) and poured into the bootmem bitmap by early_res_to_bootmem().
 * Ranges are [start, end); end is exclusive, as in the original.
 */
#ifndef _LINUX_EARLY_RES_H
#define _LINUX_EARLY_RES_H

#include <linux/types.h>

/* Linux 2.6.28's arch/x86/kernel/e820.c: a fixed table, no doubling. */
#define MAX_EARLY_RES		20
#define EARLY_RES_NAME_LEN	16

/* find_e820_area() and find_early_area() fail with this address. */
#define EARLY_RES_NOT_FOUND	(~(u64)0)

void reserve_early(u64 start, u64 end, const char *name);
void free_early(u64 start, u64 end);
int early_res_count(void);
bool early_res_entry(int i, u64 *start, u64 *end, const char **name);
void print_early_res(void);

u64 find_early_area(u64 ei_start, u64 ei_last, u64 start, u64 end,
		    u64 size, u64 align);
u64 find_e820_area(u64 start, u64 end, u64 size, u64 align);

void early_res_to_bootmem(u64 start, u64 end);

#endif /* _LINUX_EARLY_RES_H */
