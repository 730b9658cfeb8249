// SPDX-License-Identifier: GPL-2.0
/*
 * A scripted BIOS for memory detection quirks no firmware under QEMU
 * shows.  With "bios_quirk=NAME" on the command line, the setup points
 * int 0x15 at bios_quirk_entry before detect_memory() and answers E820h,
 * E801h and 88h from the named scenario; other functions (and everything
 * after bios_quirk_remove()) go to the real BIOS.  The kernel then prints
 * whatever map memory.c made of it, and tests/qemu checks it.
 *
 * Each scenario is a map plus flags for how badly to serve it.  EBX
 * continuation values are opaque (not 1, 2, 3...) in every scenario, as
 * the specification allows.  The setup asks for 24-byte entries; every
 * scenario but acpi3_attr0 answers with 20 bytes and ECX = 20, as
 * SeaBIOS does ("ecx20" is exactly that and nothing else).
 */
#include "boot.h"

#define E820_RAM	1
#define E820_RSV	2
#define E820_ACPI	3

enum {
	Q_CF_END	= 1 << 0,	/* end the chain with CF=1 (EBX never 0) */
	Q_SMAP_LOST	= 1 << 1,	/* stop returning "SMAP" at entry 3 */
	Q_NO_E820	= 1 << 2,	/* E820h unsupported (CF=1, AH=86h) */
	Q_NO_E801	= 1 << 3,	/* E801h unsupported */
	Q_SAME_BUFFER	= 1 << 4,	/* write only the fields that changed; clobber EDX/ESI */
	Q_ACPI3_ATTR0	= 1 << 5,	/* 24-byte answers, extended attributes "invalid" */
	Q_MANY		= 1 << 6,	/* 140 entries (the zero page holds 128) */
};

struct quirk_e820 {
	u32 addr_lo, addr_hi, size_lo, size_hi, type;
};

struct bios_quirk {
	const char *name;
	const struct quirk_e820 *map;
	u8 nr_map;
	u8 flags;
	u16 e801_ax, e801_bx, e801_cx, e801_dx;	/* E801h answer */
	u16 ext88;				/* 88h answer (KiB) */
};

/* SeaBIOS's map for -m 128M. */
static const struct quirk_e820 map_128m[] = {
	{ 0x00000000, 0, 0x0009fc00, 0, E820_RAM },
	{ 0x0009fc00, 0, 0x00000400, 0, E820_RSV },
	{ 0x000f0000, 0, 0x00010000, 0, E820_RSV },
	{ 0x00100000, 0, 0x07ee0000, 0, E820_RAM },
	{ 0x07fe0000, 0, 0x00020000, 0, E820_RSV },
	{ 0xfffc0000, 0, 0x00040000, 0, E820_RSV },
};

/*
 * Unsorted, overlapping, zero-length, trailing all-zero entry:
 *
 *   RAM   [1M ..................................... 128M-128K)   (listed first)
 *   rsv          [32M .. 33M)                                   (inside RAM)
 *   ACPI                     [48M ... 64M)                      (inside RAM)
 *   RAM   [5M, 5M)  zero length;   {0, 0, 0} at the end
 */
static const struct quirk_e820 map_overlap[] = {
	{ 0x00100000, 0, 0x07ee0000, 0, E820_RAM },
	{ 0x00000000, 0, 0x0009fc00, 0, E820_RAM },
	{ 0x0009fc00, 0, 0x00000400, 0, E820_RSV },
	{ 0x00500000, 0, 0x00000000, 0, E820_RAM },
	{ 0x02000000, 0, 0x00100000, 0, E820_RSV },
	{ 0x000f0000, 0, 0x00010000, 0, E820_RSV },
	{ 0x07fe0000, 0, 0x00020000, 0, E820_RSV },
	{ 0x03000000, 0, 0x01000000, 0, E820_ACPI },
	{ 0x00000000, 0, 0x00000000, 0, 0 },
};

/* -m 128M's map plus 1 GiB of RAM at 4 GiB and AMD's HyperTransport hole. */
static const struct quirk_e820 map_above4g[] = {
	{ 0x00000000, 0, 0x0009fc00, 0, E820_RAM },
	{ 0x0009fc00, 0, 0x00000400, 0, E820_RSV },
	{ 0x000f0000, 0, 0x00010000, 0, E820_RSV },
	{ 0x00100000, 0, 0x07ee0000, 0, E820_RAM },
	{ 0x07fe0000, 0, 0x00020000, 0, E820_RSV },
	{ 0xfffc0000, 0, 0x00040000, 0, E820_RSV },
	{ 0x00000000, 1, 0x40000000, 0, E820_RAM },
	{ 0x00000000, 0xfd, 0x00000000, 3, E820_RSV },
};

#define MAP(m)	m, sizeof(m) / sizeof(m[0])
/*
 * E801h as SeaBIOS answers for -m 128M: 15 MiB below 16 MiB, and 0x6fe
 * 64 KiB blocks above it (up to 128 MiB - 128 KiB: SeaBIOS keeps the top
 * 128 KiB for itself).
 */
#define E801_128M	0x3c00, 0x06fe, 0x3c00, 0x06fe

/* A map of one entry: Linux refuses fewer than two and falls back to E801h. */
static const struct quirk_e820 map_one[] = {
	{ 0x00100000, 0, 0x07ee0000, 0, E820_RAM },
};

static const struct bios_quirk scenarios[] = {
	{ "cf_end",	 MAP(map_128m), Q_CF_END,		E801_128M, 0xfc00 },
	{ "smap_lost",	 MAP(map_128m), Q_SMAP_LOST,		0x3c00, 0x06fe, 0, 0, 0xfc00 },
	{ "no_e820",	 MAP(map_128m), Q_NO_E820,		E801_128M, 0xfc00 },
	{ "no_e801",	 MAP(map_128m), Q_NO_E820 | Q_NO_E801,	0, 0, 0, 0, 0xfc00 },
	{ "no_memory",	 MAP(map_128m), Q_NO_E820 | Q_NO_E801,	0, 0, 0, 0, 0 },
	{ "e801_bogus",	 MAP(map_128m), Q_NO_E820,		0x7c00, 0x06fe, 0x7c00, 0x06fe, 0x7c00 },
	{ "e801_hole",	 MAP(map_128m), Q_NO_E820,		0x3800, 0x06fe, 0x3800, 0x06fe, 0x3800 },
	{ "same_buffer", MAP(map_128m), Q_SAME_BUFFER,		E801_128M, 0xfc00 },
	{ "acpi3_attr0", MAP(map_128m), Q_ACPI3_ATTR0,		E801_128M, 0xfc00 },
	{ "ecx20",	 MAP(map_128m), 0,			E801_128M, 0xfc00 },
	{ "one_entry",	 MAP(map_one), 0,			E801_128M, 0xfc00 },
	{ "many",	 MAP(map_128m), Q_MANY,			E801_128M, 0xfc00 },
	{ "overlap",	 MAP(map_overlap), 0,			E801_128M, 0xfc00 },
	{ "above4g",	 MAP(map_above4g), 0,			E801_128M, 0xfc00 },
};

#define MANY_ENTRIES	140
#define COOKIE(i)	(((u32)(i) * 0x10001u) ^ 0xa5a50000u)

u32 bios_quirk_old_vector;		/* the real int 0x15, as seg:off */
extern char bios_quirk_entry[];
static const struct bios_quirk *active;
static struct boot_e820_entry prev;	/* what a same-buffer BIOS thinks is there */

static u16 nr_entries(void)
{
	return active->flags & Q_MANY ? MANY_ENTRIES : active->nr_map;
}

/*
 * Entry i of the scenario.  Q_MANY: low RAM, then 139 adjacent 64 KiB
 * RAM chunks from 1 MiB; only the first 128 entries fit the zero page, so
 * RAM must end at 1 MiB + 127 * 64 KiB.
 */
static void get_entry(u16 i, struct boot_e820_entry *e)
{
	if (active->flags & Q_MANY) {
		if (i == 0) {
			e->addr = 0;
			e->size = 0x9fc00;
		} else {
			e->addr = 0x100000 + (u32)(i - 1) * 0x10000;
			e->size = 0x10000;
		}
		e->type = E820_RAM;
		return;
	}
	e->addr = ((u64)active->map[i].addr_hi << 32) | active->map[i].addr_lo;
	e->size = ((u64)active->map[i].size_hi << 32) | active->map[i].size_lo;
	e->type = active->map[i].type;
}

static int find_cookie(u32 ebx)
{
	u16 i;

	for (i = 0; i <= nr_entries(); i++)
		if ((i == 0 ? 0 : COOKIE(i)) == ebx)
			return i;
	return -1;
}

static void e820_answer(struct biosregs *r)
{
	int i = find_cookie(r->ebx);
	u16 n = nr_entries();
	struct boot_e820_entry e, *buf = (struct boot_e820_entry *)(size_t)r->di;

	r->eflags &= ~X86_EFLAGS_CF;
	if (active->flags & Q_NO_E820 || i < 0 || (i == n && active->flags & Q_CF_END)) {
		r->eflags |= X86_EFLAGS_CF;
		r->ah = 0x86;		/* not SMAP: the failing probe's garbage */
		return;
	}
	get_entry(i, &e);
	if (active->flags & Q_SAME_BUFFER && i > 0) {
		if (e.addr != prev.addr)
			buf->addr = e.addr;
		if (e.size != prev.size)
			buf->size = e.size;
		if (e.type != prev.type)
			buf->type = e.type;
		r->edx = 0;		/* clobbered: the caller must not rely on it */
		r->esi = 0xdead;
	} else {
		*buf = e;
	}
	prev = e;
	r->ecx = 20;
	if (active->flags & Q_ACPI3_ATTR0) {
		*(u32 *)(buf + 1) = 0;	/* extended attributes: bit 0 "ignore me" */
		r->ecx = 24;
	}
	r->eax = (active->flags & Q_SMAP_LOST && i == 3) ? 0 : SMAP;
	if (i + 1 < n || active->flags & Q_CF_END)
		r->ebx = COOKIE(i + 1);
	else
		r->ebx = 0;
}

/* Called by bios_quirk_entry; returns 0 to pass the call to the real BIOS. */
int bios_quirk_int15(struct biosregs *r)
{
	if (r->ax == 0xe820) {
		e820_answer(r);
	} else if (r->ax == 0xe801) {
		if (active->flags & Q_NO_E801) {
			r->eflags |= X86_EFLAGS_CF;
			r->ah = 0x86;
			return 1;
		}
		r->eflags &= ~X86_EFLAGS_CF;
		r->ax = active->e801_ax;
		r->bx = active->e801_bx;
		r->cx = active->e801_cx;
		r->dx = active->e801_dx;
	} else if (r->ah == 0x88) {
		r->eflags &= ~X86_EFLAGS_CF;
		r->ax = active->ext88;
	} else {
		return 0;
	}
	return 1;
}

/**
 * bios_quirk_install() - hook int 0x15 if "bios_quirk=NAME" asks for it
 *
 * An unknown name is reported and the real BIOS is used.
 */
void bios_quirk_install(void)
{
	char name[16];
	u16 i;

	if (cmdline_find_option("bios_quirk", name, sizeof(name)) <= 0)
		return;
	for (i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++)
		if (!memcmp(name, scenarios[i].name, strlen(scenarios[i].name) + 1))
			active = &scenarios[i];
	if (!active) {
		puts("bootmm setup: unknown bios_quirk=");
		puts(name);
		puts(", using the real BIOS\n");
		return;
	}
	set_fs(0);
	asm volatile("cli");
	bios_quirk_old_vector = rdfs32(0x15 * 4);
	wrfs32(((u32)ds() << 16) | (u16)(size_t)bios_quirk_entry, 0x15 * 4);
	asm volatile("sti");
}

/**
 * bios_quirk_remove() - give int 0x15 back to the BIOS (before the PM jump)
 */
void bios_quirk_remove(void)
{
	if (!active)
		return;
	set_fs(0);
	asm volatile("cli");
	wrfs32(bios_quirk_old_vector, 0x15 * 4);
	asm volatile("sti");
}
