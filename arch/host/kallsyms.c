// SPDX-License-Identifier: GPL-2.0
/*
 * kallsyms_lookup for the host: the name, start and size of the function
 * containing an address, for %pS in memblock=debug lines.
 *
 * The kernel's table has every function, static ones included (its
 * memblock=debug lines name early_reserve_kernel, reserve_page0, ...), so
 * the host reads the full .symtab of its own executable, not just the
 * dynamic symbols dladdr() sees.  A stripped executable falls back to
 * dladdr() (exported functions only).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/kallsyms.h>

struct host_sym {
	unsigned long addr, size;
	const char *name;		/* into the mapped executable */
};

static struct host_sym *host_syms;
static size_t host_nr_syms;
static int host_syms_loaded;

/* The first object dl_iterate_phdr() reports is the executable itself. */
static int exe_bias(struct dl_phdr_info *info, size_t size, void *data)
{
	*(unsigned long *)data = info->dlpi_addr;
	return 1;
}

static int cmp_sym(const void *a, const void *b)
{
	const struct host_sym *x = a, *y = b;

	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* Every defined function symbol of /proc/self/exe, sorted by address. */
static void load_symtab(void)
{
	const Elf64_Ehdr *eh;
	const Elf64_Shdr *sh;
	unsigned long bias = 0;
	struct stat st;
	void *map;
	size_t i, j;
	int fd;

	host_syms_loaded = 1;
	fd = open("/proc/self/exe", O_RDONLY);
	if (fd < 0)
		return;
	if (fstat(fd, &st) || st.st_size < (off_t)sizeof(*eh)) {
		close(fd);
		return;
	}
	map = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return;
	eh = map;
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG) || eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh->e_shoff + (u64)eh->e_shnum * sizeof(*sh) > (u64)st.st_size)
		return;
	sh = (const Elf64_Shdr *)((const char *)map + eh->e_shoff);
	dl_iterate_phdr(exe_bias, &bias);
	for (i = 0; i < eh->e_shnum; i++) {
		const Elf64_Sym *sym = (const void *)((const char *)map + sh[i].sh_offset);
		const char *strtab;
		size_t n = sh[i].sh_size / sizeof(*sym);

		if (sh[i].sh_type != SHT_SYMTAB || sh[i].sh_link >= eh->e_shnum ||
		    sh[i].sh_offset + sh[i].sh_size > (u64)st.st_size ||
		    sh[sh[i].sh_link].sh_offset + sh[sh[i].sh_link].sh_size > (u64)st.st_size)
			continue;
		strtab = (const char *)map + sh[sh[i].sh_link].sh_offset;
		host_syms = calloc(n, sizeof(*host_syms));
		if (!host_syms)
			return;
		for (j = 0; j < n; j++) {
			if (ELF64_ST_TYPE(sym[j].st_info) != STT_FUNC || !sym[j].st_value ||
			    sym[j].st_name >= sh[sh[i].sh_link].sh_size)
				continue;
			host_syms[host_nr_syms++] = (struct host_sym){
				.addr = sym[j].st_value + bias,
				.size = sym[j].st_size,
				.name = strtab + sym[j].st_name,
			};
		}
		qsort(host_syms, host_nr_syms, sizeof(*host_syms), cmp_sym);
		return;
	}
}

/* The function whose [addr, addr + size) holds @addr, or NULL. */
static const struct host_sym *find_sym(unsigned long addr)
{
	size_t lo = 0, hi = host_nr_syms;

	while (lo < hi) {		/* first symbol above addr */
		size_t mid = lo + (hi - lo) / 2;

		if (host_syms[mid].addr <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	while (lo--) {			/* aliases share an address: any that covers it */
		if (addr - host_syms[lo].addr < host_syms[lo].size)
			return &host_syms[lo];
		if (lo && host_syms[lo - 1].addr != host_syms[lo].addr)
			break;
	}
	return NULL;
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize,
			    unsigned long *offset, char **modname, char *namebuf)
{
	const struct host_sym *s;
	const ElfW(Sym) *sym = NULL;
	Dl_info info;

	*modname = NULL;
	if (!host_syms_loaded)
		load_symtab();
	s = find_sym(addr);
	if (s) {
		strncpy(namebuf, s->name, KSYM_NAME_LEN - 1);
		namebuf[KSYM_NAME_LEN - 1] = '\0';
		*offset = addr - s->addr;
		*symbolsize = s->size;
		return namebuf;
	}
	if (!dladdr1((void *)addr, &info, (void **)&sym, RTLD_DL_SYMENT) ||
	    !info.dli_sname || !sym)
		return NULL;
	strncpy(namebuf, info.dli_sname, KSYM_NAME_LEN - 1);
	namebuf[KSYM_NAME_LEN - 1] = '\0';
	*offset = addr - (unsigned long)info.dli_saddr;
	*symbolsize = sym->st_size;
	return namebuf;
}
