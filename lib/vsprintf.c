// SPDX-License-Identifier: GPL-2.0
/*
 * vsnprintf and friends: the one formatter behind printk, shared by the
 * kernel and the host so both produce the same bytes.
 *
 * Supports the C conversions the core needs (%d %i %u %x %X %o %c %s %p
 * %%, flags "-+ 0#", width and precision with '*', length hh h l ll L z t j)
 * and Linux's pointer extensions: %pa (a phys_addr_t passed by reference,
 * printed as 0x plus two hex digits per byte of the modelled kernel's
 * phys_addr_t: 8 digits for i386 without PAE, 16 otherwise) and %pS
 * (symbol+offset/size).
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/string.h>

#define ZEROPAD	1	/* pad with zero */
#define SIGN	2	/* unsigned/signed long */
#define PLUS	4	/* show plus */
#define SPACE	8	/* space if plus */
#define LEFT	16	/* left justified */
#define SMALL	32	/* use lowercase in hex */
#define SPECIAL	64	/* prefix hex with "0x", octal with "0" */

/*
 * The size of the modelled kernel's phys_addr_t, which %pa prints.
 * bootmm's own phys_addr_t is always 64 bits (e820 entries above 4 GiB
 * must survive on i386 too); setup_arch() sets 4 for the i386 profile, as
 * Linux i386 without PAE prints "[0x00100000-0x3ffdffff]".
 */
unsigned int phys_addr_print_size = sizeof(phys_addr_t);

struct printf_spec {
	unsigned int flags;
	int field_width;
	int precision;
	unsigned int base;
};

/* Output cursor: counts every byte, stores those that fit. */
struct outbuf {
	char *buf;
	size_t size;
	size_t len;
};

static void put_char(struct outbuf *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_number(struct outbuf *o, unsigned long long num, bool negative,
		       struct printf_spec spec)
{
	const char *digits = (spec.flags & SMALL) ? "0123456789abcdef" : "0123456789ABCDEF";
	char tmp[24];
	char sign = 0;
	int i = 0, width = spec.field_width, precision = spec.precision;
	int prefix_len = 0;

	if (spec.flags & LEFT)
		spec.flags &= ~ZEROPAD;
	if (spec.flags & SIGN) {
		if (negative)
			sign = '-';
		else if (spec.flags & PLUS)
			sign = '+';
		else if (spec.flags & SPACE)
			sign = ' ';
	}
	if (sign)
		width--;
	if (spec.flags & SPECIAL) {
		if (spec.base == 16)
			prefix_len = 2;
		else if (spec.base == 8 && num != 0)
			prefix_len = 1;
		width -= prefix_len;
	}

	if (num == 0 && precision != 0)
		tmp[i++] = '0';
	while (num != 0) {
		tmp[i++] = digits[num % spec.base];
		num /= spec.base;
	}
	if (precision < i)
		precision = i;
	width -= precision;

	if (!(spec.flags & (ZEROPAD | LEFT)))
		while (width-- > 0)
			put_char(o, ' ');
	if (sign)
		put_char(o, sign);
	if (prefix_len) {
		put_char(o, '0');
		if (spec.base == 16)
			put_char(o, (spec.flags & SMALL) ? 'x' : 'X');
	}
	if (!(spec.flags & LEFT))
		while (width-- > 0)
			put_char(o, (spec.flags & ZEROPAD) ? '0' : ' ');
	while (i < precision--)
		put_char(o, '0');
	while (i-- > 0)
		put_char(o, tmp[i]);
	while (width-- > 0)
		put_char(o, ' ');
}

static void put_string(struct outbuf *o, const char *s, struct printf_spec spec)
{
	int len, width = spec.field_width;

	if (!s)
		s = "(null)";
	len = spec.precision >= 0 ? (int)strnlen(s, (size_t)spec.precision) : (int)strlen(s);
	if (!(spec.flags & LEFT))
		while (len < width--)
			put_char(o, ' ');
	for (int i = 0; i < len; i++)
		put_char(o, s[i]);
	while (len < width--)
		put_char(o, ' ');
}

/* %pS: "name+0xoff/0xsize", or the bare address when no symbol is known. */
static void put_symbol(struct outbuf *o, unsigned long addr, struct printf_spec spec)
{
	char name[KSYM_NAME_LEN], text[KSYM_NAME_LEN + 40];
	unsigned long size = 0, offset = 0;
	char *modname;

	if (kallsyms_lookup(addr, &size, &offset, &modname, name))
		snprintf(text, sizeof(text), "%s+%#lx/%#lx", name, offset, size);
	else
		snprintf(text, sizeof(text), "%#lx", addr);
	put_string(o, text, spec);
}

static const char *put_pointer(struct outbuf *o, const char *fmt, void *ptr,
			       struct printf_spec spec)
{
	switch (*fmt) {
	case 'a':	/* %pa: phys_addr_t by reference */
		spec.flags |= SPECIAL | SMALL | ZEROPAD;
		spec.base = 16;
		spec.field_width = 2 + 2 * (int)phys_addr_print_size;
		put_number(o, *(phys_addr_t *)ptr, false, spec);
		fmt++;
		if (*fmt == 'p' || *fmt == 'd')
			fmt++;
		return fmt;
	case 'S':
	case 's':
	case 'B':
		put_symbol(o, (unsigned long)ptr, spec);
		return fmt + 1;
	case 'K':	/* no pointer hashing here: print as %p */
		fmt++;
		break;
	}
	spec.flags |= SMALL;
	spec.base = 16;
	if (spec.field_width < 0) {
		spec.field_width = 2 * (int)sizeof(void *);
		spec.flags |= ZEROPAD;
	}
	put_number(o, (unsigned long)ptr, false, spec);
	return fmt;
}

/**
 * vsnprintf() - format a string into a buffer
 * @buf: the buffer
 * @size: its size, including the terminating NUL
 * @fmt: the format
 * @args: the arguments
 *
 * Return: the length the whole output would have, as C's vsnprintf; the
 * buffer holds as much as fits and is always NUL-terminated when @size > 0.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct outbuf o = { .buf = buf, .size = size, .len = 0 };

	for (; *fmt; fmt++) {
		struct printf_spec spec = { .field_width = -1, .precision = -1, .base = 10 };
		enum { LEN_INT, LEN_CHAR, LEN_SHORT, LEN_LONG, LEN_LLONG, LEN_SIZE, LEN_PTRDIFF } len = LEN_INT;
		unsigned long long num;
		bool negative = false;

		if (*fmt != '%') {
			put_char(&o, *fmt);
			continue;
		}
		for (;;) {	/* flags */
			fmt++;
			if (*fmt == '-')
				spec.flags |= LEFT;
			else if (*fmt == '+')
				spec.flags |= PLUS;
			else if (*fmt == ' ')
				spec.flags |= SPACE;
			else if (*fmt == '#')
				spec.flags |= SPECIAL;
			else if (*fmt == '0')
				spec.flags |= ZEROPAD;
			else
				break;
		}
		if (*fmt == '*') {
			spec.field_width = va_arg(args, int);
			if (spec.field_width < 0) {
				spec.field_width = -spec.field_width;
				spec.flags |= LEFT;
			}
			fmt++;
		} else if (*fmt >= '0' && *fmt <= '9') {
			spec.field_width = 0;
			while (*fmt >= '0' && *fmt <= '9')
				spec.field_width = spec.field_width * 10 + (*fmt++ - '0');
		}
		if (*fmt == '.') {
			fmt++;
			spec.precision = 0;
			if (*fmt == '*') {
				spec.precision = va_arg(args, int);
				fmt++;
			} else {
				while (*fmt >= '0' && *fmt <= '9')
					spec.precision = spec.precision * 10 + (*fmt++ - '0');
			}
			if (spec.precision < 0)
				spec.precision = -1;
		}
		if (*fmt == 'h') {
			len = LEN_SHORT;
			if (*++fmt == 'h') {
				len = LEN_CHAR;
				fmt++;
			}
		} else if (*fmt == 'l') {
			len = LEN_LONG;
			if (*++fmt == 'l') {
				len = LEN_LLONG;
				fmt++;
			}
		} else if (*fmt == 'L' || *fmt == 'q' || *fmt == 'j') {
			len = LEN_LLONG;
			fmt++;
		} else if (*fmt == 'z') {
			len = LEN_SIZE;
			fmt++;
		} else if (*fmt == 't') {
			len = LEN_PTRDIFF;
			fmt++;
		}

		switch (*fmt) {
		case 'c': {
			int width = spec.field_width;

			if (!(spec.flags & LEFT))
				while (--width > 0)
					put_char(&o, ' ');
			put_char(&o, (char)va_arg(args, int));
			while (--width > 0)
				put_char(&o, ' ');
			continue;
		}
		case 's':
			put_string(&o, va_arg(args, const char *), spec);
			continue;
		case 'p':
			fmt = put_pointer(&o, fmt + 1, va_arg(args, void *), spec) - 1;
			continue;
		case '%':
			put_char(&o, '%');
			continue;
		case 'o':
			spec.base = 8;
			break;
		case 'x':
			spec.flags |= SMALL;
			fallthrough;
		case 'X':
			spec.base = 16;
			break;
		case 'd':
		case 'i':
			spec.flags |= SIGN;
			break;
		case 'u':
			break;
		case '\0':
			fmt--;
			continue;
		default:	/* unknown conversion: print it as written */
			put_char(&o, '%');
			put_char(&o, *fmt);
			continue;
		}
		if (spec.precision >= 0)
			spec.flags &= ~ZEROPAD;

		if (spec.flags & SIGN) {
			long long v;

			switch (len) {
			case LEN_CHAR:		v = (signed char)va_arg(args, int); break;
			case LEN_SHORT:		v = (short)va_arg(args, int); break;
			case LEN_LONG:		v = va_arg(args, long); break;
			case LEN_LLONG:		v = va_arg(args, long long); break;
			case LEN_SIZE:		v = va_arg(args, ssize_t); break;
			case LEN_PTRDIFF:	v = va_arg(args, ptrdiff_t); break;
			default:		v = va_arg(args, int); break;
			}
			negative = v < 0;
			num = negative ? 0ULL - (unsigned long long)v : (unsigned long long)v;
		} else {
			switch (len) {
			case LEN_CHAR:		num = (unsigned char)va_arg(args, unsigned int); break;
			case LEN_SHORT:		num = (unsigned short)va_arg(args, unsigned int); break;
			case LEN_LONG:		num = va_arg(args, unsigned long); break;
			case LEN_LLONG:		num = va_arg(args, unsigned long long); break;
			case LEN_SIZE:		num = va_arg(args, size_t); break;
			case LEN_PTRDIFF:	num = (unsigned long)va_arg(args, ptrdiff_t); break;
			default:		num = va_arg(args, unsigned int); break;
			}
		}
		put_number(&o, num, negative, spec);
	}
	if (size > 0)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

/**
 * vscnprintf() - vsnprintf returning what was really written
 * Return: the number of characters stored in @buf, not counting the NUL.
 */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int len = vsnprintf(buf, size, fmt, args);

	if (size == 0)
		return 0;
	return (size_t)len < size ? len : (int)(size - 1);
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return len;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return len;
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vsnprintf(buf, (size_t)INT_MAX, fmt, args);
	va_end(args);
	return len;
}
