#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# qemu-run.sh [-m MEM] [-M pc|q35] [-b seabios|qboot] [-c CPU] [-s SERIAL_LOG]
#             [-d SEABIOS_LOG] [-t SECONDS] [-r INITRD] -- IMAGE [APPEND]
#
# Boot bootmm once under QEMU (TCG) and turn its isa-debug-exit status
# into an exit code: 0 = the kernel finished (QEMU status 33), 1 = panic
# (35), 2 = CPU exception (37), 3 = anything else (triple fault, timeout,
# QEMU error).  IMAGE is bootmm.img (-kernel, APPEND is the command
# line) or a GRUB ISO from qemu-mkiso.sh (*.iso: its grub.cfg has the
# command line).  -c picks QEMU's CPU model (qemu32,-pse: no 4 MiB pages).  Serial goes to stdout unless -s names a file; -d saves
# SeaBIOS's debug log (port 0x402), which lists its e820 map.
set -u
mem=512M machine=pc bios=seabios serial=stdio sblog="" tmo=60 initrd="" cpu=""
while [ $# -gt 0 ]; do
	case $1 in
	-m) mem=$2; shift 2 ;;
	-M) machine=$2; shift 2 ;;
	-b) bios=$2; shift 2 ;;
	-c) cpu=$2; shift 2 ;;
	-s) serial=file:$2; shift 2 ;;
	-d) sblog=$2; shift 2 ;;
	-t) tmo=$2; shift 2 ;;
	-r) initrd=$2; shift 2 ;;
	--) shift; break ;;
	*) echo "qemu-run.sh: unknown option $1" >&2; exit 3 ;;
	esac
done
image=$1
append=${2:-}

set -- -accel tcg -M "$machine" -m "$mem" -display none -monitor none -no-reboot \
	-serial "$serial" -device isa-debug-exit,iobase=0xf4,iosize=0x04
case $bios in
seabios) ;;
qboot) set -- "$@" -bios /usr/share/qemu/qboot.rom ;;
*) echo "qemu-run.sh: unknown firmware $bios" >&2; exit 3 ;;
esac
[ -n "$cpu" ] && set -- "$@" -cpu "$cpu"
[ -n "$sblog" ] && set -- "$@" -chardev "file,id=sb,path=$sblog" -device isa-debugcon,iobase=0x402,chardev=sb
case $image in
*.iso) set -- "$@" -cdrom "$image" -boot d ;;
*) set -- "$@" -kernel "$image"
   [ -n "$initrd" ] && set -- "$@" -initrd "$initrd"
   [ -n "$append" ] && set -- "$@" -append "$append" ;;
esac

timeout "$tmo" qemu-system-i386 "$@"
rc=$?
case $rc in
33) exit 0 ;;
35) exit 1 ;;
37) exit 2 ;;
*) exit 3 ;;
esac
