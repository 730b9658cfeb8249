/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The e820 table's interface (arch/x86/kernel/e820.c), named as Linux 6.12
 * names it.  Each Linux function that works on the global e820_table has,
 * where a test or the simulator needs to run it on a table of its own, a
 * workhorse that takes the table (__e820__range_add under e820__range_add).
 * Ranges are [start, start + size); "end" arguments are exclusive.
 */
#ifndef _ASM_E820_API_H
#define _ASM_E820_API_H

#include <asm/page.h>
#include <asm/e820/types.h>
#include <asm/bootparam.h>

/*
 * The highest page frame number the architecture can address: i386
 * without PAE (32-bit physical addresses), the kernel bootmm builds.
 * __e820__end_ram_pfn() takes the limit as an argument so the simulator
 * can model PAE (1 << 24) or x86_64 (1 << 34) as well.
 */
#ifndef MAX_ARCH_PFN
#define MAX_ARCH_PFN		(1UL << (32 - PAGE_SHIFT))
#endif

/* The table everything edits, kexec's copy, and the firmware's original. */
extern struct e820_table *e820_table;
extern struct e820_table *e820_table_kexec;
extern struct e820_table *e820_table_firmware;

/* Start of the PCI MMIO window found by e820__setup_pci_gap(). */
extern unsigned long pci_mem_start;

/* Print tables in the 2.6 format (" BIOS-e820: %016Lx - %016Lx (usable)"). */
extern bool e820_legacy_format;

/* Queries (start/end: [start, end)). */
bool e820__mapped_raw_any(u64 start, u64 end, enum e820_type type);
bool e820__mapped_any(u64 start, u64 end, enum e820_type type);
bool __e820__mapped_any(const struct e820_table *table, u64 start, u64 end,
			enum e820_type type);
bool e820__mapped_all(u64 start, u64 end, enum e820_type type);
bool __e820__mapped_all(const struct e820_table *table, u64 start, u64 end,
			enum e820_type type);
int e820__get_entry_type(u64 start, u64 end);

/* Edits: they append or trim entries; e820__update_table() sorts after. */
void __e820__range_add(struct e820_table *table, u64 start, u64 size,
		       enum e820_type type);
void e820__range_add(u64 start, u64 size, enum e820_type type);
u64 e820__range_update(u64 start, u64 size, enum e820_type old_type,
		       enum e820_type new_type);
u64 e820__range_update_table(struct e820_table *t, u64 start, u64 size,
			     enum e820_type old_type, enum e820_type new_type);
u64 __e820__range_remove(struct e820_table *table, u64 start, u64 size,
			 enum e820_type old_type, bool check_type);
u64 e820__range_remove(u64 start, u64 size, enum e820_type old_type,
		       bool check_type);

/* The sanitiser. */
int e820__update_table(struct e820_table *table);
void e820__update_table_print(void);

/* Printing. */
void __e820__print_table(const struct e820_table *table, const char *who);
void e820__print_table(const char *who);

/* Where the table comes from. */
int append_e820_table(struct e820_table *table,
		      const struct boot_e820_entry *entries, u32 nr_entries);
const char *e820__memory_setup_default(const struct boot_params *bp);
void e820__memory_setup(const struct boot_params *bp);
void e820__memory_setup_extended(u64 phys_addr, u32 data_len);
void e820__reserve_setup_data(u64 pa_data, u64 map_end);
void e820__finish_early_params(void);

/* Consumers. */
unsigned long __e820__end_ram_pfn(const struct e820_table *table,
				  unsigned long limit_pfn,
				  unsigned long max_arch_pfn);
unsigned long e820__end_of_ram_pfn(void);
unsigned long e820__end_of_low_ram_pfn(void);
int e820_search_gap(const struct e820_table *table,
		    unsigned long *gapstart, unsigned long *gapsize);
void e820__setup_pci_gap(void);
void __e820__memblock_setup(u64 resource_max);
void e820__memblock_setup(void);
u64 e820__memblock_alloc_reserved(u64 size, u64 align);

#endif /* _ASM_E820_API_H */
