// SPDX-License-Identifier: GPL-2.0
/*
 * The early IDT: every CPU exception (vectors 0-31) reaches early_fault(),
 * which prints what happened, where, and the registers, then exits QEMU
 * with the FAULT status.  Nothing here recovers: before the page
 * allocator exists, any exception is a bug in the boot path.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <asm/qemu_exit.h>

#define __KERNEL_CS	0x10	/* head_32.S's boot GDT */

/* What head_32.S's entry stubs leave on the stack (pushal, vector, error). */
struct early_fault_frame {
	u32 edi, esi, ebp, esp, ebx, edx, ecx, eax;
	u32 vector, error_code;
	u32 eip, cs, eflags;
};

struct idt_gate {
	u16 offset_lo, selector;
	u8 zero, type_attr;
	u16 offset_hi;
} __packed;

static struct idt_gate idt_table[32] __aligned(8);
extern const char early_idt_handler_array[32][16];

static const char *const exception_names[32] = {
	"divide error", "debug", "NMI", "int3", "overflow", "bounds",
	"invalid opcode", "device not available", "double fault",
	"coprocessor segment overrun", "invalid TSS", "segment not present",
	"stack segment", "general protection fault", "page fault", "reserved",
	"x87 FPU error", "alignment check", "machine check", "SIMD error",
	"virtualization", "control protection",
};

void setup_early_idt(void);
void early_fault(struct early_fault_frame *f) __noreturn;

/** setup_early_idt() - point vectors 0-31 at the early handlers and load the IDT */
void __init setup_early_idt(void)
{
	struct {
		u16 limit;
		u32 base;
	} __packed descr = { sizeof(idt_table) - 1, (u32)idt_table };
	int i;

	for (i = 0; i < 32; i++) {
		u32 handler = (u32)early_idt_handler_array[i];

		idt_table[i].offset_lo = handler & 0xffff;
		idt_table[i].selector = __KERNEL_CS;
		idt_table[i].zero = 0;
		idt_table[i].type_attr = 0x8e;	/* present, ring 0, 32-bit interrupt gate */
		idt_table[i].offset_hi = handler >> 16;
	}
	asm volatile("lidt %0" : : "m" (descr));
}

/** early_fault() - report an exception and stop (called by head_32.S) */
void early_fault(struct early_fault_frame *f)
{
	const char *name = f->vector < 32 && exception_names[f->vector] ?
			   exception_names[f->vector] : "exception";
	u32 cr2;

	asm volatile("mov %%cr2, %0" : "=r" (cr2));
	pr_emerg("BUG: early %s (vector %u, error code %#x) at EIP %#x (%pS)\n",
		 name, f->vector, f->error_code, f->eip, (void *)f->eip);
	if (f->vector == 14)
		pr_emerg("BUG: unable to handle page fault for address %#x\n", cr2);
	pr_emerg("EAX: %08x EBX: %08x ECX: %08x EDX: %08x\n", f->eax, f->ebx, f->ecx, f->edx);
	pr_emerg("ESI: %08x EDI: %08x EBP: %08x EFLAGS: %08x\n", f->esi, f->edi, f->ebp, f->eflags);
	qemu_exit(QEMU_EXIT_FAULT);
}
