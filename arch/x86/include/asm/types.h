/* SPDX-License-Identifier: GPL-2.0 */
/* Word size of the i386 kernel; the host shadows this with 64. */
#ifndef _ASM_X86_TYPES_H
#define _ASM_X86_TYPES_H

#define BITS_PER_LONG		32
#define BITS_PER_LONG_LONG	64

#endif /* _ASM_X86_TYPES_H */
