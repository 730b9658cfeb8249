/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Boot-time markers and command-line hooks.
 *
 * __init and friends mark code and data used only during boot (kept in
 * place: bootmm never frees init memory).  early_param("name", fn)
 * registers fn to be called by parse_early_param() with the text after
 * "name=" (NULL when the word stands alone), as Linux does.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

#define __init
#define __initdata
#define __initconst
#define __meminit
#define __meminitdata
#define __refdata

#define COMMAND_LINE_SIZE 2048

struct obs_kernel_param {
	const char *str;
	int (*setup_func)(char *val);
};

/*
 * The table holds pointers, one per parameter, in section __early_param;
 * the linker provides __start___early_param and __stop___early_param.
 * (Pointers rather than structs: sanitizers do not pad them.)
 */
#define early_param(str, fn)						\
	static const struct obs_kernel_param __early_param_##fn = {	\
		str, fn };						\
	static const struct obs_kernel_param *const __early_ptr_##fn	\
		__section("__early_param") __used			\
		__aligned(sizeof(void *)) = &__early_param_##fn

/**
 * parse_early_param() - run every early_param hook named on a command line
 * @cmdline: the kernel command line (not modified)
 *
 * Words are "name", "name=value" or name="quoted value", separated by
 * white space.  In names '-' and '_' are the same (page-poison=1 is
 * page_poison=1), and a bare "--" ends the options, as in Linux's
 * parse_args().  A hook that returns non-zero gets "Malformed early
 * option" printed, as Linux does; unknown words are ignored.
 */
void parse_early_param(const char *cmdline);

#endif /* _LINUX_INIT_H */
