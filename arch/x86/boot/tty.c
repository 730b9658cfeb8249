// SPDX-License-Identifier: GPL-2.0
/*
 * The setup's console: BIOS teletype (int 0x10 AH=0Eh) for a screen, and
 * COM1 at 115200 8N1 for headless runs (QEMU -serial, GRUB's serial
 * terminal).  The setup prints only warnings and errors, so a normal
 * boot's serial log starts with the kernel's first line, as Linux's does.
 */
#include "boot.h"

#define COM1		0x3f8
#define DIVISOR_115200	1

/**
 * console_init() - program COM1 (8N1, 115200, FIFO on, interrupts off)
 */
void console_init(void)
{
	outb(0x00, COM1 + 1);		/* IER: no interrupts */
	outb(0x80, COM1 + 3);		/* LCR: DLAB */
	outb(DIVISOR_115200, COM1 + 0);
	outb(0x00, COM1 + 1);
	outb(0x03, COM1 + 3);		/* 8N1 */
	outb(0x07, COM1 + 2);		/* FIFO on and cleared */
	outb(0x03, COM1 + 4);		/* DTR, RTS */
}

static void serial_putchar(int ch)
{
	unsigned int timeout = 0xffff;

	while (!(inb(COM1 + 5) & 0x20) && --timeout)
		io_delay();
	outb((u8)ch, COM1);
}

static void bios_putchar(int ch)
{
	struct biosregs ireg;

	initregs(&ireg);
	ireg.bx = 0x0007;
	ireg.cx = 0x0001;
	ireg.ah = 0x0e;
	ireg.al = (u8)ch;
	intcall(0x10, &ireg, NULL);
}

void putchar(int ch)
{
	if (ch == '\n')
		putchar('\r');
	bios_putchar(ch);
	serial_putchar(ch);
}

void puts(const char *s)
{
	while (*s)
		putchar(*s++);
}

void puthex(u32 v)
{
	int i;

	puts("0x");
	for (i = 28; i >= 0; i -= 4)
		putchar("0123456789abcdef"[(v >> i) & 15]);
}

void putdec(u32 v)
{
	char buf[11];
	int i = sizeof(buf) - 1;

	buf[i] = 0;
	do {
		buf[--i] = '0' + v % 10;
		v /= 10;
	} while (v);
	puts(&buf[i]);
}
