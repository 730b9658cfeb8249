#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# qemu-debug.sh [-p PORT] [-x GDB-COMMANDS-FILE] IMAGE VMLINUX [MEM [APPEND]]
#
# Debug bootmm: start QEMU stopped at the first instruction (-S) with its
# gdb stub on localhost:PORT (default 1234, QEMU's -s), then gdb with
# VMLINUX's symbols, connected.  vmlinux is linked at 0xc0100000 and runs
# there once head_32.S has turned paging on, so "hbreak start_kernel" then
# "continue" stops in C with symbols; before that (startup_32 runs at its
# physical address 0x100000) use "hbreak *0x100000".  Serial goes to
# build/x86/debug-serial.log.  With -x, gdb runs in batch mode with that
# command file (tests use this); QEMU is killed when gdb exits.
set -u
port=1234 cmds=""
while [ $# -gt 0 ]; do
	case $1 in
	-p) port=$2; shift 2 ;;
	-x) cmds=$2; shift 2 ;;
	*) break ;;
	esac
done
if [ $# -lt 2 ]; then
	echo "usage: qemu-debug.sh [-p PORT] [-x GDB-COMMANDS] IMAGE VMLINUX [MEM [APPEND]]" >&2
	exit 2
fi
image=$1 vmlinux=$2 mem=${3:-512M} append=${4:-}
command -v gdb >/dev/null || { echo "qemu-debug.sh: gdb is not installed (apt-get install gdb)" >&2; exit 2; }
serial=$(dirname "$vmlinux")/debug-serial.log

qemu-system-i386 -accel tcg -M pc -m "$mem" -display none -monitor none -no-reboot \
	-serial "file:$serial" -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	-gdb "tcp:127.0.0.1:$port" -S -kernel "$image" ${append:+-append "$append"} &
qemu=$!
trap 'kill $qemu 2>/dev/null; wait $qemu 2>/dev/null' EXIT INT TERM

# Wait for the stub to listen (QEMU opens it before it runs anything).
i=0
while ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
	i=$((i + 1))
	if [ $i -gt 50 ] || ! kill -0 $qemu 2>/dev/null; then
		echo "qemu-debug.sh: QEMU's gdb stub did not come up on port $port" >&2
		exit 2
	fi
	sleep 0.1
done 2>/dev/null

if [ -n "$cmds" ]; then
	gdb -nx -batch -ex "file $vmlinux" -ex "target remote 127.0.0.1:$port" -x "$cmds"
else
	echo "qemu-debug.sh: QEMU is stopped at the reset vector; try: hbreak start_kernel, continue"
	gdb -nx -ex "file $vmlinux" -ex "target remote 127.0.0.1:$port"
fi
