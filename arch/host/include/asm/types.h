/* SPDX-License-Identifier: GPL-2.0 */
/* Word size of the host (x86_64) build. */
#ifndef _ASM_HOST_TYPES_H
#define _ASM_HOST_TYPES_H

#define BITS_PER_LONG		64
#define BITS_PER_LONG_LONG	64

#endif /* _ASM_HOST_TYPES_H */
