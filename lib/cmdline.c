// SPDX-License-Identifier: GPL-2.0
/*
 * Command-line helpers: split the kernel command line into words, read
 * integers and memory sizes ("64M", "0x1000", "4G") from option values.
 */
#include <linux/kernel.h>
#include <linux/ctype.h>
#include <linux/string.h>

/**
 * get_option() - read one integer from an option string
 * @str: the string; advanced past the number and a following comma
 * @pint: where to store the number (may be NULL)
 *
 * Return: 0 when there is no number, 1 for a number alone, 2 for a number
 * followed by a comma, 3 for a number followed by '-' (a range).
 */
int get_option(char **str, int *pint)
{
	char *cur = *str;
	int value;

	if (!cur || !*cur)
		return 0;
	if (*cur == '-')
		value = -(int)simple_strtoull(++cur, str, 0);
	else
		value = (int)simple_strtoull(cur, str, 0);
	if (cur == *str)
		return 0;
	if (pint)
		*pint = value;
	if (**str == ',') {
		(*str)++;
		return 2;
	}
	if (**str == '-')
		return 3;
	return 1;
}

/**
 * memparse() - parse a memory size with an optional K/M/G/T/P/E suffix
 * @ptr: the string
 * @retptr: set to the first character after the number and suffix
 *
 * Return: the size in bytes.  As in Linux, a suffix shifts the number
 * left and what does not fit in 64 bits is lost ("16E" is 0, which
 * mem= then rejects as it rejects "mem=0").
 */
unsigned long long memparse(const char *ptr, char **retptr)
{
	char *endptr;
	unsigned long long ret = simple_strtoull(ptr, &endptr, 0);
	unsigned int shift = 0;

	switch (*endptr) {
	case 'E': case 'e':
		shift = 60;
		break;
	case 'P': case 'p':
		shift = 50;
		break;
	case 'T': case 't':
		shift = 40;
		break;
	case 'G': case 'g':
		shift = 30;
		break;
	case 'M': case 'm':
		shift = 20;
		break;
	case 'K': case 'k':
		shift = 10;
		break;
	}
	if (shift) {
		endptr++;
		ret <<= shift;
	}
	if (retptr)
		*retptr = endptr;
	return ret;
}

/**
 * next_arg() - split the next word off a command line
 * @args: the rest of the command line (modified in place)
 * @param: set to the word's name
 * @val: set to the text after '=' (quotes removed), or NULL
 *
 * Return: the rest of the line after the word and its trailing spaces.
 */
char *next_arg(char *args, char **param, char **val)
{
	unsigned int i, equals = 0;
	bool in_quote = false, quoted = false;
	char *next;

	if (*args == '"') {
		args++;
		in_quote = quoted = true;
	}
	for (i = 0; args[i]; i++) {
		if (isspace(args[i]) && !in_quote)
			break;
		if (equals == 0 && args[i] == '=')
			equals = i;
		else if (args[i] == '"')
			in_quote = !in_quote;
	}

	*param = args;
	*val = NULL;
	if (equals) {
		args[equals] = '\0';
		*val = args + equals + 1;
		if (**val == '"') {
			(*val)++;
			quoted = true;
		}
	}
	if (quoted && i > 0 && args[i - 1] == '"')
		args[i - 1] = '\0';

	if (args[i]) {
		args[i] = '\0';
		next = args + i + 1;
	} else {
		next = args + i;
	}
	return skip_spaces(next);
}

/**
 * parse_option_str() - is @option one of the comma-separated words in @str?
 * @str: e.g. "debug,poison"
 * @option: e.g. "poison"
 */
bool parse_option_str(const char *str, const char *option)
{
	size_t len = strlen(option);

	while (*str) {
		if (!strncmp(str, option, len) && (str[len] == ',' || str[len] == '\0'))
			return true;
		while (*str && *str != ',')
			str++;
		if (*str == ',')
			str++;
	}
	return false;
}
