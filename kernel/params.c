// SPDX-License-Identifier: GPL-2.0
/*
 * parse_early_param(): walk the command line once and call every
 * early_param() hook whose name matches a word, as Linux's do_early_param.
 * As Linux's parse_args(), '-' and '_' are the same in names and "--"
 * ends the options (what follows is init's).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>

extern const struct obs_kernel_param *const __start___early_param[];
extern const struct obs_kernel_param *const __stop___early_param[];

/* Linux's parameq(): "page-poison" names the page_poison option. */
static bool parameq(const char *a, const char *b)
{
	for (; *a || *b; a++, b++)
		if ((*a == '-' ? '_' : *a) != (*b == '-' ? '_' : *b))
			return false;
	return true;
}

static int do_early_param(char *param, char *val)
{
	const struct obs_kernel_param *const *p;

	for (p = __start___early_param; p < __stop___early_param; p++) {
		if (!parameq(param, (*p)->str))
			continue;
		if ((*p)->setup_func(val) != 0)
			pr_warn("Malformed early option '%s'\n", param);
	}
	return 0;
}

void parse_early_param(const char *cmdline)
{
	static char tmp_cmdline[COMMAND_LINE_SIZE];
	char *args, *param, *val;

	strscpy(tmp_cmdline, cmdline ? cmdline : "", sizeof(tmp_cmdline));
	args = skip_spaces(tmp_cmdline);
	while (*args) {
		args = next_arg(args, &param, &val);
		if (!val && !strcmp(param, "--"))
			break;
		do_early_param(param, val);
	}
}
