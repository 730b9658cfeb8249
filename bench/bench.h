/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What every bench/..._bench.c shares: a monotonic clock, and the project's
 * targets checked side by side with the measured ratio.
 *
 * Each benchmark measures its baseline in the same run (the host is
 * shared and noisy), calls bench_target() once per target as it prints its
 * tables, and ends with bench_summary(): one "bench: ..." line per target,
 * "ok" or "MISS", so a reader sees at once what is met.  A MISS is a
 * finding, not an error: the program still exits 0 (an exact-result
 * mismatch, a real bug, aborts instead).
 */
#ifndef BENCH_BENCH_H
#define BENCH_BENCH_H

#include <stdio.h>
#include <time.h>

static inline double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

#define BENCH_MAX_TARGETS	64

struct bench_target {
	char what[96];
	double value, limit;
	const char *unit;	/* NULL: a ratio; else the value's unit */
	const char *note;
};

static struct bench_target bench_targets[BENCH_MAX_TARGETS];
static int bench_nr_targets;

static inline const char *bench_record(const char *what, double value, double limit,
				       const char *unit, const char *note)
{
	if (bench_nr_targets < BENCH_MAX_TARGETS) {
		struct bench_target *t = &bench_targets[bench_nr_targets++];

		snprintf(t->what, sizeof(t->what), "%s", what);
		t->value = value;
		t->limit = limit;
		t->unit = unit;
		t->note = note;
	}
	return value <= limit ? "ok" : "MISS";
}

/**
 * bench_target() - record one target: @ratio must be at most @limit
 * @what: what was compared (printed in the summary)
 * @ratio: measured, ours / baseline
 * @limit: the target's bound
 * @note: why a miss is what it is, printed under a MISS (or NULL)
 *
 * Return: "ok" or "MISS", for the caller's own table.
 */
static inline const char *bench_target(const char *what, double ratio, double limit,
				       const char *note)
{
	return bench_record(what, ratio, limit, NULL, note);
}

/**
 * bench_value() - record a target on a plain value (a size, a time)
 * @what: what was measured
 * @value: the value
 * @limit: the target's bound (at most)
 * @unit: printed after both numbers, e.g. "B"
 *
 * Return: "ok" or "MISS".
 */
static inline const char *bench_value(const char *what, double value, double limit,
				      const char *unit)
{
	return bench_record(what, value, limit, unit, NULL);
}

/**
 * bench_summary() - print the "bench:" lines of every recorded target
 * @name: the benchmark's name, first word of each line
 *
 * Return: the number of targets missed.
 */
static inline int bench_summary(const char *name)
{
	int i, missed = 0;

	printf("\n");
	for (i = 0; i < bench_nr_targets; i++) {
		const struct bench_target *t = &bench_targets[i];
		int ok = t->value <= t->limit;

		if (t->unit)
			printf("bench: %-10s %-54s %7.0f %s (target \xe2\x89\xa4 %.0f %s) %s\n",
			       name, t->what, t->value, t->unit, t->limit, t->unit,
			       ok ? "ok" : "MISS");
		else
			printf("bench: %-10s %-54s ratio %7.2f (target \xe2\x89\xa4 %.2f) %s\n",
			       name, t->what, t->value, t->limit, ok ? "ok" : "MISS");
		if (!ok && t->note)
			printf("bench: %-10s   why: %s\n", name, t->note);
		missed += !ok;
	}
	return missed;
}

#endif /* BENCH_BENCH_H */
