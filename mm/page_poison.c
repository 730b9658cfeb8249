// SPDX-License-Identifier: GPL-2.0
/*
 * Page poisoning ("page_poison=1", Linux's mm/page_poison.c): every page
 * the buddy allocator holds is filled with PAGE_POISON; on allocation the
 * fill is checked, so a write to a page after it was freed (or a stray
 * write into free memory) is reported with the bytes that changed.
 *
 * Where bootmm differs from Linux: while poisoning is on the per-cpu
 * lists are off (pcp->high = 0), so every page is poisoned and checked on
 * the page allocator's slow paths and the order-0 fast paths stay free of
 * the check.  A corruption is reported and counted in page_poison_errors;
 * the page is handed out all the same, as in Linux.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/kstrtox.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include "internal.h"

bool page_poisoning_enabled;
unsigned long page_poison_errors;

static int __init early_page_poison_param(char *buf)
{
	return kstrtobool(buf, &page_poisoning_enabled);
}
early_param("page_poison", early_page_poison_param);

/**
 * kernel_poison_pages() - fill 2^@order pages with PAGE_POISON
 * @page: the first page (highmem pages are mapped one at a time)
 * @order: the block's order
 */
void kernel_poison_pages(struct page *page, unsigned int order)
{
	unsigned long i;

	for (i = 0; i < (1UL << order); i++) {
		void *addr = kmap_atomic(page + i);

		memset(addr, PAGE_POISON, PAGE_SIZE);
		kunmap_atomic(addr);
	}
}

/* One bit off in one byte: a memory error more than a program's write. */
static bool single_bit_flip(u8 a, u8 b)
{
	u8 error = a ^ b;

	return error && !(error & (error - 1));
}

static void check_poison_mem(struct page *page, u8 *mem)
{
	u8 *start = memchr_inv(mem, PAGE_POISON, PAGE_SIZE), *end;

	if (!start)
		return;
	for (end = mem + PAGE_SIZE - 1; end > start && *end == PAGE_POISON; end--)
		;
	page_poison_errors++;
	if (start == end && single_bit_flip(*start, PAGE_POISON))
		pr_err("pagealloc: single bit error\n");
	else
		pr_err("pagealloc: memory corruption\n");
	print_section(KERN_ERR, "", start, min_t(unsigned long, end - start + 1, 256));
	dump_page(page, "pagealloc: corrupted page details");
}

/**
 * kernel_unpoison_pages() - check 2^@order pages still hold PAGE_POISON
 * @page: the first page of a block leaving the buddy allocator
 * @order: its order
 *
 * Reports every page whose fill changed (at most 256 bytes of it shown).
 */
void kernel_unpoison_pages(struct page *page, unsigned int order)
{
	unsigned long i;

	for (i = 0; i < (1UL << order); i++) {
		u8 *addr = kmap_atomic(page + i);

		check_poison_mem(page + i, addr);
		kunmap_atomic(addr);
	}
}
