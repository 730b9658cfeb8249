#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""check-header.py IMAGE - check bootmm.img's Linux boot protocol header.

What loaders read (Documentation/arch/x86/boot.rst; GRUB 2.06 and QEMU's
x86_load_linux as in ../shared/notes/boot-protocol.md): every field the
declared protocol version defines must hold a real value, because GRUB
trusts them.  Prints one line per failed field and exits 1, or prints
"header: ok ..." and exits 0.
"""
import struct
import sys

SETUP_SIG = 0x5A5AAA55


def main(path):
    img = open(path, "rb").read()
    errors = []

    def u8(off):
        return img[off]

    def u16(off):
        return struct.unpack_from("<H", img, off)[0]

    def u32(off):
        return struct.unpack_from("<I", img, off)[0]

    def check(cond, what):
        if not cond:
            errors.append(what)

    sects = u8(0x1F1) or 4
    setup_len = (sects + 1) * 512
    kernel_len = len(img) - setup_len
    version = u16(0x206)

    check(4 <= sects <= 64, f"setup_sects {sects}: GRUB wants 1..64 (0 means 4)")
    check(setup_len < len(img), "image shorter than its setup")
    check(u16(0x1FE) == 0xAA55, f"boot_flag {u16(0x1FE):#x} != 0xaa55 (GRUB: invalid magic)")
    check(img[0x200] == 0xEB, "no short jmp at 0x200")
    check(img[0x202:0x206] == b"HdrS", "no HdrS at 0x202")
    check(0x0203 <= version <= 0x0209,
          f"protocol {version:#06x}: GRUB linux needs >= 2.03; >= 2.10 needs pref_address/init_size trusted")
    check(u8(0x211) & 0x01, "loadflags lacks LOADED_HIGH (GRUB: zImage doesn't support 32-bit boot)")
    check(u32(0x214) == 0x100000, f"code32_start {u32(0x214):#x} != 0x100000")
    check(u32(0x1F4) == (kernel_len + 15) // 16,
          f"syssize {u32(0x1F4):#x} != {(kernel_len + 15) // 16:#x} paragraphs of kernel")
    check(u16(0x224) != 0, "heap_end_ptr is 0")
    check(u32(0x22C) != 0, "initrd_addr_max is 0 (protocol >= 2.03)")
    check(u32(0x230) & (u32(0x230) - 1) == 0 and u32(0x230) >= 0x1000,
          f"kernel_alignment {u32(0x230):#x} is not a power of two >= 4 KiB")
    check(u32(0x238) >= 255, f"cmdline_size {u32(0x238)} (protocol >= 2.06)")
    check(u32(0x260) >= kernel_len, f"init_size {u32(0x260):#x} < kernel {kernel_len:#x}")
    # setup_sig: the setup's last word (then sector padding), so it must
    # be in the last declared setup sector.
    sig_at = [i for i in range(setup_len - 512, setup_len - 3) if u32(i) == SETUP_SIG]
    check(sig_at, "no setup_sig 0x5a5aaa55 in the last setup sector")

    if errors:
        for e in errors:
            print("header: " + e)
        return 1
    print(f"header: ok (protocol {version >> 8}.{version & 0xff:02d}, {sects} setup sectors, "
          f"kernel {kernel_len} bytes, init_size {u32(0x260):#x})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
