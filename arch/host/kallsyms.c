// SPDX-License-Identifier: GPL-2.0
/*
 * kallsyms_lookup for the host: the dynamic symbol table (binaries are
 * linked with -rdynamic) gives the name, start and size of the function
 * containing an address, for %pS in memblock=debug lines.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <string.h>
#include <linux/kallsyms.h>

const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize,
			    unsigned long *offset, char **modname, char *namebuf)
{
	const ElfW(Sym) *sym = NULL;
	Dl_info info;

	*modname = NULL;
	if (!dladdr1((void *)addr, &info, (void **)&sym, RTLD_DL_SYMENT) ||
	    !info.dli_sname || !sym)
		return NULL;
	strncpy(namebuf, info.dli_sname, KSYM_NAME_LEN - 1);
	namebuf[KSYM_NAME_LEN - 1] = '\0';
	*offset = addr - (unsigned long)info.dli_saddr;
	*symbolsize = sym->st_size;
	return namebuf;
}
