// SPDX-License-Identifier: GPL-2.0
/*
 * --qemu-pc SIZE / --qemu-q35 SIZE: the map SeaBIOS 1.16 hands a QEMU 7.2
 * machine with -m SIZE, for experiments without a log.  Verified against
 * ../shared/reference (pc: 512M, 1G, 2G, 4G) and the notes (q35 3G):
 *
 *   0 .. 0x9fbff                 usable    (640 KiB less the 1 KiB EBDA)
 *   0x9fc00 .. 0x9ffff           reserved  EBDA
 *   0xf0000 .. 0xfffff           reserved  BIOS
 *   1 MiB .. LOW - HIGHZONE - 1  usable    LOW = RAM below 4 GiB
 *   LOW - HIGHZONE .. LOW - 1    reserved  SeaBIOS ZoneHigh (pc 128 KiB, q35 132 KiB)
 *   0xb0000000 .. 0xbfffffff     reserved  q35 only: PCIe MMCONFIG
 *   0xfed1c000 .. 0xfed1ffff     reserved  q35 only: ICH9 RCBA
 *   0xfffc0000 .. 0xffffffff     reserved  BIOS flash
 *   4 GiB .. 4 GiB + rest        usable    RAM that did not fit below
 *   0xfd00000000 .. 0xffffffffff reserved  qemu-system-x86_64 only (AMD HT hole)
 *
 * LOW (QEMU's pc_init1 / pc_q35_init): pc keeps all RAM below 4 GiB up
 * to 3.5 GiB, else 3 GiB; q35 keeps up to 2.75 GiB, else 2 GiB.  On
 * x86_64, RAM above 4 GiB that would run into the HT hole starts at
 * 1 TiB instead (QEMU 7.1+ x86_update_above_4g_mem_start).
 */
#include <stdio.h>
#include "fwmap.h"

#define SZ_1M_ULL	(1ULL << 20)
#define SZ_4G_ULL	(1ULL << 32)
#define AMD_HT_START	0xfd00000000ULL
#define AMD_HT_END	0x10000000000ULL	/* 1 TiB */
#define QEMU_RAM_MAX	(1ULL << 52)		/* x86_64's physical address width */

/**
 * fwmap_qemu() - the firmware map of a QEMU + SeaBIOS machine
 * @map: appended to; alt_mem_k/ext_mem_k set as SeaBIOS answers E801/88h
 * @machine: QEMU_PC (i440fx) or QEMU_Q35
 * @ram: the -m size in bytes (at least 2 MiB, a multiple of 4 KiB)
 * @x86_64: qemu-system-x86_64 (adds the HT hole) rather than qemu-system-i386
 * @err: why the size is refused, @errlen its size
 *
 * Return: 0, or -1 with @err set.
 */
int fwmap_qemu(struct fw_map *map, enum qemu_machine machine, u64 ram, bool x86_64,
	       char *err, size_t errlen)
{
	u64 low, high, high_start = SZ_4G_ULL, zone_high;
	bool q35 = machine == QEMU_Q35;
	unsigned int n = 0;

	if (ram < 2 * SZ_1M_ULL || ram % 4096 || ram > QEMU_RAM_MAX) {
		snprintf(err, errlen, "%s: -m %llu bytes: need 2 MiB .. 4 PiB in whole 4 KiB pages",
			 map->source, (unsigned long long)ram);
		return -1;
	}
	if (q35)
		low = ram >= 0xb0000000ULL ? 0x80000000ULL : ram;
	else
		low = ram >= 0xe0000000ULL ? 0xc0000000ULL : ram;
	high = ram - low;
	if (x86_64 && high && high_start + high > AMD_HT_START)
		high_start = AMD_HT_END;
	zone_high = q35 ? 0x21000 : 0x20000;

	fwmap_add(map, 0, 0x9fc00, E820_TYPE_RAM, ++n);
	fwmap_add(map, 0x9fc00, 0x400, E820_TYPE_RESERVED, ++n);
	fwmap_add(map, 0xf0000, 0x10000, E820_TYPE_RESERVED, ++n);
	fwmap_add(map, SZ_1M_ULL, low - zone_high - SZ_1M_ULL, E820_TYPE_RAM, ++n);
	fwmap_add(map, low - zone_high, zone_high, E820_TYPE_RESERVED, ++n);
	if (q35) {
		fwmap_add(map, 0xb0000000ULL, 0x10000000ULL, E820_TYPE_RESERVED, ++n);
		fwmap_add(map, 0xfed1c000ULL, 0x4000, E820_TYPE_RESERVED, ++n);
	}
	fwmap_add(map, 0xfffc0000ULL, 0x40000, E820_TYPE_RESERVED, ++n);
	if (high)
		fwmap_add(map, high_start, high, E820_TYPE_RAM, ++n);
	if (x86_64)
		fwmap_add(map, AMD_HT_START, AMD_HT_END - AMD_HT_START, E820_TYPE_RESERVED, ++n);
	if (map->nr != n) {
		snprintf(err, errlen, "%s: out of memory", map->source);
		return -1;
	}

	/* E801 counts KiB above 1 MiB of the RAM below 4 GiB; 88h stops at 63 MiB. */
	map->alt_mem_k = (low - SZ_1M_ULL) >> 10;
	map->ext_mem_k = map->alt_mem_k > 0xfc00 ? 0xfc00 : map->alt_mem_k;
	map->x86_64_hint = x86_64;
	return 0;
}
