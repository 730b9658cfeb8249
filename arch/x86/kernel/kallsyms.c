// SPDX-License-Identifier: GPL-2.0
/*
 * %pS for the kernel: a table of function symbols (address-sorted) that
 * scripts/kallsyms.sh generates from a first link and the second link
 * puts in .kallsyms.  The first link has no table: lookups return NULL
 * and %pS prints the bare address.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/kallsyms.h>

struct kallsym {
	unsigned long addr;
	const char *name;
};

extern const struct kallsym kallsyms_table[] __attribute__((weak));
extern const unsigned long kallsyms_num __attribute__((weak));
extern char _etext[];

const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize,
			    unsigned long *offset, char **modname, char *namebuf)
{
	unsigned long lo = 0, hi, end;

	if (!&kallsyms_num || !kallsyms_num || addr < kallsyms_table[0].addr ||
	    addr >= (unsigned long)_etext)
		return NULL;
	hi = kallsyms_num;
	while (hi - lo > 1) {	/* last entry with addr <= @addr */
		unsigned long mid = lo + (hi - lo) / 2;

		if (kallsyms_table[mid].addr <= addr)
			lo = mid;
		else
			hi = mid;
	}
	end = lo + 1 < kallsyms_num ? kallsyms_table[lo + 1].addr : (unsigned long)_etext;
	if (symbolsize)
		*symbolsize = end - kallsyms_table[lo].addr;
	if (offset)
		*offset = addr - kallsyms_table[lo].addr;
	if (modname)
		*modname = NULL;
	strscpy(namebuf, kallsyms_table[lo].name, KSYM_NAME_LEN);
	return namebuf;
}
