/* SPDX-License-Identifier: GPL-2.0 */
/* NUMA node limits; bootmm models one node but keeps Linux's node ids. */
#ifndef _LINUX_NUMA_H
#define _LINUX_NUMA_H

#ifndef CONFIG_NODES_SHIFT
#define CONFIG_NODES_SHIFT	0
#endif
#define NODES_SHIFT	CONFIG_NODES_SHIFT
#define MAX_NUMNODES	(1 << NODES_SHIFT)
#define NUMA_NO_NODE	(-1)

#include <linux/types.h>

/* A real node id, not "any node" (NUMA_NO_NODE or MAX_NUMNODES): Linux 6.11+. */
static inline bool numa_valid_node(int nid)
{
	return nid >= 0 && nid < MAX_NUMNODES;
}

#endif /* _LINUX_NUMA_H */
