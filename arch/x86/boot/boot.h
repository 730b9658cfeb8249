/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The 16-bit setup's common declarations: the BIOS call thunk and its
 * register block, port and segment access, the console, the heap.
 *
 * The setup runs in real mode in one 64 KiB segment (CS = DS = ES = SS
 * after start_of_setup); other memory is reached through %fs/%gs.
 * Compiled with gcc -m16: C uses 32-bit registers and calll/retl.
 */
#ifndef BOOT_BOOT_H
#define BOOT_BOOT_H

#define STACK_SIZE	1024	/* bytes kept for the stack below heap_end */
#define SETUP_SIG	0x5a5aaa55
#define BOOT_CMDLINE_SIZE 2048	/* include/linux/init.h COMMAND_LINE_SIZE */
#define X86_EFLAGS_CF	0x0001
#define SMAP		0x534d4150	/* "SMAP" */
#define HDR_LOADED_HIGH	0x01	/* asm/bootparam.h LOADED_HIGH */
#define HDR_CAN_USE_HEAP 0x80	/* asm/bootparam.h CAN_USE_HEAP */

/* GDT selectors of the 32-bit boot protocol (pm.c, pmjump.S) */
#define __BOOT_CS	0x10
#define __BOOT_DS	0x18
#define __BOOT_TSS	0x20

#ifndef __ASSEMBLY__
#include <linux/types.h>
#include <asm/bootparam.h>

extern struct setup_header hdr;		/* header.S, at offset 0x1f1 */
extern struct boot_params boot_params;	/* main.c: the zero page we build */
extern char _end[];

/* ---- ports and segments (inline: each is one instruction) ---- */
static inline void outb(u8 v, u16 port)
{
	asm volatile("outb %0,%1" : : "a" (v), "dN" (port));
}
static inline u8 inb(u16 port)
{
	u8 v;

	asm volatile("inb %1,%0" : "=a" (v) : "dN" (port));
	return v;
}
static inline void io_delay(void)
{
	asm volatile("outb %%al,$0x80" : : : "eax");
}
static inline u16 ds(void)
{
	u16 seg;

	asm("movw %%ds,%0" : "=rm" (seg));
	return seg;
}
static inline void set_fs(u16 seg)
{
	asm volatile("movw %0,%%fs" : : "rm" (seg));
}
static inline void set_gs(u16 seg)
{
	asm volatile("movw %0,%%gs" : : "rm" (seg));
}
static inline u8 rdfs8(u16 addr)
{
	u8 v;

	asm volatile("movb %%fs:%1,%0" : "=q" (v) : "m" (*(u8 *)(size_t)addr));
	return v;
}
static inline u16 rdfs16(u16 addr)
{
	u16 v;

	asm volatile("movw %%fs:%1,%0" : "=r" (v) : "m" (*(u16 *)(size_t)addr));
	return v;
}
static inline u32 rdfs32(u16 addr)
{
	u32 v;

	asm volatile("movl %%fs:%1,%0" : "=r" (v) : "m" (*(u32 *)(size_t)addr));
	return v;
}
static inline u32 rdgs32(u16 addr)
{
	u32 v;

	asm volatile("movl %%gs:%1,%0" : "=r" (v) : "m" (*(u32 *)(size_t)addr));
	return v;
}
static inline void wrfs16(u16 v, u16 addr)
{
	asm volatile("movw %1,%%fs:%0" : "+m" (*(u16 *)(size_t)addr) : "ri" (v));
}
static inline void wrfs32(u32 v, u16 addr)
{
	asm volatile("movl %1,%%fs:%0" : "+m" (*(u32 *)(size_t)addr) : "ri" (v));
}

/* ---- the BIOS call thunk (bioscall.S, regs.c) ---- */
struct biosregs {
	union {
		struct {
			u32 edi, esi, ebp, _esp, ebx, edx, ecx, eax;
			u32 _fsgs, _dses, eflags;
		};
		struct {
			u16 di, hdi, si, hsi, bp, hbp, _sp, _hsp;
			u16 bx, hbx, dx, hdx, cx, hcx, ax, hax;
			u16 gs, fs, es, ds, flags, hflags;
		};
		struct {
			u8 dil, dih, edi2, edi3, sil, sih, esi2, esi3;
			u8 bpl, bph, ebp2, ebp3, _spl, _sph, _esp2, _esp3;
			u8 bl, bh, ebx2, ebx3, dl, dh, edx2, edx3;
			u8 cl, ch, ecx2, ecx3, al, ah, eax2, eax3;
		};
	};
};
void intcall(u8 int_no, const struct biosregs *ireg, struct biosregs *oreg);
void initregs(struct biosregs *regs);

/* ---- string helpers (string.c) ---- */
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

/* ---- console (tty.c) ---- */
void console_init(void);
void putchar(int ch);
void puts(const char *s);
void puthex(u32 v);
void putdec(u32 v);

/* ---- heap (main.c) ---- */
extern char *heap_end;
extern char _heap[];		/* setup.ld: heap starts after .bss */
void *heap_alloc(size_t size);

/* ---- command line (cmdline.c) ---- */
int cmdline_find_option(const char *option, char *buf, int bufsize);
int cmdline_find_option_bool(const char *option);

/* ---- memory detection (memory.c), scripted BIOS (biosquirk.c) ---- */
void detect_memory(void);
void bios_quirk_install(void);
void bios_quirk_remove(void);

/* ---- protected mode (a20.c, pm.c, pmjump.S) ---- */
int enable_a20(void);
void go_to_protected_mode(void) __attribute__((noreturn));
void protected_mode_jump(u32 entrypoint, u32 bootparams) __attribute__((noreturn));

/* ---- stopping ---- */
void die(void) __attribute__((noreturn));

#endif /* __ASSEMBLY__ */
#endif /* BOOT_BOOT_H */
