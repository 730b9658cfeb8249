// SPDX-License-Identifier: GPL-2.0
/*
 * Slab debugging and hardening: poisoning, red zones, owner tracking and
 * consistency checks (Linux's slub_debug) and the slab half of the
 * init_on_alloc=/init_on_free= switches (the page allocator reads the
 * same options for pages).  What is found wrong goes to slab_report.c;
 * the damage is then contained: a bad free is ignored, a corrupt object
 * is leaked, a corrupt freelist is cut short.
 */
#include <linux/string.h>
#include <linux/init.h>
#include "slab.h"

/* slub_debug= flags for every cache (or only those in slub_debug_only). */
slab_flags_t slub_debug;
char slub_debug_only[64];
unsigned int slub_debug_only_len;
/* init_on_alloc= / init_on_free=: zero objects when handed out / freed. */
bool slab_init_on_alloc;
bool slab_init_on_free;

/* --- boot options ---------------------------------------------------------- */

/*
 * slub_debug                      F, Z, P and U for every cache
 * slub_debug=<letters>            those (F Z P U T; '-' switches all off)
 * slub_debug=<letters>,<c1>,<c2>  only for the caches named
 */
static int __init setup_slub_debug(char *str)
{
	slab_flags_t flags = 0;

	slub_debug_only_len = 0;
	slub_debug_only[0] = '\0';
	if (!str || !*str || *str == ',') {
		flags = SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON |
			SLAB_STORE_USER;
		if (!str)
			goto out;
	}
	for (; *str && *str != ','; str++) {
		switch (*str | 0x20) {
		case 'f': flags |= SLAB_CONSISTENCY_CHECKS; break;
		case 'z': flags |= SLAB_RED_ZONE; break;
		case 'p': flags |= SLAB_POISON; break;
		case 'u': flags |= SLAB_STORE_USER; break;
		case 't': flags |= SLAB_TRACE; break;
		case '-': flags = 0; break;
		default:
			pr_err("slub_debug option '%c' unknown. skipped\n", *str);
		}
	}
	if (*str == ',') {
		ssize_t n = (ssize_t)strscpy(slub_debug_only, str + 1,
					     sizeof(slub_debug_only));

		if (n < 0) {
			pr_warn("slub_debug: cache list longer than %u bytes, cut there\n",
				(unsigned int)sizeof(slub_debug_only) - 1);
			n = strlen(slub_debug_only);
		}
		slub_debug_only_len = n;
	}
out:
	slub_debug = flags;
	return 0;
}
early_param("slub_debug", setup_slub_debug);

/**
 * slab_parse_bool() - a boot option's boolean value, as kstrtobool reads it
 * @str: "1", "y", "on" or NULL (a bare word) for true; "0", "n", "off" false
 * @res: set on success
 *
 * Return: 0, or -EINVAL for anything else.
 */
int slab_parse_bool(const char *str, bool *res)
{
	if (!str) {
		*res = true;
		return 0;
	}
	switch (str[0]) {
	case '1': case 'y': case 'Y':
		*res = true;
		return 0;
	case '0': case 'n': case 'N':
		*res = false;
		return 0;
	case 'o': case 'O':
		if ((str[1] | 0x20) == 'n') {
			*res = true;
			return 0;
		}
		if ((str[1] | 0x20) == 'f') {
			*res = false;
			return 0;
		}
	}
	return -EINVAL;
}

static int __init early_init_on_alloc(char *str)
{
	return slab_parse_bool(str, &slab_init_on_alloc);
}
early_param("init_on_alloc", early_init_on_alloc);

static int __init early_init_on_free(char *str)
{
	return slab_parse_bool(str, &slab_init_on_free);
}
early_param("init_on_free", early_init_on_free);


/* Does the comma-separated slub_debug_only list name @name? */
static bool name_in_only_list(const char *name)
{
	size_t len = strlen(name);
	const char *p = slub_debug_only;

	while (*p) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (n == len && !strncmp(p, name, n))
			return true;
		if (!end)
			break;
		p = end + 1;
	}
	return false;
}

/**
 * kmem_cache_flags() - a new cache's flags with slub_debug= applied
 * @name: the cache's name
 * @flags: the creator's flags
 *
 * Return: @flags plus the boot-time debug flags when they apply to @name.
 */
slab_flags_t kmem_cache_flags(const char *name, slab_flags_t flags)
{
	if (slub_debug && (!slub_debug_only_len || name_in_only_list(name)))
		flags |= slub_debug;
	return flags;
}

/* --- object layout helpers ------------------------------------------------- */

static void set_track(struct kmem_cache *s, void *object,
		      enum track_item alloc, unsigned long addr)
{
	if (s->flags & SLAB_STORE_USER)
		get_track(s, object, alloc)->addr = addr;
}

/* Fill red zones with @val and, for a free object, the poison pattern. */
static void init_object(struct kmem_cache *s, void *object, u8 val)
{
	u8 *p = object;

	if (s->flags & SLAB_RED_ZONE) {
		memset(p - s->red_left_pad, val, s->red_left_pad);
		memset(p + s->object_size, val, s->inuse - s->object_size);
	}
	if ((s->flags & SLAB_POISON) && val == SLUB_RED_INACTIVE) {
		memset(p, POISON_FREE, s->object_size - 1);
		p[s->object_size - 1] = POISON_END;
	}
}

/* Is @p the address of an object slot of @slab (or NULL, the list end)? */
static bool check_valid_pointer(struct kmem_cache *s, struct slab *slab, void *p)
{
	return !p || obj_to_index(s, slab, p) >= 0;
}

/* First byte in [start, start+bytes) that is not @value, or NULL. */
static u8 *check_bytes(u8 *start, u8 value, unsigned int bytes)
{
	unsigned int i;

	for (i = 0; i < bytes; i++)
		if (start[i] != value)
			return start + i;
	return NULL;
}

/* Check that a zone of an object holds @value; report and restore if not. */
static bool check_bytes_and_report(struct kmem_cache *s, struct slab *slab,
				   u8 *object, const char *what, u8 *start,
				   u8 value, unsigned int bytes)
{
	u8 *fault = check_bytes(start, value, bytes);
	u8 *end = start + bytes;

	if (!fault)
		return true;
	while (end > fault && end[-1] == value)
		end--;
	slab_bug(s, "%s overwritten", what);
	pr_err("0x%lx-0x%lx @offset=%lu. First byte 0x%x instead of 0x%x\n",
	       (unsigned long)fault, (unsigned long)end - 1,
	       (unsigned long)(fault - (u8 *)slab_address(slab)), *fault, value);
	print_trailer(s, slab, object);
	slab_fix(s, "Restoring %s 0x%lx-0x%lx=0x%x", what, (unsigned long)fault,
		 (unsigned long)end - 1, value);
	memset(fault, value, end - fault);
	slab_error_done(s);
	return false;
}

/*
 * A slot's padding (after the free pointer and the tracks) keeps the
 * POISON_INUSE its new slab was filled with; an overflow that jumped the
 * red zone lands there.  Reported and restored; the object itself is
 * fine, so the caller goes on (as Linux's check_pad_bytes).
 */
static void check_pad_bytes(struct kmem_cache *s, struct slab *slab, u8 *p)
{
	unsigned int off = slab_pad_offset(s);

	if (off < size_from_object(s))
		check_bytes_and_report(s, slab, p, "Object padding", p + off,
				       POISON_INUSE, size_from_object(s) - off);
}

/*
 * Red zones (and, for a free object, poison) intact?  Linux's
 * check_object(): the first damaged zone is reported and restored, and
 * the check stops there (one report per object).  With SLAB_POISON the
 * slot's padding is checked too.
 */
static bool check_object(struct kmem_cache *s, struct slab *slab, u8 *p, u8 val)
{
	if (s->flags & SLAB_RED_ZONE) {
		if (!check_bytes_and_report(s, slab, p, "Left Redzone",
					    p - s->red_left_pad, val, s->red_left_pad))
			return false;
		if (!check_bytes_and_report(s, slab, p, "Right Redzone",
					    p + s->object_size, val,
					    s->inuse - s->object_size))
			return false;
	}
	if ((s->flags & SLAB_POISON) && val == SLUB_RED_INACTIVE) {
		if (!check_bytes_and_report(s, slab, p, "Poison", p,
					    POISON_FREE, s->object_size - 1))
			return false;
		if (!check_bytes_and_report(s, slab, p, "End Poison",
					    p + s->object_size - 1, POISON_END, 1))
			return false;
	}
	if (s->flags & SLAB_POISON)
		check_pad_bytes(s, slab, p);
	return true;
}

/*
 * The end of a poisoned slab that no slot covers still holds
 * POISON_INUSE when the slab goes back (Linux's slab_pad_check).
 */
static void slab_pad_check(struct kmem_cache *s, struct slab *slab)
{
	u8 *start = slab_address(slab);
	unsigned int remainder = slab_size(s) - s->objects * s->size;
	u8 *pad = start + slab_size(s) - remainder, *end = pad + remainder;
	u8 *fault;

	if (!(s->flags & SLAB_POISON) || !remainder)
		return;
	fault = check_bytes(pad, POISON_INUSE, remainder);
	if (!fault)
		return;
	while (end > fault && end[-1] == POISON_INUSE)
		end--;
	slab_err(s, slab, "Padding overwritten. 0x%lx-0x%lx @offset=%lu",
		 (unsigned long)fault, (unsigned long)end - 1,
		 (unsigned long)(fault - start));
	print_section(KERN_ERR, "Padding  ", pad, remainder);
	slab_fix(s, "Restoring slab padding 0x%lx-0x%lx=0x%x", (unsigned long)fault,
		 (unsigned long)end - 1, POISON_INUSE);
	memset(fault, POISON_INUSE, end - fault);
	slab_error_done(s);
}

/*
 * Is @search on the free list that holds @slab's free objects (the
 * cache's active freelist for the active slab)?  Walks at most
 * slab->objects links, so a corrupt or cyclic list cannot hang it.
 */
static bool on_freelist(struct kmem_cache *s, struct slab *slab, void *search)
{
	void *fp = slab->frozen ? s->freelist : slab->freelist;
	unsigned int nr = 0;

	while (fp && nr <= slab->objects) {
		if (fp == search)
			return true;
		if (!check_valid_pointer(s, slab, fp))
			return false;
		fp = get_freepointer(s, fp);
		nr++;
	}
	return false;
}

/* --- hooks called by mm/slab.c --------------------------------------------- */

/**
 * setup_slab_debug() - a new debug slab: poison the whole page run first
 * @s: the cache
 * @slab: the new slab (objects are set up after this)
 */
void setup_slab_debug(struct kmem_cache *s, struct slab *slab)
{
	if (s->flags & SLAB_POISON)
		memset(slab_address(slab), POISON_INUSE, slab_size(s));
}

/**
 * setup_object_debug() - a new free object: red zones inactive, poisoned
 * @s: the cache
 * @object: the object
 */
void setup_object_debug(struct kmem_cache *s, void *object)
{
	init_object(s, object, SLUB_RED_INACTIVE);
	set_track(s, object, TRACK_ALLOC, 0);
	set_track(s, object, TRACK_FREE, 0);
}

/**
 * alloc_debug_processing() - check and take the head of the active freelist
 * @s: the cache
 * @slab: the active slab
 * @object: s->freelist
 * @caller: recorded as the allocator
 *
 * The object leaves the freelist either way.  A corrupt next pointer
 * ends the freelist there; a corrupt object (write after free, red zone
 * damage, an object in use) is reported and leaked with the rest of the
 * freelist, whose links are then suspect too.
 *
 * Return: true when @object may be handed out.
 */
bool alloc_debug_processing(struct kmem_cache *s, struct slab *slab,
			    void *object, unsigned long caller)
{
	void *next = get_freepointer(s, object);

	if (!check_valid_pointer(s, slab, next) || next == object) {
		slab_report(s, slab, object, "Freepointer corrupt");
		slab_fix(s, "Isolating the rest of the freelist");
		slab_error_done(s);
		next = NULL;
	}
	s->freelist = next;
	if (!check_object(s, slab, object, SLUB_RED_INACTIVE)) {
		/*
		 * An object in use on the freelist means the list itself can
		 * no longer be trusted (it may loop back): drop the rest too,
		 * as Linux marks all the slab's objects used.
		 */
		slab_fix(s, "Marking object 0x%lx and the rest of the freelist used (leaked)",
			 (unsigned long)object);
		s->freelist = NULL;
		return false;
	}
	init_object(s, object, SLUB_RED_ACTIVE);
	set_track(s, object, TRACK_ALLOC, caller);
	if (s->flags & SLAB_TRACE)
		pr_info("TRACE %s alloc 0x%lx inuse=%u fp=0x%lx\n", s->name,
			(unsigned long)object, slab->inuse, (unsigned long)next);
	return true;
}

/**
 * free_debug_processing() - check an object being freed and poison it
 * @s: the cache
 * @slab: its slab
 * @object: the object (already known to be an object start)
 * @caller: recorded as the freer
 *
 * Return: true when the free may proceed; false after a report (double
 * free, red zone overwritten), with the object left as it is.
 */
bool free_debug_processing(struct kmem_cache *s, struct slab *slab,
			   void *object, unsigned long caller)
{
	if ((s->flags & SLAB_CONSISTENCY_CHECKS) || (s->flags & SLAB_POISON) ||
	    (s->flags & SLAB_RED_ZONE)) {
		if (on_freelist(s, slab, object)) {
			slab_report(s, slab, object, "Object already free");
			slab_error_done(s);
			return false;
		}
	}
	if (!check_object(s, slab, object, SLUB_RED_ACTIVE)) {
		slab_fix(s, "Object at 0x%lx not freed", (unsigned long)object);
		return false;
	}
	if (s->flags & SLAB_TRACE) {
		pr_info("TRACE %s free 0x%lx inuse=%u fp=0x%lx\n", s->name,
			(unsigned long)object, slab->inuse,
			(unsigned long)(slab->frozen ? s->freelist : slab->freelist));
		print_section(KERN_INFO, "Object ", object, s->object_size);
	}
	set_track(s, object, TRACK_FREE, caller);
	init_object(s, object, SLUB_RED_INACTIVE);
	return true;
}

/**
 * check_slab_free_objects() - before a debug slab goes back to the buddy,
 * check its free objects for writes after free that no allocation saw,
 * and the slab's own padding
 * @s: the cache
 * @slab: the slab, all of whose objects are free
 */
void check_slab_free_objects(struct kmem_cache *s, struct slab *slab)
{
	unsigned int nr = 0;
	void *p = slab->freelist, *next;

	slab_pad_check(s, slab);
	for (; p && nr < slab->objects; nr++, p = next) {
		check_object(s, slab, p, SLUB_RED_INACTIVE);
		next = get_freepointer(s, p);
		if (!check_valid_pointer(s, slab, next)) {
			slab_report(s, slab, p, "Freepointer corrupt");
			slab_error_done(s);
			return;
		}
	}
}
