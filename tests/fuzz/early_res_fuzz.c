// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the early_res table (kernel/early_res.c).  The
 * input gives an e820 table of up to 6 entries (any order, any type, some
 * overlapping, near 0, across 4 GiB or just below 2^64) and then a
 * sequence of reserve_early / free_early / find_e820_area calls.
 *
 * The reference model is the table as a plain array in insertion order.
 * reserve_early must add exactly the range the model adds, ignore empty
 * and inverted ones, and panic with the model's message (naming the new
 * range and the first one it overlaps, or "Too many early reservations"
 * at 20) leaving the table as it was; free_early must remove exactly the
 * entry the model removes or panic.  find_e820_area is checked against a
 * search that shares nothing with its skip-forward loop: in each RAM
 * entry in table order, the lowest aligned address at or above the start
 * that overlaps no reservation is either that start or the aligned end of
 * some reservation, so every such candidate is tried and the smallest
 * one that overlaps nothing, does not wrap and fits the entry and the
 * limit is the answer.  Each input ends by freeing every entry.
 */
#include <stdint.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/early_res.h>
#include <asm/e820/api.h>
#include <asm/host.h>
#include "fuzz_input.h"

#define NF	EARLY_RES_NOT_FOUND

static struct {
	u64 start, end;
	char name[EARLY_RES_NAME_LEN];
} model[MAX_EARLY_RES];
static int nr;

static jmp_buf panic_jmp;
static char panic_msg[256];

static void catch_panic(const char *msg)
{
	strscpy(panic_msg, msg, sizeof(panic_msg));
	longjmp(panic_jmp, 1);
}

static void die(const char *what, unsigned long long a, unsigned long long b)
{
	fprintf(stderr, "early_res_fuzz: %s (%#llx, %#llx)\n", what, a, b);
	abort();
}

/* An address: low memory, around 4 GiB, or just below 2^64. */
static u64 take_addr(struct fuzz_input *in)
{
	u64 v = fuzz_take(in, 2) << 4;

	switch (fuzz_take(in, 1) & 3) {
	case 2:
		return (1ULL << 32) - 0x80000 + v;
	case 3:
		return ~0ULL - v;
	default:
		return v;
	}
}

static const char *const names[] = {
	"TEXT DATA BSS", "RAMDISK", "", "BOOTMAP", "A NAME LONGER THAN FIFTEEN",
};

static bool overlaps(u64 s, u64 e, int i)
{
	return e > model[i].start && s < model[i].end;
}

static void check_table(void)
{
	const char *name;
	u64 s, e;
	int i;

	if (early_res_count() != nr)
		die("entry count differs from the model's", early_res_count(), nr);
	for (i = 0; i < nr; i++) {
		if (!early_res_entry(i, &s, &e, &name))
			die("entry missing", i, nr);
		if (s != model[i].start || e != model[i].end || strcmp(name, model[i].name))
			die("entry differs from the model's", s, e);
	}
	if (early_res_entry(nr, NULL, NULL, NULL) || early_res_entry(-1, NULL, NULL, NULL))
		die("an entry outside the table", nr, 0);
}

/* Run @stmt; Return: true if it panicked (the message in panic_msg). */
#define PANICS(stmt) ({						\
	bool __p = true;					\
	host_panic_handler = catch_panic;			\
	if (!setjmp(panic_jmp)) {				\
		stmt;						\
		__p = false;					\
	}							\
	host_panic_handler = NULL;				\
	__p;							\
})

static void do_reserve(struct fuzz_input *in)
{
	u64 s = take_addr(in), e = fuzz_take(in, 1) & 1 ? take_addr(in) : s + fuzz_take(in, 2);
	const char *name = names[fuzz_take(in, 1) % ARRAY_SIZE(names)];
	char want[256] = "";
	int i;

	if (s < e) {
		for (i = 0; i < nr && !overlaps(s, e, i); i++)
			;
		if (i < nr)
			snprintf(want, sizeof(want),
				 "Overlapping early reservations %llx-%llx %s to %llx-%llx %s",
				 s, e - 1, name, model[i].start, model[i].end - 1, model[i].name);
		else if (nr == MAX_EARLY_RES)
			strscpy(want, "Too many early reservations", sizeof(want));
	}
	if (PANICS(reserve_early(s, e, name))) {
		if (strcmp(panic_msg, want))
			die("reserve_early panicked where the model does not", s, e);
		return;
	}
	if (*want)
		die("reserve_early did not panic", s, e);
	if (s >= e)
		return;
	model[nr].start = s;
	model[nr].end = e;
	strscpy(model[nr].name, name, EARLY_RES_NAME_LEN);
	nr++;
}

static void do_free(struct fuzz_input *in)
{
	u64 s, e;
	int i;

	if (nr && fuzz_take(in, 1) & 1) {	/* mostly an exact entry */
		i = fuzz_take(in, 1) % nr;
		s = model[i].start;
		e = model[i].end;
	} else {
		s = take_addr(in);
		e = s + fuzz_take(in, 2);
	}
	for (i = 0; i < nr && !overlaps(s, e, i); i++)
		;
	if (i == nr || model[i].start != s || model[i].end != e) {
		char want[256];

		snprintf(want, sizeof(want), "free_early on not reserved area: %llx-%llx!", s, e - 1);
		if (!PANICS(free_early(s, e)) || strcmp(panic_msg, want))
			die("free_early of an unreserved range", s, e);
		return;
	}
	if (PANICS(free_early(s, e)))
		die("free_early of an exact entry panicked", s, e);
	memmove(&model[i], &model[i + 1], (nr - 1 - i) * sizeof(model[0]));
	nr--;
}

/* The model's search: every candidate, the smallest that fits. */
static u64 model_find(u64 start, u64 end, u64 size, u64 align)
{
	u32 k;
	int i, j;

	if (!size || (align & (align - 1)))
		return NF;
	if (!align)
		align = 1;
	for (k = 0; k < e820_table->nr_entries; k++) {
		const struct e820_entry *ei = &e820_table->entries[k];
		u64 last = ei->addr + ei->size, a0 = max(ei->addr, start), best = NF;

		if (ei->type != E820_TYPE_RAM || last < ei->addr || round_up(a0, align) < a0)
			continue;
		a0 = round_up(a0, align);
		for (i = -1; i < nr; i++) {
			u64 c = i < 0 ? a0 : round_up(model[i].end, align);

			if (c < a0 || (i >= 0 && c < model[i].end) || c + size < c)
				continue;
			for (j = 0; j < nr && !overlaps(c, c + size, j); j++)
				;
			if (j == nr && c < best)
				best = c;
		}
		if (best != NF && best < last && size <= last - best && best + size <= end)
			return best;
	}
	return NF;
}

static u64 check_find(u64 start, u64 end, u64 size, u64 align)
{
	u64 got = find_e820_area(start, end, size, align), want = model_find(start, end, size, align);

	if (got != want)
		die("find_e820_area differs from the model (got, model)", got, want);
	return got;
}

/* A search; after a hit, the same with the limit exactly at its end and one byte short. */
static void do_find(struct fuzz_input *in)
{
	u64 start = take_addr(in), end = fuzz_take(in, 1) & 1 ? ~0ULL : take_addr(in);
	u64 size = fuzz_take(in, 2) << (fuzz_take(in, 1) & 15);
	u32 a = fuzz_take(in, 1);
	u64 align = a < 0xf0 ? 1ULL << (a % 48) : a == 0xf0 ? 0 : a;
	u64 got = check_find(start, end, size, align);

	if (got != NF) {
		check_find(start, got + size, size, align);
		check_find(start, got + size - 1, size, align);
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	host_console_quiet(true);	/* reserve_early's WARN on inverted ranges */
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_input in = { data, size };
	u32 i, n = fuzz_take(&in, 1) % 7;

	e820_table->nr_entries = n;
	for (i = 0; i < n; i++) {
		struct e820_entry *e = &e820_table->entries[i];

		e->addr = take_addr(&in);
		e->size = fuzz_take(&in, 1) & 1 ? fuzz_take(&in, 3) << 4 : ~0ULL - fuzz_take(&in, 2);
		e->type = fuzz_take(&in, 1) & 3 ? E820_TYPE_RAM : E820_TYPE_RESERVED;
	}
	while (in.n) {
		u32 op = fuzz_take(&in, 1);

		if (op < 0x60)
			do_reserve(&in);
		else if (op < 0x90)
			do_free(&in);
		else
			do_find(&in);
		check_table();
	}
	while (nr) {		/* empty the table for the next input */
		if (PANICS(free_early(model[0].start, model[0].end)))
			die("free_early of entry 0 panicked", model[0].start, model[0].end);
		memmove(&model[0], &model[1], (nr - 1) * sizeof(model[0]));
		nr--;
		check_table();
	}
	e820_table->nr_entries = 0;
	return 0;
}
