/* SPDX-License-Identifier: GPL-2.0 */
/*
 * expect_panic(stmt, text): run @stmt, which must end in panic() or BUG()
 * with the message @text (NULL: any message), and come back to the test.
 * The host hook layer calls host_panic_handler with the message; this one
 * longjmps out of the core code, so nothing after the panic runs.  For
 * cmocka tests (it fails the test through fail_msg when nothing panics).
 * Include <setjmp.h> and <cmocka.h> first, as every cmocka test does.
 */
#ifndef _TESTS_MM_EXPECT_PANIC_H
#define _TESTS_MM_EXPECT_PANIC_H

#include <linux/string.h>
#include <asm/host.h>

static jmp_buf expect_panic_jmp;
static char expect_panic_msg[256];

static inline void expect_panic_catch(const char *msg)
{
	strscpy(expect_panic_msg, msg, sizeof(expect_panic_msg));
	longjmp(expect_panic_jmp, 1);
}

#define expect_panic(stmt, text) do {					\
	const char *expect_panic_text = (text);				\
									\
	host_panic_handler = expect_panic_catch;			\
	if (!setjmp(expect_panic_jmp)) {				\
		stmt;							\
		host_panic_handler = NULL;				\
		fail_msg("no panic from %s", #stmt);			\
	}								\
	host_panic_handler = NULL;					\
	if (expect_panic_text)						\
		assert_string_equal(expect_panic_msg, expect_panic_text); \
} while (0)

#endif /* _TESTS_MM_EXPECT_PANIC_H */
