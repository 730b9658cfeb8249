// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for arch/x86/kernel/e820.c: the sanitiser against Linux 6.12's
 * behaviour (checklist in shared/notes/linux-e820.md section 7), the range
 * edits and their log lines, the firmware import and its fake-map
 * fallback, the end-of-RAM and PCI-gap consumers, mem=/memmap=, and the
 * printed formats byte for byte.  Diagrams: one column per 4 KiB unit,
 * digits are types, '_' is a hole.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/memblock.h>
#include <asm/e820/api.h>
#include <asm/host.h>

#define U		0x1000ULL		/* one diagram column */
#define SZ_1M_		0x100000ULL
#define G4		0x100000000ULL
#define RAM		E820_TYPE_RAM
#define RES		E820_TYPE_RESERVED
#define ACPI		E820_TYPE_ACPI
#define NVS		E820_TYPE_NVS
#define UNUS		E820_TYPE_UNUSABLE
#define PMEM		E820_TYPE_PMEM
#define PRAM		E820_TYPE_PRAM
#define SOFT		E820_TYPE_SOFT_RESERVED
#define KERN		E820_TYPE_RESERVED_KERN

struct ent { u64 addr, size; u32 type; };

static char out[65536];
static struct e820_table t;
static jmp_buf panic_jmp;
static char panic_msg[256];

static void catch_panic(const char *msg)
{
	snprintf(panic_msg, sizeof(panic_msg), "%s", msg);
	longjmp(panic_jmp, 1);
}

static int setup(void **state)
{
	console_loglevel = 8;		/* show the KERN_DEBUG "e820: update" lines */
	printk_time = true;
	e820_legacy_format = false;
	memset(&t, 0, sizeof(t));
	e820_table->nr_entries = 0;
	host_panic_handler = catch_panic;
	out[0] = 0;
	host_console_capture(out, sizeof(out));
	return 0;
}

static int teardown(void **state)
{
	host_console_capture(NULL, 0);
	host_panic_handler = NULL;
	console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
	e820_legacy_format = false;
	return 0;
}

static void restart_capture(void)
{
	out[0] = 0;
	host_console_capture(out, sizeof(out));
}

static void load(struct e820_table *tab, const struct ent *e, u32 n)
{
	u32 i;

	tab->nr_entries = 0;
	for (i = 0; i < n; i++)
		__e820__range_add(tab, e[i].addr, e[i].size, e[i].type);
}

#define LOAD(tab, ...) do {						\
	const struct ent __in[] = { __VA_ARGS__ };		\
	load(tab, __in, ARRAY_SIZE(__in));				\
} while (0)

static void expect_table(const struct e820_table *tab, const struct ent *e, u32 n,
			 const char *where)
{
	u32 i;

	if (tab->nr_entries != n)
		fail_msg("%s: %u entries, expected %u", where, tab->nr_entries, n);
	for (i = 0; i < n; i++) {
		const struct e820_entry *x = &tab->entries[i];

		if (x->addr != e[i].addr || x->size != e[i].size || x->type != e[i].type)
			fail_msg("%s: entry %u is [%#llx +%#llx) type %u, expected [%#llx +%#llx) type %u",
				 where, i, x->addr,
				 x->size, x->type,
				 e[i].addr,
				 e[i].size, e[i].type);
	}
}

static void expect_same(const struct e820_table *a, const struct e820_table *b,
			const char *where)
{
	struct ent e[E820_MAX_ENTRIES];
	u32 i;

	for (i = 0; i < b->nr_entries; i++) {
		e[i].addr = b->entries[i].addr;
		e[i].size = b->entries[i].size;
		e[i].type = b->entries[i].type;
	}
	expect_table(a, e, b->nr_entries, where);
}

#define EXPECT(tab, ...) do {						\
	const struct ent __ex[] = { __VA_ARGS__ };		\
	expect_table(tab, __ex, ARRAY_SIZE(__ex), __func__);		\
} while (0)
#define EXPECT_EMPTY(tab) expect_table(tab, NULL, 0, __func__)

/* Rows of a picture become entries: the run of digits in each row. */
static void load_picture(struct e820_table *tab, const char *const *rows, u32 n)
{
	u32 i;

	tab->nr_entries = 0;
	for (i = 0; i < n; i++) {
		const char *r = rows[i];
		u32 s = strcspn(r, "0123456789"), len = strspn(r + s, "0123456789");

		__e820__range_add(tab, s * U, len * U, r[s] - '0');
	}
}

/* ============================================================ sanitiser */

/*
 * The picture from Linux's e820.c (13 overlapping entries, types 1-4).
 * Expect exactly the 15 entries of its "sanitized equivalent", return 0.
 */
static void e820__update_table_linux_picture(void **state)
{
	static const char *const in[] = {
		"____22__________________",
		"______________________4_",
		"____1111________________",
		"_44_____________________",
		"11111111________________",
		"____________________33__",
		"___________44___________",
		"__________33333_________",
		"______________22________",
		"___________________2222_",
		"_________111111111______",
		"_____________________11_",
		"_________________4______",
	};
	static const char *const want[] = {
		"1_______________________",
		"_44_____________________",
		"___1____________________",
		"____22__________________",
		"______11________________",
		"_________1______________",
		"__________3_____________",
		"___________44___________",
		"_____________33_________",
		"_______________2________",
		"________________1_______",
		"_________________4______",
		"___________________2____",
		"____________________33__",
		"______________________4_",
	};
	struct e820_table w;

	load_picture(&t, in, ARRAY_SIZE(in));
	load_picture(&w, want, ARRAY_SIZE(want));
	assert_int_equal(e820__update_table(&t), 0);
	expect_same(&t, &w, __func__);
}

/*
 * Empty table, and a single entry even of size 0 or type 0:
 *   []  /  |0-size 1|  /  |1111 type 0|
 * Expect -1 and the table untouched in every case.
 */
static void e820__update_table_fewer_than_two(void **state)
{
	assert_int_equal(e820__update_table(&t), -1);
	EXPECT_EMPTY(&t);

	LOAD(&t, { 5 * U, 0, RAM });
	assert_int_equal(e820__update_table(&t), -1);
	EXPECT(&t, { 5 * U, 0, RAM });

	LOAD(&t, { 0, 4 * U, 0 });
	assert_int_equal(e820__update_table(&t), -1);
	EXPECT(&t, { 0, 4 * U, 0 });
}

/* Two or three zero-size entries.  Expect 0 and an empty table. */
static void e820__update_table_only_zero_size(void **state)
{
	LOAD(&t, { 0, 0, RAM }, { U, 0, RES });
	assert_int_equal(e820__update_table(&t), 0);
	EXPECT_EMPTY(&t);

	LOAD(&t, { 0, 0, RAM }, { U, 0, RES }, { U, 0, RAM });
	assert_int_equal(e820__update_table(&t), 0);
	EXPECT_EMPTY(&t);
}

/*
 *   1111____22     plus zero-size entries at 0, at 4 (a boundary),
 *                  at 6 (in the hole) and at 9 (inside the 2s)
 * Expect the zero-size entries gone, the rest unchanged (qboot's
 * trailing zero entry is the case at the end).
 */
static void e820__update_table_zero_size_mixed(void **state)
{
	LOAD(&t, { 0, 0, RES }, { 0, 4 * U, RAM }, { 4 * U, 0, RES },
	     { 6 * U, 0, UNUS }, { 8 * U, 2 * U, RES }, { 9 * U, 0, PRAM },
	     { 0, 0, 0 });
	assert_int_equal(e820__update_table(&t), 0);
	EXPECT(&t, { 0, 4 * U, RAM }, { 8 * U, 2 * U, RES });
}

/*
 * Unsorted, reverse-sorted and duplicated input:
 *   __22__     (given first)
 *   11____
 *   ____11
 *   __22__     (duplicate)
 * Expect 11 22 11, sorted, in all three orders.
 */
static void e820__update_table_unsorted_reverse_duplicates(void **state)
{
	LOAD(&t, { 2 * U, 2 * U, RES }, { 0, 2 * U, RAM }, { 4 * U, 2 * U, RAM },
	     { 2 * U, 2 * U, RES });
	assert_int_equal(e820__update_table(&t), 0);
	EXPECT(&t, { 0, 2 * U, RAM }, { 2 * U, 2 * U, RES }, { 4 * U, 2 * U, RAM });

	LOAD(&t, { 4 * U, 2 * U, RAM }, { 2 * U, 2 * U, RES }, { 0, 2 * U, RAM });
	assert_int_equal(e820__update_table(&t), 0);
	EXPECT(&t, { 0, 2 * U, RAM }, { 2 * U, 2 * U, RES }, { 4 * U, 2 * U, RAM });
}

/*
 *   11__     +   __11   ->  1111   (touching, same type: merged)
 *   11__     +   __22   ->  11 22  (touching, different: boundary kept)
 *   11_1                ->  11 1   (a hole keeps them apart)
 * Expect exactly those entries.
 */
static void e820__update_table_adjacent(void **state)
{
	LOAD(&t, { 2 * U, 2 * U, RAM }, { 0, 2 * U, RAM });
	assert_int_equal(e820__update_table(&t), 0);
	EXPECT(&t, { 0, 4 * U, RAM });

	LOAD(&t, { 0, 2 * U, RAM }, { 2 * U, 2 * U, RES });
	assert_int_equal(e820__update_table(&t), 0);
	EXPECT(&t, { 0, 2 * U, RAM }, { 2 * U, 2 * U, RES });

	LOAD(&t, { 0, 2 * U, RAM }, { 3 * U, U, RAM });
	assert_int_equal(e820__update_table(&t), 0);
	EXPECT(&t, { 0, 2 * U, RAM }, { 3 * U, U, RAM });
}

/*
 * Every overlap shape of two entries A (type a) and B (type b), with the
 * higher type first and second:
 *   partial left   AAAA__ / __BBBB      partial right  __AAAA / BBBB__
 *   containment    AAAAAA / __BB__      identical      AAAA / BBBB
 * Expect the higher type over the whole overlap, the lower elsewhere.
 */
static void e820__update_table_overlap_shapes(void **state)
{
	static const u32 pairs[][2] = { { RAM, RES }, { RES, RAM }, { ACPI, NVS }, { UNUS, RAM } };
	u32 i;

	for (i = 0; i < ARRAY_SIZE(pairs); i++) {
		u32 a = pairs[i][0], b = pairs[i][1], hi = max(a, b);

		/* partial left: A [0,4) B [2,6) */
		LOAD(&t, { 0, 4 * U, a }, { 2 * U, 4 * U, b });
		assert_int_equal(e820__update_table(&t), 0);
		if (hi == a)
			EXPECT(&t, { 0, 4 * U, a }, { 4 * U, 2 * U, b });
		else
			EXPECT(&t, { 0, 2 * U, a }, { 2 * U, 4 * U, b });

		/* partial right: A [2,6) B [0,4) */
		LOAD(&t, { 2 * U, 4 * U, a }, { 0, 4 * U, b });
		assert_int_equal(e820__update_table(&t), 0);
		if (hi == a)
			EXPECT(&t, { 0, 2 * U, b }, { 2 * U, 4 * U, a });
		else
			EXPECT(&t, { 0, 4 * U, b }, { 4 * U, 2 * U, a });

		/* containment: A [0,6) B [2,4) */
		LOAD(&t, { 0, 6 * U, a }, { 2 * U, 2 * U, b });
		assert_int_equal(e820__update_table(&t), 0);
		if (hi == a)
			EXPECT(&t, { 0, 6 * U, a });
		else
			EXPECT(&t, { 0, 2 * U, a }, { 2 * U, 2 * U, b }, { 4 * U, 2 * U, a });

		/* identical */
		LOAD(&t, { 0, 4 * U, a }, { 0, 4 * U, b });
		assert_int_equal(e820__update_table(&t), 0);
		EXPECT(&t, { 0, 4 * U, hi });
	}
}

/*
 * Three levels and a five-way pile where the winner changes at every point:
 *   11111111
 *   _222222_
 *   __3333__
 *   ___44___
 * and 1..5 starting one column apart, all ending at 10, given shuffled:
 *   1111111111 / _222222222 / __33333333 / ___4444444 / ____555555
 * Expect 1 2 3 44 3 2 1, and 1 2 3 4 555555.
 */
static void e820__update_table_stacked(void **state)
{
	LOAD(&t, { 0, 8 * U, 1 }, { U, 6 * U, 2 }, { 2 * U, 4 * U, 3 }, { 3 * U, 2 * U, 4 });
	assert_int_equal(e820__update_table(&t), 0);
	EXPECT(&t, { 0, U, 1 }, { U, U, 2 }, { 2 * U, U, 3 }, { 3 * U, 2 * U, 4 },
	       { 5 * U, U, 3 }, { 6 * U, U, 2 }, { 7 * U, U, 1 });

	LOAD(&t, { 4 * U, 6 * U, 5 }, { 2 * U, 8 * U, 3 }, { 0, 10 * U, 1 },
	     { 3 * U, 7 * U, 4 }, { U, 9 * U, 2 });
	assert_int_equal(e820__update_table(&t), 0);
	EXPECT(&t, { 0, U, 1 }, { U, U, 2 }, { 2 * U, U, 3 }, { 3 * U, U, 4 },
	       { 4 * U, 6 * U, 5 });
}

/*
 * Ties: several change points at one address.  At column 4 two entries
 * end (A, D) and two start (B, C):
 *   A  1111____
 *   D  __22____
 *   B  ____1111
 *   C  ____22__
 * Linux's cpcompare() sorts a start before an end at one address, so the
 * open set never empties at 4 and the reserved run goes on: expect
 * 11 2222 11 (ends first would split it: 11 22 22 11).  Equal points of
 * one kind may come in any order: all 24 input orders give that table.
 * A no-merge type on top is cut at every point, and the empty piece
 * between two points at one address is dropped:
 *   P  PPPPPPPP   (PRAM)
 *      __11____
 *      ____11__
 * Expect PP PP PP PP.
 */
static void e820__update_table_change_point_ties(void **state)
{
	static const struct ent in[4] = {
		{ 0, 4 * U, RAM }, { 2 * U, 2 * U, RES }, { 4 * U, 4 * U, RAM }, { 4 * U, 2 * U, RES },
	};
	u32 perm;

	for (perm = 0; perm < 24; perm++) {
		struct ent order[4];
		bool used[4] = { false };
		u32 code = perm, k, i;

		/* The perm-th permutation (factorial number system). */
		for (k = 0; k < 4; k++) {
			u32 fact = k == 0 ? 6 : k == 1 ? 2 : 1, pick = k == 3 ? 0 : code / fact;

			code = k == 3 ? 0 : code % fact;
			for (i = 0; i < 4; i++) {
				if (used[i])
					continue;
				if (pick-- == 0)
					break;
			}
			used[i] = true;
			order[k] = in[i];
		}
		load(&t, order, 4);
		assert_int_equal(e820__update_table(&t), 0);
		EXPECT(&t, { 0, 2 * U, RAM }, { 2 * U, 4 * U, RES }, { 6 * U, 2 * U, RAM });
	}

	LOAD(&t, { 0, 8 * U, PRAM }, { 2 * U, 2 * U, RAM }, { 4 * U, 2 * U, RAM });
	assert_int_equal(e820__update_table(&t), 0);
	EXPECT(&t, { 0, 2 * U, PRAM }, { 2 * U, 2 * U, PRAM }, { 4 * U, 2 * U, PRAM },
	       { 6 * U, 2 * U, PRAM });
}

/*
 * Types 3/4/5/7/12 inside RAM, and RAM inside them:
 *   11111111 + __XX____
 *   XXXXXXXX + __11____
 * Expect 11 XX 1111 (RAM split in three), and XXXXXXXX with the RAM gone
 * (PRAM, a no-merge type, cut in three at the RAM's ends).
 */
static void e820__update_table_types_over_ram(void **state)
{
	static const u32 types[] = { ACPI, NVS, UNUS, PMEM, PRAM };
	u32 i;

	for (i = 0; i < ARRAY_SIZE(types); i++) {
		u32 x = types[i];

		LOAD(&t, { 0, 8 * U, RAM }, { 2 * U, 2 * U, x });
		assert_int_equal(e820__update_table(&t), 0);
		EXPECT(&t, { 0, 2 * U, RAM }, { 2 * U, 2 * U, x }, { 4 * U, 4 * U, RAM });

		LOAD(&t, { 0, 8 * U, x }, { 2 * U, 2 * U, RAM });
		assert_int_equal(e820__update_table(&t), 0);
		if (x == PRAM)
			EXPECT(&t, { 0, 2 * U, x }, { 2 * U, 2 * U, x }, { 4 * U, 4 * U, x });
		else
			EXPECT(&t, { 0, 8 * U, x });
	}
}

/*
 * Type 0 behaves as absent; unknown types (6, 13, 0x1000) are kept as
 * they are and rank by their number:
 *   111111 + _00___         -> 111111
 *   111111 + _66___ + __DD__ (13) + ____X_ (0x1000 and 128 stacked)
 *                           -> 1 6 DD X 1
 * Expect 0x1000 to beat RESERVED_KERN (128): only the number counts.
 */
static void e820__update_table_type0_and_unknown(void **state)
{
	LOAD(&t, { 0, 4 * U, RAM }, { U, 2 * U, 0 });
	assert_int_equal(e820__update_table(&t), 0);
	EXPECT(&t, { 0, 4 * U, RAM });

	LOAD(&t, { 0, 4 * U, 0 }, { 8 * U, U, 0 });
	assert_int_equal(e820__update_table(&t), 0);
	EXPECT_EMPTY(&t);

	LOAD(&t, { 0, 6 * U, RAM }, { U, 2 * U, 6 }, { 2 * U, 2 * U, 13 },
	     { 4 * U, U, 0x1000 }, { 4 * U, U, KERN });
	assert_int_equal(e820__update_table(&t), 0);
	EXPECT(&t, { 0, U, RAM }, { U, U, 6 }, { 2 * U, 2 * U, 13 },
	       { 4 * U, U, 0x1000 }, { 5 * U, U, RAM });
}

/*
 * No-merge types X = PRAM (12) and SOFT_RESERVED:
 *   XX__ + __XX                 touching
 *   XXXXXX + _11___ + __22__    lower types inside
 *   XXXX + XXXX                 the same range twice
 *   11__ + __11 + ____XX        a mergeable type beside it
 * Expect XX XX (not merged); X X X X XX (cut at each lower entry's ends,
 * though they never show); one XXXX (equal points leave no empty piece);
 * 1111 XX.
 */
static void e820__update_table_nomerge(void **state)
{
	static const u32 types[] = { PRAM, SOFT };
	u32 i;

	for (i = 0; i < ARRAY_SIZE(types); i++) {
		u32 x = types[i];

		LOAD(&t, { 0, 2 * U, x }, { 2 * U, 2 * U, x });
		assert_int_equal(e820__update_table(&t), 0);
		EXPECT(&t, { 0, 2 * U, x }, { 2 * U, 2 * U, x });

		LOAD(&t, { 0, 6 * U, x }, { U, 2 * U, RAM }, { 2 * U, 2 * U, RES });
		assert_int_equal(e820__update_table(&t), 0);
		EXPECT(&t, { 0, U, x }, { U, U, x }, { 2 * U, U, x }, { 3 * U, U, x },
		       { 4 * U, 2 * U, x });

		LOAD(&t, { 0, 4 * U, x }, { 0, 4 * U, x });
		assert_int_equal(e820__update_table(&t), 0);
		EXPECT(&t, { 0, 4 * U, x });

		/* A mergeable type next to it still merges with itself. */
		LOAD(&t, { 0, 2 * U, RAM }, { 2 * U, 2 * U, RAM }, { 4 * U, 2 * U, x });
		assert_int_equal(e820__update_table(&t), 0);
		EXPECT(&t, { 0, 4 * U, RAM }, { 4 * U, 2 * U, x });
	}
}

/*
 * 64-bit edges:
 *   [2^64 - 4K, 2^64)        ends exactly at 2^64: counts as a wrap
 *   [2^64 - 4K, 2^64 + 4K)   wraps
 * Expect -1 and the whole table untouched (still unsorted).  An entry
 * ending at 2^64 - 1 and one starting at 0 are fine.
 */
static void e820__update_table_64bit_wrap(void **state)
{
	LOAD(&t, { 8 * U, U, RAM }, { 0, U, RAM }, { -U, U, RES });
	assert_int_equal(e820__update_table(&t), -1);
	EXPECT(&t, { 8 * U, U, RAM }, { 0, U, RAM }, { -U, U, RES });

	LOAD(&t, { 8 * U, U, RAM }, { -U, 2 * U, RES });
	assert_int_equal(e820__update_table(&t), -1);
	EXPECT(&t, { 8 * U, U, RAM }, { -U, 2 * U, RES });

	LOAD(&t, { -U, U - 1, RES }, { 0, -U, RAM });
	assert_int_equal(e820__update_table(&t), 0);
	EXPECT(&t, { 0, -U, RAM }, { -U, U - 1, RES });
}

/*
 * The 4 GiB boundary: RAM [0, 4G) and RAM [4G, 8G) touch at 4G;
 * reserved [4G - 1, 4G + 1) straddles it.
 * Expect the RAM merged across 4G, then split around the 2 bytes.
 */
static void e820__update_table_4g_boundary(void **state)
{
	LOAD(&t, { G4, G4, RAM }, { 0, G4, RAM });
	assert_int_equal(e820__update_table(&t), 0);
	EXPECT(&t, { 0, 2 * G4, RAM });

	LOAD(&t, { G4, G4, RAM }, { 0, G4, RAM }, { G4 - 1, 2, RES });
	assert_int_equal(e820__update_table(&t), 0);
	EXPECT(&t, { 0, G4 - 1, RAM }, { G4 - 1, 2, RES }, { G4 + 1, G4 - 1, RAM });

	/* ending at 4G exactly vs. 4G + 1: touching vs. overlapping */
	LOAD(&t, { 0, G4, RES }, { G4, U, RAM });
	assert_int_equal(e820__update_table(&t), 0);
	EXPECT(&t, { 0, G4, RES }, { G4, U, RAM });
	LOAD(&t, { 0, G4 + 1, RES }, { G4, U, RAM });
	assert_int_equal(e820__update_table(&t), 0);
	EXPECT(&t, { 0, G4 + 1, RES }, { G4 + 1, U - 1, RAM });
}

/*
 * Capacity: RAM over [0, 262) and 130 reserved holes at odd columns:
 *   1R1R1R...  (131 input entries, 261 pieces)
 * Expect the output cut at E820_MAX_ENTRIES (131) entries, the lowest
 * ones, and still return 0.  128 disjoint entries stay 128.
 */
static void e820__update_table_capacity(void **state)
{
	u32 i;

	t.nr_entries = 0;
	__e820__range_add(&t, 0, 262 * U, RAM);
	for (i = 0; i < E820_MAX_ENTRIES - 1; i++)
		__e820__range_add(&t, (2 * i + 1) * U, U, RES);
	assert_int_equal(t.nr_entries, E820_MAX_ENTRIES);
	assert_int_equal(e820__update_table(&t), 0);
	assert_int_equal(t.nr_entries, E820_MAX_ENTRIES);
	for (i = 0; i < E820_MAX_ENTRIES; i++) {
		assert_int_equal(t.entries[i].addr, i * U);
		assert_int_equal(t.entries[i].size, U);
		assert_int_equal(t.entries[i].type, i % 2 ? RES : RAM);
	}

	t.nr_entries = 0;
	for (i = 0; i < E820_MAX_ENTRIES_ZEROPAGE; i++)
		__e820__range_add(&t, (127 - i) * 2 * U, U, i % 3 + 1);
	assert_int_equal(e820__update_table(&t), 0);
	assert_int_equal(t.nr_entries, E820_MAX_ENTRIES_ZEROPAGE);
	for (i = 1; i < t.nr_entries; i++)
		assert_true(t.entries[i].addr == t.entries[i - 1].addr + 2 * U);
}

/* A table claiming more entries than it has room for.  Expect a BUG. */
static void e820__update_table_overfull_bugs(void **state)
{
	t.nr_entries = E820_MAX_ENTRIES + 1;
	if (setjmp(panic_jmp) == 0) {
		e820__update_table(&t);
		fail_msg("no BUG for nr_entries > E820_MAX_ENTRIES");
	}
	assert_non_null(strstr(panic_msg, "kernel BUG at"));
}

/* A tiny xorshift so the property tests are repeatable. */
static u64 rng_state = 0x9e3779b97f4a7c15ULL;
static u64 rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* Per-column reference: the highest type covering each column (no-merge types excluded). */
static void oracle(const struct e820_table *in, struct e820_table *o, u32 cols)
{
	u32 col[64] = { 0 }, c, i;

	for (i = 0; i < in->nr_entries; i++)
		for (c = in->entries[i].addr / U; c < (in->entries[i].addr + in->entries[i].size) / U; c++)
			col[c] = max(col[c], (u32)in->entries[i].type);
	o->nr_entries = 0;
	for (c = 0; c < cols; c++) {
		if (!col[c])
			continue;
		if (o->nr_entries && col[c] == o->entries[o->nr_entries - 1].type &&
		    o->entries[o->nr_entries - 1].addr + o->entries[o->nr_entries - 1].size == c * U)
			o->entries[o->nr_entries - 1].size += U;
		else
			__e820__range_add(o, c * U, U, col[c]);
	}
}

/*
 * 2000 random tables of 2..12 entries over 32 columns, types 0..5 and 128:
 * Expect the oracle's answer, sanitise(sanitise(x)) == sanitise(x), and
 * the same result for a shuffled copy.
 */
static void e820__update_table_random_properties(void **state)
{
	static const u32 types[] = { 0, RAM, RES, ACPI, NVS, UNUS, KERN };
	struct e820_table again, shuffled, want;
	u32 round, i;

	for (round = 0; round < 2000; round++) {
		u32 n = 2 + rng() % 11;

		t.nr_entries = 0;
		for (i = 0; i < n; i++) {
			u32 a = rng() % 32, s = rng() % (33 - a);

			__e820__range_add(&t, a * U, s * U, types[rng() % ARRAY_SIZE(types)]);
		}
		shuffled = t;
		for (i = n - 1; i > 0; i--) {
			u32 j = rng() % (i + 1);
			struct e820_entry tmp = shuffled.entries[i];

			shuffled.entries[i] = shuffled.entries[j];
			shuffled.entries[j] = tmp;
		}
		oracle(&t, &want, 32);

		assert_int_equal(e820__update_table(&t), 0);
		expect_same(&t, &want, "oracle");
		assert_int_equal(e820__update_table(&shuffled), 0);
		expect_same(&shuffled, &t, "shuffled");
		again = t;
		if (e820__update_table(&again) == 0)
			expect_same(&again, &t, "idempotent");
	}
}

/* ============================================================ edits */

/*
 * Appending to a full table:
 * Expect the entry dropped with Linux's "too many entries" line.
 */
static void __e820__range_add_full_table(void **state)
{
	u32 i;

	for (i = 0; i < E820_MAX_ENTRIES; i++)
		__e820__range_add(&t, i * U, U, RAM);
	restart_capture();
	__e820__range_add(&t, G4, SZ_1M_, RES);
	assert_int_equal(t.nr_entries, E820_MAX_ENTRIES);
	assert_string_equal(out, "[    0.000000] too many entries; ignoring [mem 0x100000000-0x1000fffff]\n");
}

/* e820__range_add() appends to e820_table, unsorted.  Expect two entries in call order. */
static void e820__range_add_appends(void **state)
{
	e820__range_add(G4, U, RAM);
	e820__range_add(0, U, RES);
	EXPECT(e820_table, { G4, U, RAM }, { 0, U, RES });
}

/*
 * Retype cases, range R = [4, 8) RAM -> reserved:
 *   fully covered   ____1111____   -> entry retyped in place
 *   interior        111111111111   -> 1111 kept, 2222 and 1111 appended
 *   head            ______111111   -> 2222 appended (at 6..8), entry from 8
 *   tail            111111______   -> entry to 4, 22 appended
 *   mismatch        ____3333____   -> untouched, 0 bytes
 * Expect the bytes retyped as the return value and the same map as
 * Linux after sanitising.
 */
static void e820__range_update_table_cases(void **state)
{
	LOAD(&t, { 4 * U, 4 * U, RAM });
	assert_int_equal(e820__range_update_table(&t, 4 * U, 4 * U, RAM, RES), 4 * U);
	EXPECT(&t, { 4 * U, 4 * U, RES });

	LOAD(&t, { 0, 12 * U, RAM });
	assert_int_equal(e820__range_update_table(&t, 4 * U, 4 * U, RAM, RES), 4 * U);
	EXPECT(&t, { 0, 4 * U, RAM }, { 4 * U, 4 * U, RES }, { 8 * U, 4 * U, RAM });

	LOAD(&t, { 6 * U, 6 * U, RAM });
	assert_int_equal(e820__range_update_table(&t, 4 * U, 4 * U, RAM, RES), 2 * U);
	EXPECT(&t, { 8 * U, 4 * U, RAM }, { 6 * U, 2 * U, RES });

	LOAD(&t, { 0, 6 * U, RAM });
	assert_int_equal(e820__range_update_table(&t, 4 * U, 4 * U, RAM, RES), 2 * U);
	EXPECT(&t, { 0, 4 * U, RAM }, { 4 * U, 2 * U, RES });

	LOAD(&t, { 4 * U, 4 * U, ACPI });
	assert_int_equal(e820__range_update_table(&t, 4 * U, 4 * U, RAM, RES), 0);
	EXPECT(&t, { 4 * U, 4 * U, ACPI });

	/* spanning several entries, then sanitised */
	LOAD(&t, { 0, 3 * U, RAM }, { 3 * U, 2 * U, ACPI }, { 5 * U, 5 * U, RAM });
	assert_int_equal(e820__range_update_table(&t, 2 * U, 4 * U, RAM, RES), 2 * U);
	assert_int_equal(e820__update_table(&t), 0);
	EXPECT(&t, { 0, 2 * U, RAM }, { 2 * U, U, RES }, { 3 * U, 2 * U, ACPI },
	       { 5 * U, U, RES }, { 6 * U, 4 * U, RAM });
}

/*
 * The line Linux prints for its first edit of the 1 GiB reference boot,
 * and a size that would run past 2^64 (clipped to end at 2^64 - 1).
 * Expect both lines byte for byte and 4096 bytes retyped.
 */
static void e820__range_update_log_and_clip(void **state)
{
	LOAD(e820_table, { 0, 0x9fc00, RAM }, { 0x100000, 0x3fee0000, RAM });
	restart_capture();
	assert_int_equal(e820__range_update(0, 0x1000, RAM, RES), 0x1000);
	assert_string_equal(out, "[    0.000000] e820: update [mem 0x00000000-0x00000fff] usable ==> reserved\n");

	restart_capture();
	assert_int_equal(e820__range_update(G4, ~0ULL, RAM, KERN), 0);
	assert_string_equal(out, "[    0.000000] e820: update [mem 0x100000000-0xfffffffffffffffe] usable ==> usable\n");

	LOAD(e820_table, { -2 * U, 2 * U - 1, RAM });
	assert_int_equal(e820__range_update(-U, ~0ULL, RAM, RES), U - 1);
}

/*
 * Retyping the middle of an entry in a full table, where the two pieces
 * it appends do not fit:
 *   1111111111  plus 130 other entries;  update [4, 6) 1 -> 2
 * Expect two "too many entries" lines, the entry cut to its head (middle
 * and tail lost, as in Linux) and 2 units still reported as retyped.
 */
static void e820__range_update_table_full(void **state)
{
	u32 i;

	__e820__range_add(&t, 0, 10 * U, RAM);
	for (i = 1; i < E820_MAX_ENTRIES; i++)
		__e820__range_add(&t, G4 + i * U, U, RES);
	restart_capture();
	assert_int_equal(e820__range_update_table(&t, 4 * U, 2 * U, RAM, RES), 2 * U);
	assert_string_equal(out,
		"[    0.000000] e820: update [mem 0x00004000-0x00005fff] usable ==> reserved\n"
		"[    0.000000] too many entries; ignoring [mem 0x00004000-0x00005fff]\n"
		"[    0.000000] too many entries; ignoring [mem 0x00006000-0x00009fff]\n");
	assert_int_equal(t.nr_entries, E820_MAX_ENTRIES);
	assert_int_equal(t.entries[0].size, 4 * U);
}

/* old_type == new_type is a BUG in Linux.  Expect a panic, not a silent no-op. */
static void e820__range_update_same_type_bugs(void **state)
{
	if (setjmp(panic_jmp) == 0) {
		e820__range_update(0, U, RAM, RAM);
		fail_msg("no BUG for old_type == new_type");
	}
	assert_non_null(strstr(panic_msg, "kernel BUG at"));
}

/*
 * Removal, range [4, 8):
 *   fully covered   ____1111____   -> zero entry (0, 0, 0) left in place
 *   interior        111111111111   -> 1111 kept, tail 1111 appended
 *   head / tail                    -> trimmed
 *   check_type off  ____3333____   -> removed too
 * Expect the return in bytes and the zero entries gone after sanitising.
 */
static void __e820__range_remove_cases(void **state)
{
	LOAD(&t, { 4 * U, 4 * U, RAM }, { 0, U, RES });
	assert_int_equal(__e820__range_remove(&t, 4 * U, 4 * U, RAM, true), 4 * U);
	EXPECT(&t, { 0, 0, 0 }, { 0, U, RES });
	assert_int_equal(e820__update_table(&t), 0);
	EXPECT(&t, { 0, U, RES });

	LOAD(&t, { 0, 12 * U, RAM });
	assert_int_equal(__e820__range_remove(&t, 4 * U, 4 * U, RAM, true), 4 * U);
	EXPECT(&t, { 0, 4 * U, RAM }, { 8 * U, 4 * U, RAM });

	LOAD(&t, { 6 * U, 6 * U, RAM }, { 0, 6 * U, RAM });
	assert_int_equal(__e820__range_remove(&t, 4 * U, 4 * U, RAM, true), 4 * U);
	EXPECT(&t, { 8 * U, 4 * U, RAM }, { 0, 4 * U, RAM });

	LOAD(&t, { 4 * U, 4 * U, ACPI });
	assert_int_equal(__e820__range_remove(&t, 4 * U, 4 * U, RAM, true), 0);
	EXPECT(&t, { 4 * U, 4 * U, ACPI });
	assert_int_equal(__e820__range_remove(&t, 4 * U, 4 * U, 0, false), 4 * U);
	EXPECT(&t, { 0, 0, 0 });
}

/*
 * Removing the middle of an entry in a full table, where the tail it
 * appends does not fit:
 *   1111111111  plus 130 other entries;  remove [4, 6)
 * Expect the remove line, one "too many entries" line for the tail, the
 * entry cut to its head 1111 (the tail lost, as in Linux) and 2 units
 * still reported as removed.
 */
static void __e820__range_remove_full_table(void **state)
{
	u32 i;

	__e820__range_add(&t, 0, 10 * U, RAM);
	for (i = 1; i < E820_MAX_ENTRIES; i++)
		__e820__range_add(&t, G4 + i * U, U, RES);
	restart_capture();
	assert_int_equal(__e820__range_remove(&t, 4 * U, 2 * U, RAM, true), 2 * U);
	assert_string_equal(out,
		"[    0.000000] e820: remove [mem 0x00004000-0x00005fff] usable\n"
		"[    0.000000] too many entries; ignoring [mem 0x00006000-0x00009fff]\n");
	assert_int_equal(t.nr_entries, E820_MAX_ENTRIES);
	assert_int_equal(t.entries[0].addr, 0);
	assert_int_equal(t.entries[0].size, 4 * U);
}

/*
 * The second edit of the reference boots (trim_bios_range), and a removal
 * without a type; mem=-style removal to 2^64 is clipped at 2^64 - 1.
 * Expect Linux's lines byte for byte.
 */
static void e820__range_remove_log_and_clip(void **state)
{
	LOAD(e820_table, { 0, 0x9fc00, RAM }, { 0x9fc00, 0x400, RES },
	     { 0xf0000, 0x10000, RES }, { 0x100000, 0x3fee0000, RAM });
	restart_capture();
	assert_int_equal(e820__range_remove(BIOS_BEGIN, BIOS_END - BIOS_BEGIN, RAM, true), 0);
	e820__range_remove(0x9fc00, 0x400, 0, false);
	assert_string_equal(out,
		"[    0.000000] e820: remove [mem 0x000a0000-0x000fffff] usable\n"
		"[    0.000000] e820: remove [mem 0x0009fc00-0x0009ffff] \n");

	assert_int_equal(e820__range_remove(0x200000, ~0ULL, RAM, true), 0x3fee0000 - 0x100000);
	assert_int_equal(e820__update_table(e820_table), 0);
	EXPECT(e820_table, { 0, 0x9fc00, RAM }, { 0xf0000, 0x10000, RES },
	       { 0x100000, 0x100000, RAM });
}

/* ============================================================ queries */

/*
 *   RAM [0, 4G)  reserved [4G, 4G + 4K)  hole  RAM [4G + 8K, 4G + 12K)
 * Expect any/all/get_entry_type to see the 4G boundary exactly:
 * [4G - 1, 4G) is RAM, [4G - 1, 4G + 1) is all mapped but not all RAM.
 */
static void e820__mapped_any_all_4g(void **state)
{
	LOAD(e820_table, { 0, G4, RAM }, { G4, U, RES }, { G4 + 2 * U, U, RAM });

	assert_true(e820__mapped_any(G4 - 1, G4, RAM));
	assert_false(e820__mapped_any(G4, G4 + 1, RAM));
	assert_true(e820__mapped_any(G4, G4 + 1, 0));
	assert_false(e820__mapped_any(G4 + U, G4 + 2 * U, 0));
	assert_true(e820__mapped_any(G4 + U, G4 + 2 * U + 1, RAM));

	assert_true(e820__mapped_all(0, G4, RAM));
	assert_false(e820__mapped_all(G4 - 1, G4 + 1, RAM));
	assert_true(e820__mapped_all(G4 - 1, G4 + 1, 0));
	assert_false(e820__mapped_all(G4, G4 + 3 * U, 0));

	assert_int_equal(e820__get_entry_type(G4 - U, G4), RAM);
	assert_int_equal(e820__get_entry_type(G4 - U, G4 + 1), RES);
	assert_int_equal(e820__get_entry_type(G4 + U, G4 + 2 * U), -EINVAL);

	memcpy(e820_table_firmware, e820_table, sizeof(*e820_table));
	e820_table->nr_entries = 0;
	assert_true(e820__mapped_raw_any(G4 - 1, G4, RAM));
	assert_false(e820__mapped_any(G4 - 1, G4, RAM));
}

/* ============================================================ printing */

/*
 * One entry of every type, printed in Linux 6.1's format.
 * Expect each name from Linux's e820_print_type(), end inclusive.
 */
static void e820__print_table_all_types(void **state)
{
	LOAD(e820_table, { 0, 0x9fc00, RAM }, { 0x9fc00, 0x400, RES }, { 0xa0000, U, ACPI },
	     { 0xa1000, U, NVS }, { 0xa2000, U, UNUS }, { 0xa3000, U, 6 },
	     { 0xa4000, U, PMEM }, { 0xa5000, U, PRAM }, { 0xa6000, U, KERN },
	     { 0xa7000, U, SOFT }, { 0xfd00000000ULL, 0x300000000ULL, 13 });
	restart_capture();
	e820__print_table("BIOS-e820");
	assert_string_equal(out,
		"[    0.000000] BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable\n"
		"[    0.000000] BIOS-e820: [mem 0x000000000009fc00-0x000000000009ffff] reserved\n"
		"[    0.000000] BIOS-e820: [mem 0x00000000000a0000-0x00000000000a0fff] ACPI data\n"
		"[    0.000000] BIOS-e820: [mem 0x00000000000a1000-0x00000000000a1fff] ACPI NVS\n"
		"[    0.000000] BIOS-e820: [mem 0x00000000000a2000-0x00000000000a2fff] unusable\n"
		"[    0.000000] BIOS-e820: [mem 0x00000000000a3000-0x00000000000a3fff] type 6\n"
		"[    0.000000] BIOS-e820: [mem 0x00000000000a4000-0x00000000000a4fff] persistent (type 7)\n"
		"[    0.000000] BIOS-e820: [mem 0x00000000000a5000-0x00000000000a5fff] persistent (type 12)\n"
		"[    0.000000] BIOS-e820: [mem 0x00000000000a6000-0x00000000000a6fff] usable\n"
		"[    0.000000] BIOS-e820: [mem 0x00000000000a7000-0x00000000000a7fff] soft reserved\n"
		"[    0.000000] BIOS-e820: [mem 0x000000fd00000000-0x000000ffffffffff] type 13\n");
}

/*
 * The seed's 2.6 map in the legacy format, switched on by the
 * "e820.legacy_format" parameter and off by "e820.legacy_format=0".
 * Expect the seed's lines (leading space, exclusive end, parentheses).
 */
static void e820__print_table_legacy_format(void **state)
{
	LOAD(e820_table, { 0, 0x9f800, RAM }, { 0x9f800, 0x800, RES },
	     { 0x7fef0000, 0xf000, ACPI }, { 0x7feff000, 0x1000, NVS },
	     { 0xa0000000, U, UNUS }, { 0xa0001000, U, PRAM }, { 0xfffe0000, 0x20000, RES });
	parse_early_param("console=ttyS0 e820.legacy_format");
	assert_true(e820_legacy_format);
	restart_capture();
	e820__print_table("BIOS-e820");
	assert_string_equal(out,
		"[    0.000000]  BIOS-e820: 0000000000000000 - 000000000009f800 (usable)\n"
		"[    0.000000]  BIOS-e820: 000000000009f800 - 00000000000a0000 (reserved)\n"
		"[    0.000000]  BIOS-e820: 000000007fef0000 - 000000007feff000 (ACPI data)\n"
		"[    0.000000]  BIOS-e820: 000000007feff000 - 000000007ff00000 (ACPI NVS)\n"
		"[    0.000000]  BIOS-e820: 00000000a0000000 - 00000000a0001000 (unusable)\n"
		"[    0.000000]  BIOS-e820: 00000000a0001000 - 00000000a0002000 type 12\n"
		"[    0.000000]  BIOS-e820: 00000000fffe0000 - 0000000100000000 (reserved)\n");
	parse_early_param("e820.legacy_format=0");
	assert_false(e820_legacy_format);
	restart_capture();
	parse_early_param("e820.legacy_format=maybe");
	assert_false(e820_legacy_format);
	assert_string_equal(out, "[    0.000000] Malformed early option 'e820.legacy_format'\n");
}

/*
 * e820__update_table_print() prints only when the table was rewritten.
 * Expect nothing for a one-entry table, "modified" lines for two.
 */
static void e820__update_table_print_only_on_change(void **state)
{
	LOAD(e820_table, { 0, U, RAM });
	restart_capture();
	e820__update_table_print();
	assert_string_equal(out, "");

	LOAD(e820_table, { U, U, RAM }, { 0, U, RAM });
	e820__update_table_print();
	assert_string_equal(out,
		"[    0.000000] modified physical RAM map:\n"
		"[    0.000000] modified: [mem 0x0000000000000000-0x0000000000001fff] usable\n");
}

/* ============================================================ sources */

static struct boot_params bp;

/* Read a tests/data/NAME fixture ("addr size type" lines) into bp. */
static void load_fixture(const char *name)
{
	char path[256], line[256];
	FILE *f;

	memset(&bp, 0, sizeof(bp));
	snprintf(path, sizeof(path), "tests/data/%s", name);
	f = fopen(path, "r");
	if (!f)
		fail_msg("cannot open %s (run from the top of the tree)", path);
	while (fgets(line, sizeof(line), f)) {
		unsigned long long a, s;
		unsigned int ty;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (sscanf(line, "%lli %lli %i", &a, &s, &ty) != 3)
			fail_msg("%s: bad line: %s", path, line);
		assert_true(bp.e820_entries < E820_MAX_ENTRIES_ZEROPAGE);
		bp.e820_table[bp.e820_entries].addr = a;
		bp.e820_table[bp.e820_entries].size = s;
		bp.e820_table[bp.e820_entries].type = ty;
		bp.e820_entries++;
	}
	fclose(f);
}

/*
 * The firmware map of the 1 GiB reference boot, through
 * e820__memory_setup().  Expect the reference log's lines byte for byte
 * and the kexec and firmware tables to be copies.
 */
static void e820__memory_setup_seabios_1g(void **state)
{
	load_fixture("qemu-seabios-1G.e820");
	e820__memory_setup(&bp);
	assert_string_equal(out,
		"[    0.000000] BIOS-provided physical RAM map:\n"
		"[    0.000000] BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable\n"
		"[    0.000000] BIOS-e820: [mem 0x000000000009fc00-0x000000000009ffff] reserved\n"
		"[    0.000000] BIOS-e820: [mem 0x00000000000f0000-0x00000000000fffff] reserved\n"
		"[    0.000000] BIOS-e820: [mem 0x0000000000100000-0x000000003ffdffff] usable\n"
		"[    0.000000] BIOS-e820: [mem 0x000000003ffe0000-0x000000003fffffff] reserved\n"
		"[    0.000000] BIOS-e820: [mem 0x00000000fffc0000-0x00000000ffffffff] reserved\n");
	expect_same(e820_table_kexec, e820_table, "kexec");
	expect_same(e820_table_firmware, e820_table, "firmware");
}

/*
 * The 4 GiB x86_64 reference map (RAM above 4G, reserved at 1012 GiB),
 * SeaBIOS's 128 MiB map (from the reference README's rule), and the
 * overlapping, unsorted map with qboot's trailing zero entry.
 * Expect the reference lines; for 128 MiB last_pfn 0x7fe0 and the PCI gap
 * from 128 MiB; the overlaps resolved by type.
 */
static void e820__memory_setup_fixtures(void **state)
{
	load_fixture("qemu-seabios-4G-x86_64.e820");
	e820__memory_setup(&bp);
	assert_string_equal(out,
		"[    0.000000] BIOS-provided physical RAM map:\n"
		"[    0.000000] BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable\n"
		"[    0.000000] BIOS-e820: [mem 0x000000000009fc00-0x000000000009ffff] reserved\n"
		"[    0.000000] BIOS-e820: [mem 0x00000000000f0000-0x00000000000fffff] reserved\n"
		"[    0.000000] BIOS-e820: [mem 0x0000000000100000-0x00000000bffdffff] usable\n"
		"[    0.000000] BIOS-e820: [mem 0x00000000bffe0000-0x00000000bfffffff] reserved\n"
		"[    0.000000] BIOS-e820: [mem 0x00000000fffc0000-0x00000000ffffffff] reserved\n"
		"[    0.000000] BIOS-e820: [mem 0x0000000100000000-0x000000013fffffff] usable\n"
		"[    0.000000] BIOS-e820: [mem 0x000000fd00000000-0x000000ffffffffff] reserved\n");

	e820_table->nr_entries = 0;
	load_fixture("qemu-seabios-128M.e820");
	restart_capture();
	e820__memory_setup(&bp);
	assert_int_equal(e820__end_of_ram_pfn(), 0x7fe0);
	e820__setup_pci_gap();
	assert_string_equal(out,
		"[    0.000000] BIOS-provided physical RAM map:\n"
		"[    0.000000] BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable\n"
		"[    0.000000] BIOS-e820: [mem 0x000000000009fc00-0x000000000009ffff] reserved\n"
		"[    0.000000] BIOS-e820: [mem 0x00000000000f0000-0x00000000000fffff] reserved\n"
		"[    0.000000] BIOS-e820: [mem 0x0000000000100000-0x0000000007fdffff] usable\n"
		"[    0.000000] BIOS-e820: [mem 0x0000000007fe0000-0x0000000007ffffff] reserved\n"
		"[    0.000000] BIOS-e820: [mem 0x00000000fffc0000-0x00000000ffffffff] reserved\n"
		"[    0.000000] last_pfn = 0x7fe0 max_arch_pfn = 0x100000\n"
		"[    0.000000] [mem 0x08000000-0xfffbffff] available for PCI devices\n");

	e820_table->nr_entries = 0;
	load_fixture("overlapping-bios.e820");
	restart_capture();
	e820__memory_setup(&bp);
	assert_string_equal(out,
		"[    0.000000] BIOS-provided physical RAM map:\n"
		"[    0.000000] BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable\n"
		"[    0.000000] BIOS-e820: [mem 0x000000000009fc00-0x000000000009ffff] reserved\n"
		"[    0.000000] BIOS-e820: [mem 0x00000000000e8000-0x00000000000fffff] reserved\n"
		"[    0.000000] BIOS-e820: [mem 0x0000000000100000-0x000000001ffdffff] usable\n"
		"[    0.000000] BIOS-e820: [mem 0x000000001ffe0000-0x000000001ffeffff] ACPI data\n"
		"[    0.000000] BIOS-e820: [mem 0x000000001fff0000-0x000000001fffffff] ACPI NVS\n");
}

/*
 * The 2 GiB i386 and 512 MiB x86_64 reference boots, from the firmware
 * map through trim_bios_range's edits to max_pfn and the PCI gap:
 *   usable 0-0x9fbff | EBDA | ROM | usable 1M-(TOP-128K) | reserved | BIOS
 *   (+ the 1012 GiB HyperTransport hole under qemu-system-x86_64)
 * Expect every e820 line of shared/reference/{i386-2G,amd64-512M}.log.
 */
static void e820__memory_setup_reference_logs(void **state)
{
	load_fixture("qemu-seabios-2G.e820");
	e820__memory_setup(&bp);
	e820__range_update(0, PAGE_SIZE, RAM, RES);
	e820__range_remove(BIOS_BEGIN, BIOS_END - BIOS_BEGIN, RAM, true);
	e820__update_table(e820_table);
	assert_int_equal(e820__end_of_ram_pfn(), 0x7ffe0);
	e820__setup_pci_gap();
	assert_string_equal(out,
		"[    0.000000] BIOS-provided physical RAM map:\n"
		"[    0.000000] BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable\n"
		"[    0.000000] BIOS-e820: [mem 0x000000000009fc00-0x000000000009ffff] reserved\n"
		"[    0.000000] BIOS-e820: [mem 0x00000000000f0000-0x00000000000fffff] reserved\n"
		"[    0.000000] BIOS-e820: [mem 0x0000000000100000-0x000000007ffdffff] usable\n"
		"[    0.000000] BIOS-e820: [mem 0x000000007ffe0000-0x000000007fffffff] reserved\n"
		"[    0.000000] BIOS-e820: [mem 0x00000000fffc0000-0x00000000ffffffff] reserved\n"
		"[    0.000000] e820: update [mem 0x00000000-0x00000fff] usable ==> reserved\n"
		"[    0.000000] e820: remove [mem 0x000a0000-0x000fffff] usable\n"
		"[    0.000000] last_pfn = 0x7ffe0 max_arch_pfn = 0x100000\n"
		"[    0.000000] [mem 0x80000000-0xfffbffff] available for PCI devices\n");

	e820_table->nr_entries = 0;
	load_fixture("qemu-seabios-512M-x86_64.e820");
	restart_capture();
	e820__memory_setup(&bp);
	e820__range_update(0, PAGE_SIZE, RAM, RES);
	e820__range_remove(BIOS_BEGIN, BIOS_END - BIOS_BEGIN, RAM, true);
	e820__update_table(e820_table);
	assert_int_equal(__e820__end_ram_pfn(e820_table, 0x400000000UL, 0x400000000UL), 0x1ffe0);
	e820__setup_pci_gap();
	assert_string_equal(out,
		"[    0.000000] BIOS-provided physical RAM map:\n"
		"[    0.000000] BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable\n"
		"[    0.000000] BIOS-e820: [mem 0x000000000009fc00-0x000000000009ffff] reserved\n"
		"[    0.000000] BIOS-e820: [mem 0x00000000000f0000-0x00000000000fffff] reserved\n"
		"[    0.000000] BIOS-e820: [mem 0x0000000000100000-0x000000001ffdffff] usable\n"
		"[    0.000000] BIOS-e820: [mem 0x000000001ffe0000-0x000000001fffffff] reserved\n"
		"[    0.000000] BIOS-e820: [mem 0x00000000fffc0000-0x00000000ffffffff] reserved\n"
		"[    0.000000] BIOS-e820: [mem 0x000000fd00000000-0x000000ffffffffff] reserved\n"
		"[    0.000000] e820: update [mem 0x00000000-0x00000fff] usable ==> reserved\n"
		"[    0.000000] e820: remove [mem 0x000a0000-0x000fffff] usable\n"
		"[    0.000000] last_pfn = 0x1ffe0 max_arch_pfn = 0x400000000\n"
		"[    0.000000] [mem 0x20000000-0xfffbffff] available for PCI devices\n");
}

/* A setup_data node in simulated RAM: header, then @len bytes of payload. */
static struct setup_data *put_node(u64 pa, u64 next, u32 type, u32 len)
{
	struct setup_data *sd = __va(pa);

	sd->next = next;
	sd->type = type;
	sd->len = len;
	return sd;
}

static void put_indirect(struct setup_data *sd, u32 type, u64 addr, u64 len)
{
	struct setup_indirect *ind = (struct setup_indirect *)sd->data;

	*ind = (struct setup_indirect){ .type = type, .addr = addr, .len = len };
}

/*
 * Three loader nodes in low RAM, the second pointing at a PCI ROM block
 * at 2 MiB, the third a nested indirect node (not followed):
 *   0x10000 E820_EXT, 40 bytes  -> 0x20000 INDIRECT|PCI [2M, 2M+12K)
 *                               -> 0x30000 INDIRECT{INDIRECT} [4M, +4K)
 *   usable 0-0x9fbff, EBDA, usable 1M-16M
 * Expect each node (16-byte header + payload) and the PCI block retyped
 * RAM -> RESERVED_KERN ("usable ==> usable", as Linux prints both), the
 * nested target left alone, and the map printed as "reserve setup_data".
 * No list: nothing happens, nothing is printed.
 */
static void e820__reserve_setup_data_nodes(void **state)
{
	struct setup_data *sd;

	assert_int_equal(sim_ram_setup(16 * SZ_1M_), 0);
	e820__reserve_setup_data(0, 16 * SZ_1M_);
	assert_string_equal(out, "");

	LOAD(e820_table, { 0, 0x9fc00, RAM }, { 0x9fc00, 0x400, RES }, { SZ_1M_, 15 * SZ_1M_, RAM });
	put_node(0x10000, 0x20000, SETUP_E820_EXT, 40);
	sd = put_node(0x20000, 0x30000, SETUP_INDIRECT, sizeof(struct setup_indirect));
	put_indirect(sd, SETUP_INDIRECT | SETUP_PCI, 2 * SZ_1M_, 3 * U);
	sd = put_node(0x30000, 0, SETUP_INDIRECT, sizeof(struct setup_indirect));
	put_indirect(sd, SETUP_INDIRECT, 4 * SZ_1M_, U);

	e820__reserve_setup_data(0x10000, 16 * SZ_1M_);
	assert_string_equal(out,
		"[    0.000000] e820: update [mem 0x00010000-0x00010037] usable ==> usable\n"
		"[    0.000000] e820: update [mem 0x00020000-0x00020027] usable ==> usable\n"
		"[    0.000000] e820: update [mem 0x00200000-0x00202fff] usable ==> usable\n"
		"[    0.000000] e820: update [mem 0x00030000-0x00030027] usable ==> usable\n"
		"[    0.000000] extended physical RAM map:\n"
		"[    0.000000] reserve setup_data: [mem 0x0000000000000000-0x000000000000ffff] usable\n"
		"[    0.000000] reserve setup_data: [mem 0x0000000000010000-0x0000000000010037] usable\n"
		"[    0.000000] reserve setup_data: [mem 0x0000000000010038-0x000000000001ffff] usable\n"
		"[    0.000000] reserve setup_data: [mem 0x0000000000020000-0x0000000000020027] usable\n"
		"[    0.000000] reserve setup_data: [mem 0x0000000000020028-0x000000000002ffff] usable\n"
		"[    0.000000] reserve setup_data: [mem 0x0000000000030000-0x0000000000030027] usable\n"
		"[    0.000000] reserve setup_data: [mem 0x0000000000030028-0x000000000009fbff] usable\n"
		"[    0.000000] reserve setup_data: [mem 0x000000000009fc00-0x000000000009ffff] reserved\n"
		"[    0.000000] reserve setup_data: [mem 0x0000000000100000-0x00000000001fffff] usable\n"
		"[    0.000000] reserve setup_data: [mem 0x0000000000200000-0x0000000000202fff] usable\n"
		"[    0.000000] reserve setup_data: [mem 0x0000000000203000-0x0000000000ffffff] usable\n");
	EXPECT(e820_table, { 0, 0x10000, RAM }, { 0x10000, 0x38, KERN }, { 0x10038, 0xffc8, RAM },
	       { 0x20000, 0x28, KERN }, { 0x20028, 0xffd8, RAM }, { 0x30000, 0x28, KERN },
	       { 0x30028, 0x9fc00 - 0x30028, RAM }, { 0x9fc00, 0x400, RES },
	       { SZ_1M_, SZ_1M_, RAM }, { 2 * SZ_1M_, 3 * U, KERN },
	       { 2 * SZ_1M_ + 3 * U, 14 * SZ_1M_ - 3 * U, RAM });
	sim_ram_teardown();
}

/*
 * The boot protocol does not align setup_data: a node at 0x10003 whose
 * next is an indirect node at 0x20005, and a SETUP_E820_EXT node at
 * 0x30001 (found by the fuzzer: UBSan's misaligned u64 loads).
 *   usable 0-0x9fbff | EBDA | usable 1M-16M
 * Expect the same retyping as for aligned nodes (node 0x10003+0x18,
 * node 0x20005+0x28, target [2M, 2M + 4K)) and the extended entry added.
 */
static void e820__reserve_setup_data_unaligned(void **state)
{
	struct setup_indirect ind = { .type = SETUP_INDIRECT | SETUP_PCI, .addr = 2 * SZ_1M_, .len = U };
	struct setup_data a = { .next = 0x20005, .type = SETUP_DTB, .len = 8 };
	struct setup_data b = { .next = 0, .type = SETUP_INDIRECT, .len = sizeof(ind) };
	struct setup_data c = { .next = 0, .type = SETUP_E820_EXT, .len = 2 * 20 };
	struct boot_e820_entry ext[2] = { { 4 * G4, G4, RAM }, { 5 * G4, U, RES } };
	u8 *mem;

	assert_int_equal(sim_ram_setup(16 * SZ_1M_), 0);
	mem = __va(0);
	memcpy(mem + 0x10003, &a, sizeof(a));
	memcpy(mem + 0x20005, &b, sizeof(b));
	memcpy(mem + 0x20005 + sizeof(b), &ind, sizeof(ind));
	memcpy(mem + 0x30001, &c, sizeof(c));
	memcpy(mem + 0x30001 + sizeof(c), ext, sizeof(ext));

	LOAD(e820_table, { 0, 0x9fc00, RAM }, { 0x9fc00, 0x400, RES }, { SZ_1M_, 15 * SZ_1M_, RAM });
	host_console_quiet(true);
	e820__reserve_setup_data(0x10003, 16 * SZ_1M_);
	EXPECT(e820_table, { 0, 0x10003, RAM }, { 0x10003, 0x18, KERN },
	       { 0x1001b, 0x20005 - 0x1001b, RAM }, { 0x20005, 0x28, KERN },
	       { 0x2002d, 0x9fc00 - 0x2002d, RAM }, { 0x9fc00, 0x400, RES },
	       { SZ_1M_, SZ_1M_, RAM }, { 2 * SZ_1M_, U, KERN },
	       { 2 * SZ_1M_ + U, 14 * SZ_1M_ - U, RAM });

	e820__memory_setup_extended(0x30001, sizeof(c) + c.len);
	host_console_quiet(false);
	assert_int_equal(e820_table->nr_entries, 11);
	assert_int_equal(e820_table->entries[9].addr, 4 * G4);
	assert_int_equal(e820_table->entries[10].type, RES);
	sim_ram_teardown();
}

/*
 * Lists Linux would fault or hang on:
 *   a node past what is mapped  -> Linux's "failed to memremap" line; the
 *                                  nodes before it are retyped, the table
 *                                  left unsanitised, nothing printed (as
 *                                  Linux returns early)
 *   an indirect node whose payload runs past the mapping -> same, indirect
 *   an indirect node of 8 bytes -> only the node itself reserved
 *   a node pointing to itself   -> cut after 64 nodes
 * Expect those lines and no crash.
 */
static void e820__reserve_setup_data_bad_lists(void **state)
{
	struct setup_data *sd;

	assert_int_equal(sim_ram_setup(SZ_1M_), 0);
	LOAD(e820_table, { 0, 0x9fc00, RAM }, { SZ_1M_, SZ_1M_, RAM });
	put_node(0x10000, SZ_1M_ - 8, SETUP_DTB, 0);
	e820__reserve_setup_data(0x10000, SZ_1M_);
	assert_string_equal(out,
		"[    0.000000] e820: update [mem 0x00010000-0x0001000f] usable ==> usable\n"
		"[    0.000000] e820: failed to memremap setup_data entry\n");
	EXPECT(e820_table, { 0, 0x10000, RAM }, { SZ_1M_, SZ_1M_, RAM },
	       { 0x10000, 0x10, KERN }, { 0x10010, 0x9fc00 - 0x10010, RAM });

	LOAD(e820_table, { 0, 0x9fc00, RAM }, { SZ_1M_, SZ_1M_, RAM });
	put_node(0xfff00, 0, SETUP_INDIRECT, 0x1000);
	restart_capture();
	e820__reserve_setup_data(0xfff00, SZ_1M_);
	assert_string_equal(out,
		"[    0.000000] e820: update [mem 0x000fff00-0x00100f0f] usable ==> usable\n"
		"[    0.000000] e820: failed to memremap indirect setup_data\n");

	LOAD(e820_table, { 0, 0x9fc00, RAM }, { SZ_1M_, SZ_1M_, RAM });
	sd = put_node(0x10000, 0, SETUP_INDIRECT, 8);
	put_indirect(sd, SETUP_INDIRECT | SETUP_PCI, SZ_1M_, SZ_1M_);
	restart_capture();
	host_console_quiet(true);
	e820__reserve_setup_data(0x10000, SZ_1M_);
	host_console_quiet(false);
	EXPECT(e820_table, { 0, 0x10000, RAM }, { 0x10000, 0x18, KERN },
	       { 0x10018, 0x9fc00 - 0x10018, RAM }, { SZ_1M_, SZ_1M_, RAM });
	restart_capture();
	e820__reserve_setup_data(0x10000, SZ_1M_);
	assert_non_null(strstr(out,
		"[    0.000000] e820: indirect setup_data at 0x10000: 8 bytes, too short; not followed\n"));

	LOAD(e820_table, { 0, 0x9fc00, RAM }, { SZ_1M_, SZ_1M_, RAM });
	put_node(0x20000, 0x20000, SETUP_PCI, 16);
	restart_capture();
	e820__reserve_setup_data(0x20000, SZ_1M_);
	assert_non_null(strstr(out,
		"[    0.000000] e820: more than 64 setup_data nodes; ignoring the rest\n"
		"[    0.000000] extended physical RAM map:\n"));
	EXPECT(e820_table, { 0, 0x20000, RAM }, { 0x20000, 0x20, KERN },
	       { 0x20020, 0x9fc00 - 0x20020, RAM }, { SZ_1M_, SZ_1M_, RAM });
	sim_ram_teardown();
}

/*
 * No usable E820 map (0 or 1 entries, or a wrapping entry): fake one from
 * E801 (alt_mem_k) or 88h (ext_mem_k), whichever is larger:
 *   [0, 0x9f000) RAM   [1M, 1M + k KiB) RAM
 * Expect the "BIOS-e801" / "BIOS-88" labels and LOWMEMSIZE 0x9f000.
 */
static void e820__memory_setup_default_fake_map(void **state)
{
	memset(&bp, 0, sizeof(bp));
	bp.alt_mem_k = 0x3fef0;		/* E801: 1 GiB - 1 MiB - 64 KiB */
	bp.screen_info.ext_mem_k = 0xfc00;
	assert_string_equal(e820__memory_setup_default(&bp), "BIOS-e801");
	EXPECT(e820_table, { 0, LOWMEMSIZE, RAM }, { SZ_1M_, 0x3fef0ULL << 10, RAM });

	/* one entry only: 88h reports more, so it wins */
	bp.e820_entries = 1;
	bp.e820_table[0] = (struct boot_e820_entry){ 0, 0x9fc00, RAM };
	bp.alt_mem_k = 0x3c00;
	assert_string_equal(e820__memory_setup_default(&bp), "BIOS-88");
	EXPECT(e820_table, { 0, LOWMEMSIZE, RAM }, { SZ_1M_, 0xfc00ULL << 10, RAM });

	/* a wrapping entry after a good one: the good one is dropped too */
	bp.e820_entries = 2;
	bp.e820_table[1] = (struct boot_e820_entry){ -U, 2 * U, RES };
	restart_capture();
	e820__memory_setup(&bp);
	assert_string_equal(out,
		"[    0.000000] BIOS-provided physical RAM map:\n"
		"[    0.000000] BIOS-88: [mem 0x0000000000000000-0x000000000009efff] usable\n"
		"[    0.000000] BIOS-88: [mem 0x0000000000100000-0x0000000003ffffff] usable\n");
}

/*
 * An entry ending exactly at 2^64 passes append_e820_table() (its last
 * byte does not wrap) but makes the sanitiser refuse the table; so does
 * a zero-size entry at a non-zero address (its "last byte" is below it).
 * Expect the table kept raw and unsorted, as in Linux.
 */
static void append_e820_table_end_at_2_64(void **state)
{
	static const struct boot_e820_entry fw[] = {
		{ 0x100000, 0x100000, RAM }, { 0x9fc00, 0, RES }, { 0, 0x9fc00, RAM },
		{ -G4, G4, RES },
	};

	assert_int_equal(append_e820_table(&t, fw, 1), -1);
	EXPECT_EMPTY(&t);
	assert_int_equal(append_e820_table(&t, fw, 4), 0);
	assert_int_equal(e820__update_table(&t), -1);
	EXPECT(&t, { 0x100000, 0x100000, RAM }, { 0x9fc00, 0, RES }, { 0, 0x9fc00, RAM },
	       { -G4, G4, RES });
}

/*
 * e820_entries is a u8: a boot loader may claim up to 255 though the zero
 * page holds 128.  Expect a warning and only the 128 slots read.
 */
static void e820__memory_setup_default_too_many_entries(void **state)
{
	u32 i;

	memset(&bp, 0, sizeof(bp));
	for (i = 0; i < E820_MAX_ENTRIES_ZEROPAGE; i++)
		bp.e820_table[i] = (struct boot_e820_entry){ i * 2 * U, U, RAM };
	bp.e820_entries = 200;
	assert_string_equal(e820__memory_setup_default(&bp), "BIOS-e820");
	assert_string_equal(out, "[    0.000000] e820: boot_params claims 200 entries; using the first 128\n");
	assert_int_equal(e820_table->nr_entries, E820_MAX_ENTRIES_ZEROPAGE);
}

/*
 * More than 128 entries: 128 in the zero page, 3 more in a SETUP_E820_EXT
 * node in simulated RAM at 64 KiB.  Expect 131 entries, the extended map
 * printed, and a node whose len exceeds its buffer refused.
 */
static void e820__memory_setup_extended_more_than_128(void **state)
{
	struct setup_data *sd;
	struct boot_e820_entry *ext;
	u32 i;

	assert_int_equal(sim_ram_setup(0x100000), 0);
	memset(&bp, 0, sizeof(bp));
	for (i = 0; i < E820_MAX_ENTRIES_ZEROPAGE; i++)
		bp.e820_table[i] = (struct boot_e820_entry){ i * 2 * U, U, i % 2 ? RES : RAM };
	bp.e820_entries = E820_MAX_ENTRIES_ZEROPAGE;
	host_console_quiet(true);
	e820__memory_setup(&bp);
	host_console_quiet(false);

	sd = __va(0x10000);
	sd->next = 0;
	sd->type = SETUP_E820_EXT;
	sd->len = 3 * sizeof(*ext);
	ext = (struct boot_e820_entry *)sd->data;
	for (i = 0; i < 3; i++)
		ext[i] = (struct boot_e820_entry){ G4 + i * 2 * U, U, RAM };

	restart_capture();
	e820__memory_setup_extended(0x10000, sizeof(*sd) + sd->len);
	assert_int_equal(e820_table->nr_entries, E820_MAX_ENTRIES_ZEROPAGE + 3);
	assert_int_equal(e820_table_firmware->nr_entries, E820_MAX_ENTRIES_ZEROPAGE + 3);
	assert_non_null(strstr(out, "[    0.000000] extended physical RAM map:\n"));
	assert_non_null(strstr(out, "extended: [mem 0x0000000100004000-0x0000000100004fff] usable\n"));

	restart_capture();
	e820__memory_setup_extended(0x10000, sizeof(*sd) + sd->len - 1);
	assert_string_equal(out, "[    0.000000] e820: SETUP_E820_EXT node at 0x10000: length 60 exceeds 75 bytes; ignored\n");
	restart_capture();
	e820__memory_setup_extended(-U, 2 * U);
	assert_string_equal(out, "[    0.000000] e820: bad SETUP_E820_EXT node at 0xfffffffffffff000 (8192 bytes); ignored\n");
	assert_int_equal(e820_table->nr_entries, E820_MAX_ENTRIES_ZEROPAGE + 3);
	sim_ram_teardown();
}

/* ============================================================ consumers */

/*
 * End of RAM for the reference maps: i386 (max_arch_pfn 0x100000), PAE
 * (0x1000000), x86_64 (0x400000000), and below 4 GiB.
 * Expect the reference logs' "last_pfn = ..." lines.
 */
static void __e820__end_ram_pfn_reference(void **state)
{
	load_fixture("qemu-seabios-1G.e820");
	e820__memory_setup(&bp);
	restart_capture();
	assert_int_equal(e820__end_of_ram_pfn(), 0x3ffe0);
	assert_int_equal(__e820__end_ram_pfn(e820_table, 1UL << 24, 1UL << 24), 0x3ffe0);
	assert_string_equal(out,
		"[    0.000000] last_pfn = 0x3ffe0 max_arch_pfn = 0x100000\n"
		"[    0.000000] last_pfn = 0x3ffe0 max_arch_pfn = 0x1000000\n");

	e820_table->nr_entries = 0;
	load_fixture("qemu-seabios-4G-x86_64.e820");
	e820__memory_setup(&bp);
	restart_capture();
	assert_int_equal(__e820__end_ram_pfn(e820_table, 0x400000000UL, 0x400000000UL), 0x140000);
	assert_int_equal(e820__end_of_low_ram_pfn(), 0xbffe0);
	/* i386 without PAE: RAM above 4 GiB starts past the limit, skipped */
	assert_int_equal(e820__end_of_ram_pfn(), 0xbffe0);
	assert_string_equal(out,
		"[    0.000000] last_pfn = 0x140000 max_arch_pfn = 0x400000000\n"
		"[    0.000000] last_pfn = 0xbffe0 max_arch_pfn = 0x100000\n"
		"[    0.000000] last_pfn = 0xbffe0 max_arch_pfn = 0x100000\n");
}

/*
 * Limits and the 4 GiB boundary:
 *   RAM [0, 4G - 4K)            -> 0xfffff
 *   RAM [0, 4G)                 -> 0x100000 exactly
 *   RAM [4G - 4K, 4G + 4K)      -> crosses the low limit: 0x100000
 *   ACPI [1M, 2M) counts, reserved and partial pages do not
 * Expect those page numbers.
 */
static void __e820__end_ram_pfn_limits(void **state)
{
	const unsigned long low = 1UL << 20;

	host_console_quiet(true);
	LOAD(&t, { 0, G4 - U, RAM }, { G4, U, RES });
	assert_int_equal(__e820__end_ram_pfn(&t, low, 1UL << 24), 0xfffff);
	LOAD(&t, { 0, G4, RAM });
	assert_int_equal(__e820__end_ram_pfn(&t, low, 1UL << 24), 0x100000);
	LOAD(&t, { 0, U, RAM }, { G4 - U, 2 * U, RAM }, { 2 * G4, U, RAM });
	assert_int_equal(__e820__end_ram_pfn(&t, low, 1UL << 24), 0x100000);
	assert_int_equal(__e820__end_ram_pfn(&t, 1UL << 24, 1UL << 24), 0x200001);
	LOAD(&t, { 0, U, RAM }, { SZ_1M_, SZ_1M_, ACPI }, { 4 * SZ_1M_, 0x1800, RAM },
	     { 8 * SZ_1M_, U, RES });
	assert_int_equal(__e820__end_ram_pfn(&t, low, low), 0x401);
	LOAD(&t, { -2 * U, U, RAM });
	assert_int_equal(__e820__end_ram_pfn(&t, low, low), 0);
	host_console_quiet(false);
}

/*
 * i386 without PAE (MAX_ARCH_PFN 0x100000) on a 5 GiB machine:
 *   usable 0-0x9fbff | usable 1M..5G (crosses 4 GiB)
 * Expect the walk to stop at the 4 GiB limit for both calls:
 * "last_pfn = 0x100000 max_arch_pfn = 0x100000" twice.  With the RAM
 * split at 4 GiB instead, the entry above starts at the limit and is
 * skipped: the same answer.
 */
static void e820__end_of_ram_pfn_i386_non_pae(void **state)
{
	LOAD(e820_table, { 0, 0x9fc00, RAM }, { SZ_1M_, 5 * G4 / 4 - SZ_1M_, RAM });
	assert_int_equal(MAX_ARCH_PFN, 0x100000);
	assert_int_equal(e820__end_of_ram_pfn(), 0x100000);
	assert_int_equal(e820__end_of_low_ram_pfn(), 0x100000);
	assert_string_equal(out,
		"[    0.000000] last_pfn = 0x100000 max_arch_pfn = 0x100000\n"
		"[    0.000000] last_pfn = 0x100000 max_arch_pfn = 0x100000\n");

	LOAD(e820_table, { 0, 0x9fc00, RAM }, { SZ_1M_, G4 - SZ_1M_, RAM }, { G4, G4 / 4, RAM });
	host_console_quiet(true);
	assert_int_equal(e820__end_of_ram_pfn(), 0x100000);
	host_console_quiet(false);
}

/*
 * e820__memblock_alloc_reserved(): memblock has RAM [1M, 16M), top-down:
 *   kexec map  usable 0..16M   ->  usable 0..16M-4K | reserved 16M-4K..16M
 * Expect the page at 16M - 4K, its update and kexec lines, e820_table
 * untouched; with all RAM reserved, 0 and no change.
 */
static void e820__memblock_alloc_reserved_kexec(void **state)
{
	memblock.memory.cnt = 0;
	memblock.memory.total_size = 0;
	memblock.reserved.cnt = 0;
	memblock.reserved.total_size = 0;
	memblock.bottom_up = false;
	memblock.current_limit = MEMBLOCK_ALLOC_ANYWHERE;
	memblock_add(SZ_1M_, 15 * SZ_1M_);
	LOAD(e820_table, { 0, 16 * SZ_1M_, RAM }, { G4 - SZ_1M_, SZ_1M_, RES });
	memcpy(e820_table_kexec, e820_table, sizeof(*e820_table));

	restart_capture();
	assert_int_equal(e820__memblock_alloc_reserved(U, U), 16 * SZ_1M_ - U);
	assert_string_equal(out,
		"[    0.000000] e820: update [mem 0x00fff000-0x00ffffff] usable ==> reserved\n"
		"[    0.000000] update e820_table_kexec for e820__memblock_alloc_reserved()\n");
	EXPECT(e820_table_kexec, { 0, 16 * SZ_1M_ - U, RAM }, { 16 * SZ_1M_ - U, U, RES },
	       { G4 - SZ_1M_, SZ_1M_, RES });
	EXPECT(e820_table, { 0, 16 * SZ_1M_, RAM }, { G4 - SZ_1M_, SZ_1M_, RES });

	memblock_reserve(SZ_1M_, 15 * SZ_1M_);
	host_console_quiet(true);
	assert_int_equal(e820__memblock_alloc_reserved(U, U), 0);
	host_console_quiet(false);
	assert_int_equal(e820_table_kexec->nr_entries, 3);
	memblock.memory.cnt = 0;
	memblock.reserved.cnt = 0;
}

/*
 * The PCI gap of the reference maps: the largest hole below 4 GiB.
 *   ...RAM to 0x3fffffff | hole | reserved 0xfffc0000..
 * Expect "[mem 0x40000000-0xfffbffff] available for PCI devices"; with no
 * 4 MiB hole, the 32-bit fallback 0x10000000.
 */
static void e820__setup_pci_gap_reference(void **state)
{
	unsigned long start = 0, size = 0x400000;

	load_fixture("qemu-seabios-1G.e820");
	e820__memory_setup(&bp);
	restart_capture();
	e820__setup_pci_gap();
	assert_string_equal(out, "[    0.000000] [mem 0x40000000-0xfffbffff] available for PCI devices\n");
	assert_int_equal(pci_mem_start, 0x40000000);

	LOAD(e820_table, { 0, G4 - SZ_1M_, RAM }, { G4 - 0x200000, 0x200000, RES });
	restart_capture();
	e820__setup_pci_gap();
	assert_string_equal(out, "[    0.000000] [mem 0x10000000-0x103fffff] available for PCI devices\n");

	/* equal holes: the lower one wins */
	LOAD(&t, { 0, SZ_1M_, RAM }, { 9 * SZ_1M_, SZ_1M_, RES }, { 18 * SZ_1M_, G4 - 18 * SZ_1M_, RES });
	assert_int_equal(e820_search_gap(&t, &start, &size), 1);
	assert_int_equal(start, SZ_1M_);
	assert_int_equal(size, 8 * SZ_1M_);
}

/* ============================================================ command line */

/*
 * mem=512M on the 1 GiB map: RAM above 512 MiB removed.
 *   usable ...0x3ffdffff  ->  usable ...0x1fffffff
 * Expect Linux's remove line and the "user-defined" map.
 */
static void parse_memopt_limits_ram(void **state)
{
	load_fixture("qemu-seabios-1G.e820");
	host_console_quiet(true);
	e820__memory_setup(&bp);
	host_console_quiet(false);
	restart_capture();
	parse_early_param("root=/dev/sda mem=512M");
	e820__finish_early_params();
	assert_string_equal(out,
		"[    0.000000] e820: remove [mem 0x20000000-0xfffffffffffffffe] usable\n"
		"[    0.000000] user-defined physical RAM map:\n"
		"[    0.000000] user: [mem 0x0000000000000000-0x000000000009fbff] usable\n"
		"[    0.000000] user: [mem 0x000000000009fc00-0x000000000009ffff] reserved\n"
		"[    0.000000] user: [mem 0x00000000000f0000-0x00000000000fffff] reserved\n"
		"[    0.000000] user: [mem 0x0000000000100000-0x000000001fffffff] usable\n"
		"[    0.000000] user: [mem 0x000000003ffe0000-0x000000003fffffff] reserved\n"
		"[    0.000000] user: [mem 0x00000000fffc0000-0x00000000ffffffff] reserved\n");

	/* A second finish without new parameters prints nothing. */
	restart_capture();
	e820__finish_early_params();
	assert_string_equal(out, "");
}

/*
 * Bad mem= values: "mem" alone, "mem=0", "mem=junk", "mem=nopentium".
 * Expect "Malformed early option 'mem'" and no RAM removed (a junk value
 * still marks the map user-defined, as in Linux).
 */
static void parse_memopt_bad_input(void **state)
{
	LOAD(e820_table, { 0, 0x9fc00, RAM }, { SZ_1M_, SZ_1M_, RAM });
	parse_early_param("mem mem=0 mem=junk");
	assert_string_equal(out,
		"[    0.000000] Malformed early option 'mem'\n"
		"[    0.000000] Malformed early option 'mem'\n"
		"[    0.000000] Malformed early option 'mem'\n");
	restart_capture();
	parse_early_param("mem=nopentium");
	assert_string_equal(out,
		"[    0.000000] mem=nopentium ignored! (bootmm has no PSE switch)\n"
		"[    0.000000] Malformed early option 'mem'\n");
	restart_capture();
	e820__finish_early_params();
	assert_string_equal(out,
		"[    0.000000] user-defined physical RAM map:\n"
		"[    0.000000] user: [mem 0x0000000000000000-0x000000000009fbff] usable\n"
		"[    0.000000] user: [mem 0x0000000000100000-0x00000000001fffff] usable\n");
}

/*
 * mem= stops at the size and its suffix and ignores what follows, as
 * Linux's parse_memopt() does: "mem=1Gjunk" is mem=1G, with no
 * "Malformed" line.  Hex with a suffix works: mem=0x20000K is 128 MiB.
 *   usable 0-0x9fbff | usable 1M-2G   ->  ... | usable 1M-1G  -> 1M-128M
 * Expect both remove lines and the user map ending at 128 MiB.
 */
static void parse_memopt_trailing_text(void **state)
{
	LOAD(e820_table, { 0, 0x9fc00, RAM }, { SZ_1M_, 2 * G4 / 4 - SZ_1M_, RAM });
	parse_early_param("mem=1Gjunk mem=0x20000K");
	e820__finish_early_params();
	assert_string_equal(out,
		"[    0.000000] e820: remove [mem 0x40000000-0xfffffffffffffffe] usable\n"
		"[    0.000000] e820: remove [mem 0x08000000-0xfffffffffffffffe] usable\n"
		"[    0.000000] user-defined physical RAM map:\n"
		"[    0.000000] user: [mem 0x0000000000000000-0x000000000009fbff] usable\n"
		"[    0.000000] user: [mem 0x0000000000100000-0x0000000007ffffff] usable\n");
}

/*
 * memmap=exactmap and every item kind:
 *   640K@0  RAM    511M@1M  RAM    64K#0x1ff00000 ACPI    4K$0xa0000 reserved
 *   1M!0x30000000 PRAM    4K%0x1000-1+2 retype RAM->reserved
 * Expect the user-defined map with each range and type.
 */
static void parse_memmap_opt_exactmap(void **state)
{
	LOAD(e820_table, { 0, G4, RAM }, { G4, G4, RAM });
	parse_early_param("memmap=exactmap memmap=640K@0,511M@1M memmap=64K#0x1ff00000 "
			  "memmap=4K$0xa0000,1M!0x30000000 memmap=4K%0x1000-1+2");
	e820__finish_early_params();
	assert_string_equal(out,
		"[    0.000000] e820: update [mem 0x00001000-0x00001fff] usable ==> reserved\n"
		"[    0.000000] user-defined physical RAM map:\n"
		"[    0.000000] user: [mem 0x0000000000000000-0x0000000000000fff] usable\n"
		"[    0.000000] user: [mem 0x0000000000001000-0x0000000000001fff] reserved\n"
		"[    0.000000] user: [mem 0x0000000000002000-0x000000000009ffff] usable\n"
		"[    0.000000] user: [mem 0x00000000000a0000-0x00000000000a0fff] reserved\n"
		"[    0.000000] user: [mem 0x0000000000100000-0x000000001fefffff] usable\n"
		"[    0.000000] user: [mem 0x000000001ff00000-0x000000001ff0ffff] ACPI data\n"
		"[    0.000000] user: [mem 0x000000001ff10000-0x000000001fffffff] usable\n"
		"[    0.000000] user: [mem 0x0000000030000000-0x00000000300fffff] persistent (type 12)\n");
}

/*
 * memmap=nn%ss with only one half: "-old" removes that type, "+new" adds,
 * neither removes every type; and "memmap=nn" acts as mem=nn.
 * Expect the corresponding remove lines and map.
 */
static void parse_memmap_opt_percent_forms(void **state)
{
	LOAD(e820_table, { 0, 8 * SZ_1M_, RAM }, { 8 * SZ_1M_, SZ_1M_, RES });
	parse_early_param("memmap=1M%2M-1 memmap=1M%4M+4 memmap=2M%8M memmap=6M");
	e820__finish_early_params();
	assert_string_equal(out,
		"[    0.000000] e820: remove [mem 0x00200000-0x002fffff] usable\n"
		"[    0.000000] e820: remove [mem 0x00800000-0x009fffff] \n"
		"[    0.000000] e820: remove [mem 0x00600000-0xfffffffffffffffe] usable\n"
		"[    0.000000] user-defined physical RAM map:\n"
		"[    0.000000] user: [mem 0x0000000000000000-0x00000000001fffff] usable\n"
		"[    0.000000] user: [mem 0x0000000000300000-0x00000000003fffff] usable\n"
		"[    0.000000] user: [mem 0x0000000000400000-0x00000000004fffff] ACPI NVS\n"
		"[    0.000000] user: [mem 0x0000000000500000-0x00000000005fffff] usable\n");
}

/*
 * Bad memmap= items: none, empty, not a number, junk after a complete
 * item, junk after "%", and "%" with old == new (a BUG in Linux):
 *   RAM 0..8M, reserved 8M..9M;  "1M@2Mjunk" adds RAM 2M..3M
 * parse_memmap_opt() ignores each item's result, as in Linux.
 * Expect only the old == new line, no crash, and the map unchanged (the
 * 2M..3M RAM merges into the existing RAM).
 */
static void parse_memmap_opt_bad_input(void **state)
{
	LOAD(e820_table, { 0, 8 * SZ_1M_, RAM }, { 8 * SZ_1M_, SZ_1M_, RES });
	parse_early_param("memmap memmap= memmap=xyz memmap=1M@2Mjunk memmap=1M%2M-1+1 memmap=1M%2M-1x");
	assert_string_equal(out, "[    0.000000] memmap=1M%2M-1+1: old and new type are both 1\n");
	e820__finish_early_params();
	EXPECT(e820_table, { 0, 8 * SZ_1M_, RAM }, { 8 * SZ_1M_, SZ_1M_, RES });
}

/*
 * Values Linux accepts though they look wrong (parse_memmap_one's result
 * is never reported, so none of these prints "Malformed"):
 *   memmap=0, memmap=0x  size 0 then no '@#$!%': as mem=0, which mem=
 *                        itself refuses, so ALL RAM goes ("0x" parses as
 *                        octal 0 followed by 'x')
 *   memmap=1M@           an empty address is 0: RAM [0, 1M)
 *   memmap=exactmapjunk  only the first 8 characters are compared
 *   memmap=1M%3M+        no type on either side: remove every type
 *   memmap=1M%5M+2-1     '+' then '-': junk after the item, nothing done
 *   RAM 0..8M, reserved 8M..9M, NVS 16M..17M
 * Expect the first case to leave only reserved and NVS, and the second
 * line to build RAM 0..3M and 4M..8M.
 */
static void parse_memmap_opt_odd_values(void **state)
{
	LOAD(e820_table, { 0, 8 * SZ_1M_, RAM }, { 8 * SZ_1M_, SZ_1M_, RES },
	     { 16 * SZ_1M_, SZ_1M_, NVS });
	parse_early_param("memmap=0x");
	e820__finish_early_params();
	assert_string_equal(out,
		"[    0.000000] e820: remove [mem 0x00000000-0xfffffffffffffffe] usable\n"
		"[    0.000000] user-defined physical RAM map:\n"
		"[    0.000000] user: [mem 0x0000000000800000-0x00000000008fffff] reserved\n"
		"[    0.000000] user: [mem 0x0000000001000000-0x00000000010fffff] ACPI NVS\n");

	LOAD(e820_table, { 0, 8 * SZ_1M_, RAM }, { 8 * SZ_1M_, SZ_1M_, RES },
	     { 16 * SZ_1M_, SZ_1M_, NVS });
	host_console_quiet(true);
	parse_early_param("memmap=0");
	e820__finish_early_params();
	host_console_quiet(false);
	EXPECT(e820_table, { 8 * SZ_1M_, SZ_1M_, RES }, { 16 * SZ_1M_, SZ_1M_, NVS });

	restart_capture();
	parse_early_param("memmap=exactmapjunk memmap=1M@,7M@1M memmap=1M%3M+ memmap=1M%5M+2-1");
	e820__finish_early_params();
	assert_string_equal(out,
		"[    0.000000] e820: remove [mem 0x00300000-0x003fffff] \n"
		"[    0.000000] user-defined physical RAM map:\n"
		"[    0.000000] user: [mem 0x0000000000000000-0x00000000002fffff] usable\n"
		"[    0.000000] user: [mem 0x0000000000400000-0x00000000007fffff] usable\n");
}

/*
 * memmap=exactmap with a single item leaves one entry, which the
 * sanitiser refuses.  Expect Linux's panic "Invalid user supplied memory map".
 */
static void e820__finish_early_params_single_entry_panics(void **state)
{
	LOAD(e820_table, { 0, G4, RAM }, { G4, G4, RAM });
	parse_early_param("memmap=exactmap memmap=640K@0");
	if (setjmp(panic_jmp) == 0) {
		e820__finish_early_params();
		fail_msg("no panic for a one-entry user map");
	}
	assert_string_equal(panic_msg, "Invalid user supplied memory map");
}

/*
 * The 1 GiB reference boot's e820 edits, plus a RESERVED_KERN and a
 * SOFT_RESERVED entry, fed to memblock:
 *   usable 0x1000-0x9fbff, usable 1M-0x3ffdffff, kern 0x50000000+64K,
 *   soft 0x60000000+1M
 * Expect memblock.memory as in the reference dump (0x9fbff trimmed to the
 * page, 0x9efff), plus the RESERVED_KERN range, and the soft-reserved
 * range in memblock.reserved.
 */
static void e820__memblock_setup_reference(void **state)
{
	memblock.memory.cnt = 0;
	memblock.memory.total_size = 0;
	memblock.reserved.cnt = 0;
	memblock.reserved.total_size = 0;

	load_fixture("qemu-seabios-1G.e820");
	host_console_quiet(true);
	e820__memory_setup(&bp);
	e820__range_update(0, PAGE_SIZE, RAM, RES);
	e820__range_remove(BIOS_BEGIN, BIOS_END - BIOS_BEGIN, RAM, true);
	e820__range_add(0x50000000, 0x10000, KERN);
	e820__range_add(0x60000000, SZ_1M_, SOFT);
	e820__update_table(e820_table);
	e820__memblock_setup();
	host_console_quiet(false);

	assert_int_equal(memblock.memory.cnt, 3);
	assert_int_equal(memblock.memory.regions[0].base, 0x1000);
	assert_int_equal(memblock.memory.regions[0].size, 0x9e000);
	assert_int_equal(memblock.memory.regions[1].base, 0x100000);
	assert_int_equal(memblock.memory.regions[1].size, 0x3fee0000);
	assert_int_equal(memblock.memory.regions[2].base, 0x50000000);
	assert_int_equal(memblock.memory.regions[2].size, 0x10000);
	assert_int_equal(memblock.reserved.cnt, 1);
	assert_int_equal(memblock.reserved.regions[0].base, 0x60000000);
	assert_int_equal(memblock.reserved.regions[0].size, SZ_1M_);
}

/*
 * i386 without PAE: resource_size_t is 32 bits, so Linux's
 * e820__memblock_setup() skips every entry ending at or above 4 GiB,
 * even one ending exactly there (its end truncates to 0):
 *   usable 0-0x9fbff | usable 1M..3G-128K | reserved | usable 4G..7G |
 *   soft reserved 7G..7G+1M
 * Expect __e820__memblock_setup(U32_MAX) to add only the two low RAM
 * ranges and reserve nothing; with ULLONG_MAX the 4G..7G RAM and the soft
 * reserved range are in too.  RAM [1M, 4G) is skipped whole at U32_MAX.
 */
static void __e820__memblock_setup_32bit_resources(void **state)
{
	static const struct ent map[] = {
		{ 0, 0x9fc00, RAM }, { SZ_1M_, 0xbfee0000, RAM }, { 0xbffe0000, 0x20000, RES },
		{ G4, 3 * G4 / 4, RAM }, { 7 * G4 / 4, SZ_1M_, SOFT },
	};

	host_console_quiet(true);
	memblock.memory.cnt = memblock.reserved.cnt = 0;
	memblock.memory.total_size = memblock.reserved.total_size = 0;
	load(e820_table, map, ARRAY_SIZE(map));
	__e820__memblock_setup(U32_MAX);
	assert_int_equal(memblock.memory.cnt, 2);
	assert_int_equal(memblock.memory.regions[0].base, 0);
	assert_int_equal(memblock.memory.regions[0].size, 0x9f000);
	assert_int_equal(memblock.memory.regions[1].base, SZ_1M_);
	assert_int_equal(memblock.memory.regions[1].size, 0xbfee0000);
	assert_int_equal(memblock.reserved.cnt, 0);

	memblock.memory.cnt = 0;
	memblock.memory.total_size = 0;
	e820__memblock_setup();
	assert_int_equal(memblock.memory.cnt, 3);
	assert_int_equal(memblock.memory.regions[2].base, G4);
	assert_int_equal(memblock.memory.regions[2].size, 3 * G4 / 4);
	assert_int_equal(memblock.reserved.cnt, 1);
	assert_int_equal(memblock.reserved.regions[0].base, 7 * G4 / 4);

	memblock.memory.cnt = memblock.reserved.cnt = 0;
	memblock.memory.total_size = memblock.reserved.total_size = 0;
	LOAD(e820_table, { 0, 0x9fc00, RAM }, { SZ_1M_, G4 - SZ_1M_, RAM });
	__e820__memblock_setup(U32_MAX);
	assert_int_equal(memblock.memory.cnt, 1);
	assert_int_equal(memblock.memory.regions[0].size, 0x9f000);
	memblock.memory.cnt = 0;
	memblock.memory.total_size = 0;
	host_console_quiet(false);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(e820__update_table_linux_picture),
		T(e820__update_table_fewer_than_two),
		T(e820__update_table_only_zero_size),
		T(e820__update_table_zero_size_mixed),
		T(e820__update_table_unsorted_reverse_duplicates),
		T(e820__update_table_adjacent),
		T(e820__update_table_overlap_shapes),
		T(e820__update_table_stacked),
		T(e820__update_table_change_point_ties),
		T(e820__update_table_types_over_ram),
		T(e820__update_table_type0_and_unknown),
		T(e820__update_table_nomerge),
		T(e820__update_table_64bit_wrap),
		T(e820__update_table_4g_boundary),
		T(e820__update_table_capacity),
		T(e820__update_table_overfull_bugs),
		T(e820__update_table_random_properties),
		T(__e820__range_add_full_table),
		T(e820__range_add_appends),
		T(e820__range_update_table_cases),
		T(e820__range_update_log_and_clip),
		T(e820__range_update_same_type_bugs),
		T(e820__range_update_table_full),
		T(__e820__range_remove_cases),
		T(__e820__range_remove_full_table),
		T(e820__range_remove_log_and_clip),
		T(e820__mapped_any_all_4g),
		T(e820__print_table_all_types),
		T(e820__print_table_legacy_format),
		T(e820__update_table_print_only_on_change),
		T(e820__memory_setup_seabios_1g),
		T(e820__memory_setup_fixtures),
		T(e820__memory_setup_reference_logs),
		T(e820__memory_setup_default_fake_map),
		T(append_e820_table_end_at_2_64),
		T(e820__memory_setup_default_too_many_entries),
		T(e820__memory_setup_extended_more_than_128),
		T(e820__reserve_setup_data_nodes),
		T(e820__reserve_setup_data_unaligned),
		T(e820__reserve_setup_data_bad_lists),
		T(__e820__end_ram_pfn_reference),
		T(__e820__end_ram_pfn_limits),
		T(e820__end_of_ram_pfn_i386_non_pae),
		T(e820__setup_pci_gap_reference),
		T(e820__memblock_alloc_reserved_kexec),
		T(parse_memopt_limits_ram),
		T(parse_memopt_bad_input),
		T(parse_memopt_trailing_text),
		T(parse_memmap_opt_exactmap),
		T(parse_memmap_opt_percent_forms),
		T(parse_memmap_opt_bad_input),
		T(parse_memmap_opt_odd_values),
		T(e820__finish_early_params_single_entry_panics),
		T(e820__memblock_setup_reference),
		T(__e820__memblock_setup_32bit_resources),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
