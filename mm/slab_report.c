// SPDX-License-Identifier: GPL-2.0
/*
 * Slab error reports, in Linux's SLUB format: a banner naming the cache
 * and what is wrong, the object's owner (SLAB_STORE_USER), the slab, and
 * a hex dump of the object with its red zones and padding; "FIX" lines
 * say how the damage was contained.  Then the kernel stops (slab_panic)
 * or goes on, counting the error in slab_errors.
 */
#include <linux/string.h>
#include <linux/init.h>
#include "slab.h"

/* Stop the kernel at the first slab error instead of containing it. */
bool slab_panic_on_error;
/* Errors reported since boot (tests and self-tests read it). */
unsigned long slab_errors;

static int __init early_slab_panic(char *str)
{
	return slab_parse_bool(str, &slab_panic_on_error);
}
early_param("slab_panic", early_slab_panic);

/**
 * print_section() - hex dump, 16 bytes a line, with the bytes as text
 * @level: KERN_ERR, ...
 * @text: line prefix, e.g. "Object "
 * @addr: first byte
 * @length: bytes to dump
 */
void print_section(const char *level, const char *text, const u8 *addr,
		   unsigned int length)
{
	unsigned int i, j;

	for (i = 0; i < length; i += 16) {
		char hex[16 * 3 + 1], asc[17];
		unsigned int n = min(16U, length - i);
		char *h = hex;

		for (j = 0; j < n; j++) {
			u8 c = addr[i + j];

			h += snprintf(h, 4, "%s%02x", j ? " " : "", c);
			asc[j] = (c >= 0x20 && c < 0x7f) ? (char)c : '.';
		}
		asc[n] = '\0';
		printk("%s%s%0*lx: %-47s  %s\n", level, text,
		       (int)(2 * sizeof(long)), (unsigned long)(addr + i), hex, asc);
	}
}

static void slab_vbug(struct kmem_cache *s, const char *fmt, va_list args)
{
	char buf[160];

	vsnprintf(buf, sizeof(buf), fmt, args);
	pr_err("=============================================================================\n");
	pr_err("BUG %s (Not tainted): %s\n", s ? s->name : "kmalloc", buf);
	pr_err("-----------------------------------------------------------------------------\n\n");
}

/**
 * slab_bug() - the banner that starts every report, naming the cache
 * @s: the cache (NULL: a kmalloc pointer whose cache is unknown)
 * @fmt: what is wrong, printf format and arguments
 */
void slab_bug(struct kmem_cache *s, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	slab_vbug(s, fmt, args);
	va_end(args);
}

/**
 * slab_fix() - say how an error was contained ("FIX <cache>: ...")
 * @s: the cache
 * @fmt: printf format and arguments
 */
void slab_fix(struct kmem_cache *s, const char *fmt, ...)
{
	char buf[160];
	va_list args;

	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	pr_err("FIX %s: %s\n", s ? s->name : "kmalloc", buf);
}

static void print_slab_info(struct slab *slab)
{
	pr_err("Slab 0x%lx objects=%u used=%u fp=0x%lx flags=0x%lx\n",
	       (unsigned long)slab, slab->objects, slab->inuse,
	       (unsigned long)slab->freelist, slab->__page_flags);
}

/**
 * print_tracking() - who last allocated and freed an object (SLAB_STORE_USER)
 * @s: the cache
 * @object: the object
 *
 * Prints nothing for a cache without owner tracking.
 */
void print_tracking(struct kmem_cache *s, void *object)
{
	unsigned long alloc_addr, free_addr;

	if (!(s->flags & SLAB_STORE_USER))
		return;
	alloc_addr = get_track(s, object, TRACK_ALLOC)->addr;
	free_addr = get_track(s, object, TRACK_FREE)->addr;
	if (alloc_addr)
		pr_err("INFO: Allocated in %pS cpu=0 pid=0\n", (void *)alloc_addr);
	if (free_addr)
		pr_err("INFO: Freed in %pS cpu=0 pid=0\n", (void *)free_addr);
}

/**
 * print_trailer() - the object and everything around it, after a banner
 * @s: the cache
 * @slab: its slab
 * @p: the object
 */
void print_trailer(struct kmem_cache *s, struct slab *slab, u8 *p)
{
	u8 *addr = slab_address(slab);
	unsigned int off;

	print_tracking(s, p);
	print_slab_info(slab);
	pr_err("Object 0x%lx @offset=%lu fp=0x%lx\n\n", (unsigned long)p,
	       (unsigned long)(p - addr), (unsigned long)get_freepointer(s, p));
	if (s->flags & SLAB_RED_ZONE)
		print_section(KERN_ERR, "Redzone  ", p - s->red_left_pad, s->red_left_pad);
	else if (p >= addr + 16)
		print_section(KERN_ERR, "Bytes b4 ", p - 16, 16);
	print_section(KERN_ERR, "Object   ", p, min_t(unsigned int, s->object_size, 256));
	if (s->flags & SLAB_RED_ZONE)
		print_section(KERN_ERR, "Redzone  ", p + s->object_size,
			      s->inuse - s->object_size);
	off = slab_pad_offset(s);
	if (off < size_from_object(s))
		print_section(KERN_ERR, "Padding  ", p + off, size_from_object(s) - off);
}

/*
 * Dump the 32 bytes around @p, staying inside its page, but only when
 * the page is in the direct map: a wild pointer must not fault the
 * report itself.
 */
static void print_bytes_around(const void *p)
{
	unsigned long start = ALIGN_DOWN((unsigned long)p, 16);
	unsigned long end = min(start + 32, ALIGN_DOWN(start, PAGE_SIZE) + PAGE_SIZE);
	struct page *page = slab_virt_to_head(p);

	if (!page || PageHighMem(page)) {
		pr_err("Pointer 0x%lx is outside the memory map\n", (unsigned long)p);
		return;
	}
	pr_err("Pointer 0x%lx\n", (unsigned long)p);
	print_section(KERN_ERR, "Bytes    ", (const u8 *)start, end - start);
}

/**
 * slab_report() - report a bad object or a bad pointer
 * @s: the cache involved (NULL: a kmalloc pointer of unknown cache)
 * @slab: the slab holding @object, or NULL when it is in none
 * @object: the object or pointer
 * @reason: what is wrong
 *
 * Dumps the object with its surroundings when it is an object of @slab,
 * else the bytes around the pointer when it lies in the direct map.
 */
void slab_report(struct kmem_cache *s, struct slab *slab, const void *object,
		 const char *reason)
{
	slab_bug(s, "%s", reason);
	slab_print_object(s, slab, object);
}

/**
 * slab_print_object() - the part of a report after its banner
 * @s: the cache whose layout @slab has
 * @slab: the slab holding @object, or NULL when it is in none
 * @object: the object or pointer
 *
 * The object with its red zones, owner and padding (print_trailer())
 * when @object starts an object of @slab; else the slab line, if any,
 * and the bytes around the pointer when it lies in the direct map.
 */
void slab_print_object(struct kmem_cache *s, struct slab *slab,
		       const void *object)
{
	if (slab && obj_to_index(s, slab, object) >= 0) {
		print_trailer(s, slab, (u8 *)object);
		return;
	}
	if (slab)
		print_slab_info(slab);
	print_bytes_around(object);
}

/**
 * slab_err() - report a slab-level error with a formatted reason
 * @s: the cache
 * @slab: the slab
 * @fmt: printf format and arguments
 */
void slab_err(struct kmem_cache *s, struct slab *slab, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	slab_vbug(s, fmt, args);
	va_end(args);
	print_slab_info(slab);
}

/**
 * slab_error_done() - after a report: count it, and stop if so configured
 * @s: the cache (may be NULL)
 */
void slab_error_done(struct kmem_cache *s)
{
	slab_errors++;
	if (slab_panic_on_error)
		panic("slab error in %s (slab_panic)", s ? s->name : "kmalloc");
}
