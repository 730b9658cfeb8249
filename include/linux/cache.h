/* SPDX-License-Identifier: GPL-2.0 */
/* Cache-line size and section markers, as Linux's linux/cache.h. */
#ifndef _LINUX_CACHE_H
#define _LINUX_CACHE_H

#include <linux/compiler.h>

#define L1_CACHE_SHIFT		6
#define L1_CACHE_BYTES		(1 << L1_CACHE_SHIFT)
#define SMP_CACHE_BYTES		L1_CACHE_BYTES
#define ____cacheline_aligned	__aligned(SMP_CACHE_BYTES)
#define __read_mostly
#define __ro_after_init

#endif /* _LINUX_CACHE_H */
