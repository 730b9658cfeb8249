/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Basic kernel types, as Linux names them.
 *
 * phys_addr_t is 64 bits everywhere (a 32-bit kernel still sees e820
 * entries above 4 GiB); PFNs and virtual addresses are unsigned long.
 * Only the compiler's freestanding headers are used, never libc's.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <asm/types.h>

typedef uint8_t  u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef unsigned long long u64;
typedef int8_t   s8;
typedef int16_t  s16;
typedef int32_t  s32;
typedef long long s64;

typedef u8  __u8;
typedef u16 __u16;
typedef u32 __u32;
typedef u64 __u64;
typedef s8  __s8;
typedef s16 __s16;
typedef s32 __s32;
typedef s64 __s64;
typedef u16 __le16;
typedef u32 __le32;
typedef u64 __le64;

typedef u64 phys_addr_t;
typedef phys_addr_t resource_size_t;
typedef u64 dma_addr_t;
typedef long ssize_t;
typedef unsigned long pgoff_t;
typedef unsigned int gfp_t;

#endif /* _LINUX_TYPES_H */
