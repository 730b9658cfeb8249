// SPDX-License-Identifier: GPL-2.0
/*
 * initregs(): a clean register block for intcall().  Segments are ours;
 * CF starts set so that a BIOS which does not implement a function and
 * returns without touching the flags reads as "unsupported".
 */
#include "boot.h"

/**
 * initregs() - zero a register block, with our segments and CF set
 * @reg: the block to fill
 */
void initregs(struct biosregs *reg)
{
	u16 seg = ds();

	memset(reg, 0, sizeof(*reg));
	reg->eflags |= X86_EFLAGS_CF;
	reg->ds = seg;
	reg->es = seg;
	reg->fs = seg;
	reg->gs = seg;
}
