#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# deps.sh - install, with apt-get, everything bootmm's build and tests need.
#
# Idempotent: when every package is already present it prints nothing and
# changes nothing, so `make test` and `make run` can call it every time.
# Set BOOTMM_NO_DEPS=1 to skip it (e.g. on a non-Debian host that already
# has the tools).
set -e
[ "${BOOTMM_NO_DEPS:-0}" = 1 ] && exit 0

PKGS="make gcc gcc-multilib libc6-dev-i386 clang libclang-rt-14-dev llvm \
libcmocka-dev qemu-system-x86 grub-pc-bin grub-common xorriso mtools \
binutils python3 gdb"

missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "deps.sh: installing:$missing"
SUDO=""
[ "$(id -u)" != 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
