/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Address to symbol lookup, for %pS (memblock=debug names its caller).
 * Each arch provides kallsyms_lookup(): the kernel from a table linked
 * into the image, the host from the dynamic symbol table.
 */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/types.h>

#define KSYM_NAME_LEN 128

/**
 * kallsyms_lookup() - find the symbol containing an address
 * @addr: the address
 * @symbolsize: set to the symbol's size
 * @offset: set to @addr's offset inside the symbol
 * @modname: set to NULL (no modules)
 * @namebuf: KSYM_NAME_LEN bytes for the name
 *
 * Return: @namebuf holding the name, or NULL when no symbol is known.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize,
			    unsigned long *offset, char **modname, char *namebuf);

#endif /* _LINUX_KALLSYMS_H */
