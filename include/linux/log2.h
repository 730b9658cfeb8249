/* SPDX-License-Identifier: GPL-2.0 */
/* Integer base-2 logarithms and powers of two, as Linux's linux/log2.h. */
#ifndef _LINUX_LOG2_H
#define _LINUX_LOG2_H

#include <linux/bitops.h>

static inline bool is_power_of_2(unsigned long n)
{
	return n != 0 && (n & (n - 1)) == 0;
}

/* floor(log2(n)); n must not be 0. */
static inline int ilog2(unsigned long long n)
{
	return fls64(n) - 1;
}

static inline unsigned long roundup_pow_of_two(unsigned long n)
{
	return n <= 1 ? 1 : 1UL << fls64((u64)(n - 1));
}

static inline unsigned long rounddown_pow_of_two(unsigned long n)
{
	return 1UL << ilog2(n);
}

/* Smallest order such that (PAGE_SIZE << order) >= size; size > 0. */
#define get_order(size)	((size) <= PAGE_SIZE ? 0 : ilog2(((size) - 1) >> PAGE_SHIFT) + 1)

#endif /* _LINUX_LOG2_H */
