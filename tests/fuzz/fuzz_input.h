/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reading a libFuzzer input as a stream of big-endian numbers: each
 * fuzz_take() consumes up to 8 bytes; past the end the input reads as
 * zeros, so every input, however short, describes a whole test case.
 */
#ifndef _TESTS_FUZZ_FUZZ_INPUT_H
#define _TESTS_FUZZ_FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>

struct fuzz_input {
	const uint8_t *p;
	size_t n;
};

/* The next @bytes (at most 8) of @in as a big-endian number. */
static inline uint64_t fuzz_take(struct fuzz_input *in, unsigned int bytes)
{
	uint64_t v = 0;

	while (bytes--) {
		v <<= 8;
		if (in->n) {
			v |= *in->p++;
			in->n--;
		}
	}
	return v;
}

#endif /* _TESTS_FUZZ_FUZZ_INPUT_H */
