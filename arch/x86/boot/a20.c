// SPDX-License-Identifier: GPL-2.0
/*
 * Enabling the A20 line, so odd megabytes are not aliases of even ones.
 * Three methods, cheapest first, each verified by the wraparound test:
 * the BIOS (int 0x15 AX=2401h), the keyboard controller's output port,
 * and "fast A20" (port 0x92).  Some need time to take effect, so each
 * check polls for a while.
 */
#include "boot.h"

#define A20_ENABLE_LOOPS	255	/* attempts over all methods */
#define A20_TEST_ADDR		(4 * 0x80)	/* int 0x80's vector: free in real mode */
#define A20_TEST_SHORT		32
#define A20_TEST_LONG		2097152	/* 2^21 */

/*
 * Write a new value at 0000:A20_TEST_ADDR and look at the same offset one
 * megabyte up (FFFF:A20_TEST_ADDR+0x10).  If A20 is off, the two are the
 * same byte and the change shows through.
 */
static int a20_test(int loops)
{
	int ok = 0;
	int saved, ctr;

	set_fs(0x0000);
	set_gs(0xffff);

	saved = ctr = rdfs32(A20_TEST_ADDR);
	while (loops--) {
		wrfs32(++ctr, A20_TEST_ADDR);
		io_delay();
		ok = rdgs32(A20_TEST_ADDR + 0x10) ^ ctr;
		if (ok)
			break;
	}
	wrfs32(saved, A20_TEST_ADDR);
	return ok;
}

static int a20_test_short(void)
{
	return a20_test(A20_TEST_SHORT);
}

static int a20_test_long(void)
{
	return a20_test(A20_TEST_LONG);
}

/* Wait for the 8042's input buffer to drain, discarding any output. */
static int empty_8042(void)
{
	u8 status;
	int loops = 100000;
	int ffs = 32;

	while (loops--) {
		io_delay();
		status = inb(0x64);
		if (status == 0xff && !--ffs)
			return -1;	/* no keyboard controller at all */
		if (status & 1) {
			io_delay();
			(void)inb(0x60);
		} else if (!(status & 2)) {
			return 0;
		}
	}
	return -1;
}

static void enable_a20_bios(void)
{
	struct biosregs ireg;

	initregs(&ireg);
	ireg.ax = 0x2401;
	intcall(0x15, &ireg, NULL);
}

static void enable_a20_kbc(void)
{
	empty_8042();
	outb(0xd1, 0x64);	/* write output port */
	empty_8042();
	outb(0xdf, 0x60);	/* A20 on */
	empty_8042();
	outb(0xff, 0x64);	/* null command, for UHCI legacy emulation */
	empty_8042();
}

static void enable_a20_fast(void)
{
	u8 port_a = inb(0x92);

	port_a |= 0x02;		/* A20 */
	port_a &= ~0x01;	/* not the reset bit */
	outb(port_a, 0x92);
}

/**
 * enable_a20() - turn A20 on by whichever method works
 *
 * Return: 0 when the wraparound test passes, -1 after every method failed.
 */
int enable_a20(void)
{
	int loops = A20_ENABLE_LOOPS;
	int kbc_err;

	while (loops--) {
		if (a20_test_short())
			return 0;

		enable_a20_bios();
		if (a20_test_short())
			return 0;

		kbc_err = empty_8042();
		if (a20_test_short())
			return 0;	/* some BIOSes enable it late */
		if (!kbc_err) {
			enable_a20_kbc();
			if (a20_test_long())
				return 0;
		}

		enable_a20_fast();
		if (a20_test_long())
			return 0;
	}
	return -1;
}
