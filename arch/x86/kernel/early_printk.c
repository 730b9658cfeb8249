// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's console, printk's arch_console_write(): COM1 (115200 8N1,
 * polled) and the VGA text screen at 0xB8000 (80x25, scrolling).  Both are
 * on from the first line; "earlyprintk=serial" or "earlyprintk=vga"
 * keeps just one (Linux's option; ",ttyS0,115200" suffixes are accepted).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <asm/page.h>

#define COM1		0x3f8
#define VGA_BASE	0xb8000
#define VGA_COLS	80
#define VGA_ROWS	25
#define VGA_ATTR	0x0700	/* light grey on black */

static bool use_serial = true, use_vga = true;
static bool serial_ready;
static unsigned int vga_x, vga_y;

static inline void outb(u8 v, u16 port)
{
	asm volatile("outb %0, %1" : : "a" (v), "Nd" (port));
}

static inline u8 inb(u16 port)
{
	u8 v;

	asm volatile("inb %1, %0" : "=a" (v) : "Nd" (port));
	return v;
}

static void serial_init(void)
{
	outb(0x00, COM1 + 1);	/* no interrupts */
	outb(0x80, COM1 + 3);	/* DLAB */
	outb(1, COM1 + 0);	/* 115200 */
	outb(0x00, COM1 + 1);
	outb(0x03, COM1 + 3);	/* 8N1 */
	outb(0x07, COM1 + 2);	/* FIFO */
	outb(0x03, COM1 + 4);	/* DTR, RTS */
	serial_ready = true;
}

static void serial_putc(char c)
{
	unsigned int timeout = 0xffff;

	while (!(inb(COM1 + 5) & 0x20) && --timeout)
		asm volatile("pause");
	outb((u8)c, COM1);
}

static void vga_putc(char c)
{
	u16 *screen = __va(VGA_BASE);

	if (c == '\n') {
		vga_x = 0;
		vga_y++;
	} else {
		screen[vga_y * VGA_COLS + vga_x] = VGA_ATTR | (u8)c;
		if (++vga_x == VGA_COLS) {
			vga_x = 0;
			vga_y++;
		}
	}
	if (vga_y == VGA_ROWS) {
		memmove(screen, screen + VGA_COLS, (VGA_ROWS - 1) * VGA_COLS * 2);
		for (vga_x = 0; vga_x < VGA_COLS; vga_x++)
			screen[(VGA_ROWS - 1) * VGA_COLS + vga_x] = VGA_ATTR | ' ';
		vga_x = 0;
		vga_y = VGA_ROWS - 1;
	}
}

void arch_console_write(const char *s, size_t n)
{
	if (use_serial && !serial_ready)
		serial_init();
	while (n--) {
		char c = *s++;

		if (use_serial) {
			if (c == '\n')
				serial_putc('\r');
			serial_putc(c);
		}
		if (use_vga)
			vga_putc(c);
	}
}

/* earlyprintk=serial[,ttyS0[,115200]] | vga */
static int __init setup_early_printk(char *arg)
{
	if (!arg)
		return -EINVAL;
	if (!strncmp(arg, "serial", 6) || !strncmp(arg, "ttyS0", 5)) {
		use_vga = false;
	} else if (!strncmp(arg, "vga", 3)) {
		use_serial = false;
	} else {
		pr_warn("earlyprintk: unknown console '%s'; keeping serial and VGA\n", arg);
	}
	return 0;
}
early_param("earlyprintk", setup_early_printk);
