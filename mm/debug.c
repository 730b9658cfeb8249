// SPDX-License-Identifier: GPL-2.0
/*
 * dump_page(): what the kernel says about a struct page when something
 * is wrong with it (Linux's mm/debug.c), for VM_BUG_ON_PAGE() and the
 * page poisoning reports: the page, its reference count, its pfn and
 * flags, and why it was dumped.
 */
#include <linux/kernel.h>
#include <linux/mm.h>

/**
 * dump_page() - print a struct page and the reason it is suspect
 * @page: the page
 * @reason: why (printed as "page dumped because: @reason"), or NULL
 */
void dump_page(struct page *page, const char *reason)
{
	pr_warn("page:%p refcount:%d mapcount:0 mapping:00000000 index:0x0 pfn:%#lx\n",
		page, page->_refcount, page_to_pfn(page));
	pr_warn("flags: %#lx%s%s%s%s\n", page->flags,
		PageReserved(page) ? " reserved" : "", PageBuddy(page) ? " buddy" : "",
		PageHead(page) ? " head" : "", PageSlab(page) ? " slab" : "");
	if (reason)
		pr_warn("page dumped because: %s\n", reason);
}
