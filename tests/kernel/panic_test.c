// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for kernel/panic.c: panic()'s two lines in Linux 6.1's words
 * ("Kernel panic - not syncing: <msg>" and "---[ end Kernel panic - not
 * syncing: <msg> ]---"), one trailing newline of the message dropped and
 * the message cut at Linux's 1024-byte buffer, the arch hook called once
 * with the message after both lines are out, BUG()'s message, and the
 * WARN report that does not stop.  The host arch hook (arch/host/panic.c)
 * hands the message to host_panic_handler; these tests longjmp out of it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/host.h>
#include "../mm/expect_panic.h"

#define P	"[    0.000000] "

static char out[8192];

/* What the handler saw: the message, the console so far, how many calls. */
static char seen_msg[2048];
static char seen_console[8192];
static int handler_calls;
static jmp_buf handler_jmp;

static void recording_handler(const char *msg)
{
	handler_calls++;
	strscpy(seen_msg, msg, sizeof(seen_msg));
	strscpy(seen_console, out, sizeof(seen_console));
	longjmp(handler_jmp, 1);
}

/* Run @stmt with the console in out[] and recording_handler installed. */
#define record_panic(stmt) do {						\
	handler_calls = 0;						\
	seen_msg[0] = seen_console[0] = '\0';				\
	host_console_capture(out, sizeof(out));				\
	host_panic_handler = recording_handler;				\
	if (!setjmp(handler_jmp)) {					\
		stmt;							\
		host_panic_handler = NULL;				\
		host_console_capture(NULL, 0);				\
		fail_msg("no panic from %s", #stmt);			\
	}								\
	host_panic_handler = NULL;					\
	host_console_capture(NULL, 0);					\
} while (0)

static int teardown(void **state)
{
	console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
	return 0;
}

/*
 *   panic("Out of memory: %s wants %d pages", "memmap", 42)
 * Expect, on the console, exactly the two lines Linux prints and, in
 * the arch hook, the formatted message alone.
 */
static void panic_prints_linux_lines(void **state)
{
	record_panic(panic("Out of memory: %s wants %d pages", "memmap", 42));
	assert_int_equal(handler_calls, 1);
	assert_string_equal(seen_msg, "Out of memory: memmap wants 42 pages");
	assert_string_equal(out,
		P "Kernel panic - not syncing: Out of memory: memmap wants 42 pages\n"
		P "---[ end Kernel panic - not syncing: Out of memory: memmap wants 42 pages ]---\n");
}

/*
 * The arch hook stops the machine only after the message is out: both
 * lines are on the console by the time it runs.  Expect the console the
 * handler saw to hold the end line already.
 */
static void panic_hook_runs_after_both_lines(void **state)
{
	record_panic(panic("stop"));
	assert_non_null(strstr(seen_console, "Kernel panic - not syncing: stop\n"));
	assert_non_null(strstr(seen_console, "---[ end Kernel panic - not syncing: stop ]---\n"));
}

/*
 *   panic("memblock: cannot resize %s array\n", "reserved")
 * Linux drops one trailing newline from the message, so a caller's "\n"
 * makes no blank line and no line break inside "]---".  Expect the same
 * two lines as without it.
 */
static void panic_drops_one_trailing_newline(void **state)
{
	record_panic(panic("memblock: cannot resize %s array\n", "reserved"));
	assert_string_equal(seen_msg, "memblock: cannot resize reserved array");
	assert_string_equal(out,
		P "Kernel panic - not syncing: memblock: cannot resize reserved array\n"
		P "---[ end Kernel panic - not syncing: memblock: cannot resize reserved array ]---\n");
}

/* Only one: "a\n\n" keeps its first newline.  Expect the message "a\n". */
static void panic_drops_only_one_newline(void **state)
{
	record_panic(panic("a\n\n"));
	assert_string_equal(seen_msg, "a\n");
}

/* An empty message.  Expect both lines with nothing after the colon. */
static void panic_empty_message(void **state)
{
	record_panic(panic("%s", ""));
	assert_string_equal(seen_msg, "");
	assert_string_equal(out, P "Kernel panic - not syncing: \n"
				 P "---[ end Kernel panic - not syncing:  ]---\n");
}

/*
 *   |<------------- 1023 chars kept ------------->|  cut
 *   "xxxx...x" (1000)  then  "yyyy...y" (1000)
 * Linux formats into a 1024-byte buffer.  Expect a 1000-char message
 * whole, and a 2000-char one cut to its first 1023 characters.
 */
static void panic_message_length(void **state)
{
	static char longmsg[2001], expect[1024];

	memset(longmsg, 'x', 1000);
	memset(longmsg + 1000, 'y', 1000);
	longmsg[1000] = '\0';
	record_panic(panic("%s", longmsg));
	assert_int_equal(strlen(seen_msg), 1000);
	longmsg[1000] = 'y';
	longmsg[2000] = '\0';
	record_panic(panic("%s", longmsg));
	memcpy(expect, longmsg, 1023);
	expect[1023] = '\0';
	assert_string_equal(seen_msg, expect);
}

/*
 * Panic lines are KERN_EMERG: shown even under "quiet" (console
 * loglevel 4).  Expect both lines on the console.
 */
static void panic_shown_when_quiet(void **state)
{
	console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	record_panic(panic("quiet boot"));
	assert_non_null(strstr(out, P "Kernel panic - not syncing: quiet boot\n"));
	assert_non_null(strstr(out, P "---[ end Kernel panic - not syncing: quiet boot ]---\n"));
}

/*
 * BUG_ON(true) is a panic naming this file and the BUG_ON's line.
 * Expect "kernel BUG at tests/kernel/panic_test.c:<line>!", and nothing
 * after the BUG_ON to run.
 */
static void bug_on_names_file_and_line(void **state)
{
	char expect[128];
	volatile bool after = false;
	volatile int line = 0;

	host_console_capture(out, sizeof(out));
	expect_panic({ line = __LINE__; BUG_ON(line > 0); after = true; }, NULL);
	host_console_capture(NULL, 0);
	assert_false(after);
	snprintf(expect, sizeof(expect), "kernel BUG at %s:%d!", __FILE__, line);
	assert_string_equal(expect_panic_msg, expect);
}

/*
 * WARN_ON reports and goes on: the cut-here line, "WARNING: at
 * <file>:<line>: <condition>", the end-trace line; the panic hook is
 * not called.  WARN_ON_ONCE reports its first firing only.  Expect the
 * three lines once for each WARN_ON and once for the two WARN_ON_ONCE.
 */
static void warn_on_reports_and_continues(void **state)
{
	char line[160];
	int i, fired = 0, wline;

	handler_calls = 0;
	host_panic_handler = recording_handler;
	host_console_capture(out, sizeof(out));
	wline = __LINE__ + 1;
	fired += WARN_ON(fired == 0);
	for (i = 0; i < 2; i++)
		fired += WARN_ON_ONCE(i >= 0);
	fired += WARN_ON(false);
	host_console_capture(NULL, 0);
	host_panic_handler = NULL;

	assert_int_equal(handler_calls, 0);
	assert_int_equal(fired, 3);
	snprintf(line, sizeof(line), P "WARNING: at %s:%d: fired == 0\n", __FILE__, wline);
	assert_non_null(strstr(out, P "------------[ cut here ]------------\n"));
	assert_non_null(strstr(out, line));
	assert_non_null(strstr(out, "WARNING: at " __FILE__));
	assert_non_null(strstr(out, ": i >= 0\n" P "---[ end trace 0000000000000000 ]---\n"));
	/* two reports: two cut-here lines, not three */
	assert_non_null(strstr(strstr(out, "cut here") + 1, "cut here"));
	assert_null(strstr(strstr(strstr(out, "cut here") + 1, "cut here") + 1, "cut here"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(panic_prints_linux_lines, teardown),
		cmocka_unit_test_teardown(panic_hook_runs_after_both_lines, teardown),
		cmocka_unit_test_teardown(panic_drops_one_trailing_newline, teardown),
		cmocka_unit_test_teardown(panic_drops_only_one_newline, teardown),
		cmocka_unit_test_teardown(panic_empty_message, teardown),
		cmocka_unit_test_teardown(panic_message_length, teardown),
		cmocka_unit_test_teardown(panic_shown_when_quiet, teardown),
		cmocka_unit_test_teardown(bug_on_names_file_and_line, teardown),
		cmocka_unit_test_teardown(warn_on_reports_and_continues, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
