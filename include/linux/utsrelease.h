/* SPDX-License-Identifier: GPL-2.0 */
/*
 * UTS_RELEASE: bootmm's release, one string for the kernel's banner and
 * `bootmm --version` (Linux generates include/generated/utsrelease.h).
 * tools/bootmm/bootmm.1's .TH line carries the same number.
 */
#ifndef _LINUX_UTSRELEASE_H
#define _LINUX_UTSRELEASE_H

#define UTS_RELEASE	"0.1"

#endif /* _LINUX_UTSRELEASE_H */
