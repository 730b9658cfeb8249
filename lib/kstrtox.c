// SPDX-License-Identifier: GPL-2.0
/*
 * String to number conversion: the lenient simple_strto*() used by the
 * command-line parsers and the strict kstrto*() that reject trailing junk
 * and overflow.  Base 0 means auto-detect "0x" and "0" prefixes.
 */
#include <linux/kernel.h>

/* Digit value of @c, or 16 and above when it is not a hex digit. */
static unsigned int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return (unsigned int)(c - '0');
	c = (char)(c | 0x20);
	if (c >= 'a' && c <= 'f')
		return (unsigned int)(c - 'a' + 10);
	return 16;
}

static const char *parse_base(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (s[0] == '0') {
			if ((s[1] | 0x20) == 'x' && digit_value(s[2]) < 16)
				*base = 16;
			else
				*base = 8;
		} else {
			*base = 10;
		}
	}
	if (*base == 16 && s[0] == '0' && (s[1] | 0x20) == 'x')
		s += 2;
	return s;
}

/*
 * Parse digits; return how many were consumed and whether the value
 * overflowed 64 bits.
 */
static size_t parse_digits(const char *s, unsigned int base,
			   unsigned long long *res, bool *overflow)
{
	unsigned long long v = 0;
	size_t n = 0;
	unsigned int d;

	*overflow = false;
	while ((d = digit_value(s[n])) < base) {
		if (v > (ULLONG_MAX - d) / base)
			*overflow = true;
		v = v * base + d;
		n++;
	}
	*res = v;
	return n;
}

/**
 * simple_strtoull() - convert a string to unsigned long long, leniently
 * @cp: the string
 * @endp: set to the first character not converted (may be NULL)
 * @base: 0 (auto), 8, 10 or 16
 *
 * Return: the value (wrapping silently on overflow, as Linux's does).
 */
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base)
{
	unsigned long long v;
	bool overflow;

	cp = parse_base(cp, &base);
	cp += parse_digits(cp, base, &v, &overflow);
	if (endp)
		*endp = (char *)cp;
	return v;
}

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return (unsigned long)simple_strtoull(cp, endp, base);
}

long long simple_strtoll(const char *cp, char **endp, unsigned int base)
{
	if (*cp == '-')
		return -(long long)simple_strtoull(cp + 1, endp, base);
	return (long long)simple_strtoull(cp, endp, base);
}

long simple_strtol(const char *cp, char **endp, unsigned int base)
{
	return (long)simple_strtoll(cp, endp, base);
}

/*
 * The digits and one trailing newline, no sign.  As Linux's, a number too
 * large is -ERANGE even when junk follows it.
 */
static int _kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v;
	bool overflow;
	size_t n;

	s = parse_base(s, &base);
	n = parse_digits(s, base, &v, &overflow);
	if (overflow)
		return -ERANGE;
	if (n == 0)
		return -EINVAL;
	s += n;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	*res = v;
	return 0;
}

/**
 * kstrtoull() - convert a whole string to unsigned long long, strictly
 * @s: the string; a leading '+' and one trailing newline are accepted
 * @base: 0 (auto), 8, 10 or 16
 * @res: where to store the value (untouched on error)
 *
 * Return: 0, -EINVAL for junk or an empty string, -ERANGE on overflow.
 */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	if (!s)
		return -EINVAL;
	if (*s == '+')
		s++;
	return _kstrtoull(s, base, res);
}

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long v;
	int err;

	if (s && *s == '-') {
		err = _kstrtoull(s + 1, base, &v);	/* no '+' after '-' */
		if (err)
			return err;
		if (v > (unsigned long long)LLONG_MAX + 1)
			return -ERANGE;
		*res = (long long)(0 - v);
		return 0;
	}
	err = kstrtoull(s, base, &v);
	if (err)
		return err;
	if (v > (unsigned long long)LLONG_MAX)
		return -ERANGE;
	*res = (long long)v;
	return 0;
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v;
	int err = kstrtoull(s, base, &v);

	if (err)
		return err;
	if (v > ULONG_MAX)
		return -ERANGE;
	*res = (unsigned long)v;
	return 0;
}

int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long v;
	int err = kstrtoull(s, base, &v);

	if (err)
		return err;
	if (v > UINT_MAX)
		return -ERANGE;
	*res = (unsigned int)v;
	return 0;
}

int kstrtoint(const char *s, unsigned int base, int *res)
{
	long long v;
	int err = kstrtoll(s, base, &v);

	if (err)
		return err;
	if (v > INT_MAX || v < INT_MIN)
		return -ERANGE;
	*res = (int)v;
	return 0;
}

/**
 * kstrtobool() - parse a yes/no word
 * @s: "1", "y", "Y", "on" for true; "0", "n", "N", "off" for false
 * @res: where to store the result
 *
 * Return: 0, or -EINVAL for anything else (including NULL).
 */
int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;
	switch (s[0]) {
	case 'y': case 'Y': case '1':
		*res = true;
		return 0;
	case 'n': case 'N': case '0':
		*res = false;
		return 0;
	case 'o': case 'O':
		if ((s[1] | 0x20) == 'n') {
			*res = true;
			return 0;
		}
		if ((s[1] | 0x20) == 'f') {
			*res = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}
