// SPDX-License-Identifier: GPL-2.0
/*
 * Text from the user (a file name, a lint message quoting it) written into
 * JSON, SVG and HTML.  Each format has its own specials, and neither
 * takes every byte: JSON and XML must be UTF-8, and XML 1.0 has no way at
 * all to write most control characters.  So valid UTF-8 passes through
 * (a file named in Chinese stays readable), and any other byte becomes
 * U+FFFD in JSON (\ufffd) and '?' in XML.
 */
#include "report.h"

/* Length of the valid UTF-8 sequence at @s (no overlongs, surrogates, > U+10FFFF), or 0. */
static size_t utf8_len(const unsigned char *s)
{
	unsigned int cp, n, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)	/* also stops at the NUL */
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return n;
}

/** escape_json() - @s as a JSON string, quotes included. */
void escape_json(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	fputc('"', f);
	while (p && *p) {
		size_t n = utf8_len(p);

		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\u%04x", *p);
		else if (!n)
			fputs("\\ufffd", f);
		else
			fwrite(p, 1, n, f);
		p += n ? n : 1;
	}
	fputc('"', f);
}

/** escape_xml() - @s as SVG/HTML text or attribute content. */
void escape_xml(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		size_t n = utf8_len(p);

		switch (*p) {
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '&': fputs("&amp;", f); break;
		case '"': fputs("&quot;", f); break;
		default:
			if ((*p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7f || !n)
				fputc('?', f);
			else
				fwrite(p, 1, n, f);
		}
		p += n ? n : 1;
	}
}
