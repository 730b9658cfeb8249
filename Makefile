# SPDX-License-Identifier: GPL-2.0
#
# bootmm: one plain GNU Makefile for the three products built from one core.
#
#   make            the kernel image (build/x86) and the host library
#   make run        boot the kernel in QEMU      (MEM=512M APPEND="...")
#   make test       everything that proves it works (installs deps first)
#   make lib        build/host/libbootmm.a (-O2) + libbootmm-host.a (host hooks)
#   make bench      benchmarks (-O2, no sanitizers)
#   make fuzz       every libFuzzer target for FUZZ_SECONDS (default 60)
#   make help       this list, and the kernel's targets
#
# The core (mm/ lib/ kernel/ init/ arch/x86/kernel/ arch/x86/mm/, minus the
# kernel-only files named in arch/x86/Makefile.inc) is compiled three ways:
#   build/host  -O2 for the library, the simulator and benchmarks
#   build/test  -O1 with ASan+UBSan for unit tests
#   build/fuzz  clang with libFuzzer instrumentation
#   build/x86   -m32 freestanding for the kernel
# Out-of-tree objects, -MMD dependencies, wildcards per directory.
# -fno-printf-return-value: our snprintf has Linux semantics (%#x of 0 is
# "0x0"), so GCC must not fold its return value with C rules.

.DEFAULT_GOAL := all
MAKEFLAGS += --no-builtin-rules
.SUFFIXES:
.DELETE_ON_ERROR:

Q := $(if $(V),,@)
CC := gcc
CLANG := clang
AR := ar
PREFIX ?= /usr/local
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 10
NPROC := $(shell nproc 2>/dev/null || echo 2)

# ---------------------------------------------------------------- sources
CORE_DIRS := mm lib kernel init arch/x86/kernel arch/x86/mm
X86_ONLY_SRCS :=
EXTRA_TESTS :=
-include arch/x86/Makefile.inc

CORE_SRCS := $(filter-out $(X86_ONLY_SRCS),$(wildcard $(addsuffix /*.c,$(CORE_DIRS))))
HOSTHOOK_SRCS := $(wildcard arch/host/*.c)
TOOLS_SRCS := $(filter-out tools/bootmm/main.c,$(wildcard tools/bootmm/*.c))
TEST_SRCS := $(sort $(shell find tests -name '*_test.c' -not -path 'tests/fuzz/*' 2>/dev/null))
FUZZ_SRCS := $(wildcard tests/fuzz/*_fuzz.c)
BENCH_SRCS := $(wildcard bench/*_bench.c)
BENCH_SCRIPTS := $(wildcard bench/*_bench.sh)
TOOL_TEST_SCRIPTS := $(wildcard tests/tools/*_test.sh)

# ---------------------------------------------------------------- flags
WARNINGS := -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare \
	    -Wno-missing-field-initializers -Wstrict-prototypes
HOST_INC := -Iarch/host/include -Iarch/x86/include -Iinclude
# -fno-optimize-sibling-calls: a tail call would make %pS of _RET_IP_
# (memblock=debug's caller) name the caller's caller, differently per build.
COMMON_CFLAGS := -std=gnu11 -g $(WARNINGS) -fno-strict-aliasing -fno-common -MMD -MP \
		 -fno-printf-return-value -fno-optimize-sibling-calls

HOST_CFLAGS := $(COMMON_CFLAGS) $(HOST_INC) -O2
TEST_CFLAGS := $(COMMON_CFLAGS) $(HOST_INC) -O1 -fno-omit-frame-pointer \
	       -fsanitize=address,undefined -fno-sanitize-recover=undefined
KERNEL_CFLAGS := $(COMMON_CFLAGS) -Iarch/x86/include -Iinclude -m32 -march=i686 -O2 \
		 -ffreestanding -fno-pic -fno-pie -fno-stack-protector -mgeneral-regs-only \
		 -fno-asynchronous-unwind-tables -fno-omit-frame-pointer
FUZZ_CFLAGS := -std=gnu11 -g -O1 $(HOST_INC) -fno-omit-frame-pointer -MMD -MP \
	       -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined \
	       -Wno-unused-command-line-argument
HOST_LDLIBS := -rdynamic -ldl
TEST_LDLIBS := -fsanitize=address,undefined -lcmocka -rdynamic -ldl

# ---------------------------------------------------------------- objects
objs = $(patsubst %.c,$(1)/%.o,$(2))

build/host/%.o: %.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(HOST_CFLAGS) -c $< -o $@
build/test/%.o: %.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(TEST_CFLAGS) -c $< -o $@
build/x86/%.o: %.c
	@mkdir -p $(@D)
	$(Q)$(CC) $(KERNEL_CFLAGS) -c $< -o $@
build/fuzz/%.o: %.c
	@mkdir -p $(@D)
	$(Q)$(CLANG) $(FUZZ_CFLAGS) -c $< -o $@

# lib<flavour>: the core; -host: the host hook layer; -tools: simulator pieces.
define archives
$(1)/libbootmm.a: $(call objs,$(1),$(CORE_SRCS))
	$$(Q)rm -f $$@ && $(AR) rcs $$@ $$^
$(1)/libbootmm-host.a: $(call objs,$(1),$(HOSTHOOK_SRCS))
	$$(Q)rm -f $$@ && $(AR) rcs $$@ $$^
$(1)/libbootmm-tools.a: $(call objs,$(1),$(TOOLS_SRCS)) | $(1)
	$$(Q)rm -f $$@ && $(AR) rcs $$@ $$(filter %.o,$$^)
$(1):
	@mkdir -p $$@
endef
$(foreach f,build/host build/test build/fuzz,$(eval $(call archives,$(f))))

HOST_LIBS = build/host/libbootmm-tools.a build/host/libbootmm.a build/host/libbootmm-host.a
TEST_LIBS = build/test/libbootmm-tools.a build/test/libbootmm.a build/test/libbootmm-host.a
FUZZ_LIBS = build/fuzz/libbootmm-tools.a build/fuzz/libbootmm.a build/fuzz/libbootmm-host.a

# The core as the kernel links it (plus the kernel-only files, which
# arch/x86/Makefile.inc compiles and links): `make kernel-core` checks that
# every core file still builds freestanding for i386.
KERNEL_CORE_OBJS := $(call objs,build/x86,$(CORE_SRCS))
build/x86/libbootmm.a: $(KERNEL_CORE_OBJS)
	$(Q)rm -f $@ && $(AR) rcs $@ $^
.PHONY: kernel-core
kernel-core: build/x86/libbootmm.a

# ---------------------------------------------------------------- library
.PHONY: all lib
all: lib $(KERNEL_TARGETS) $(if $(wildcard tools/bootmm/main.c),build/host/bootmm)
lib: build/host/libbootmm.a build/host/libbootmm-host.a

# ---------------------------------------------------------------- simulator
build/host/bootmm: build/host/tools/bootmm/main.o $(HOST_LIBS)
	$(Q)$(CC) -o $@ $^ $(HOST_LDLIBS) -lm

.PHONY: install
install: build/host/bootmm
	install -D -m 755 build/host/bootmm $(DESTDIR)$(PREFIX)/bin/bootmm
	$(if $(wildcard tools/bootmm/bootmm.1),install -D -m 644 tools/bootmm/bootmm.1 $(DESTDIR)$(PREFIX)/share/man/man1/bootmm.1)

# ---------------------------------------------------------------- unit tests
TEST_BINS := $(patsubst %.c,build/test/%,$(TEST_SRCS))

build/test/tests/%: tests/%.c $(TEST_LIBS)
	@mkdir -p $(@D)
	$(Q)$(CC) $(TEST_CFLAGS) -o $@ $< $(TEST_LIBS) $(TEST_LDLIBS) -lm

.PHONY: test-unit check
test-unit: deps
	$(Q)$(MAKE) --no-print-directory -j$(NPROC) $(TEST_BINS)
	$(Q)scripts/run-tests.sh unit $(TEST_BINS)

# make check T=tests/mm/memblock_test.c: build and run one test file.
# Lenient on purpose: several people edit the tree at once, so a core file
# that does not compile yet is reported and left out of the archive instead
# of stopping everyone's tests (the link fails if the test needs it).
# `make test-unit` stays strict.
CHECK_OBJS := $(call objs,build/test,$(CORE_SRCS) $(HOSTHOOK_SRCS) $(TOOLS_SRCS))
CHECK_DIR := build/check/$(subst /,_,$(basename $(T)))
CHECK_BIN := $(CHECK_DIR)/$(notdir $(basename $(T)))
check: deps
	@mkdir -p $(CHECK_DIR)
	$(Q)$(MAKE) --no-print-directory -k -j$(NPROC) $(CHECK_OBJS) >$(CHECK_DIR)/objs.log 2>&1 || \
		{ echo "check: warning: these files do not compile and are left out:"; \
		  grep -o 'build/test/[^]]*\.o\] Error' $(CHECK_DIR)/objs.log | sed 's|build/test/||; s|\.o\] Error|.c|; s/^/    /'; \
		  echo "    (details: $(CHECK_DIR)/objs.log)"; }
	$(Q)rm -f $(CHECK_DIR)/libcheck.a && $(AR) rcs $(CHECK_DIR)/libcheck.a \
		$$(ls $(CHECK_OBJS) 2>/dev/null | grep -v '^build/test/arch/host/')
	$(Q)$(CC) $(TEST_CFLAGS) -o $(CHECK_BIN) $(T) $(CHECK_DIR)/libcheck.a \
		$$(ls build/test/arch/host/*.o) $(TEST_LDLIBS) -lm
	$(Q)$(CHECK_BIN)

# ---------------------------------------------------------------- embedding
# The README's example: a program that links the -O2 library as documented.
.PHONY: test-lib
test-lib: lib
	$(Q)scripts/test-embed.sh

# ---------------------------------------------------------------- tool tests
# Scripts that drive whole programs: the simulator against golden logs and
# against the kernel's own serial log (tests/tools/*_test.sh).
.PHONY: test-tools
test-tools: deps lib build/host/bootmm $(KERNEL_TARGETS)
	$(Q)scripts/run-scripts.sh tools $(TOOL_TEST_SCRIPTS)

# ---------------------------------------------------------------- fuzzing
FUZZ_BINS := $(patsubst tests/fuzz/%.c,build/fuzz/%,$(FUZZ_SRCS))

build/fuzz/%_fuzz: tests/fuzz/%_fuzz.c $(FUZZ_LIBS)
	$(Q)$(CLANG) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_LIBS) -rdynamic -ldl -lm

.PHONY: fuzz test-fuzz
fuzz: deps
	$(Q)$(MAKE) --no-print-directory -j$(NPROC) $(FUZZ_BINS)
	$(Q)scripts/run-fuzz.sh fuzz $(FUZZ_SECONDS) $(FUZZ_BINS)
test-fuzz: deps
	$(Q)$(MAKE) --no-print-directory -j$(NPROC) $(FUZZ_BINS)
	$(Q)scripts/run-fuzz.sh fuzz $(FUZZ_SMOKE_SECONDS) $(FUZZ_BINS)

# ---------------------------------------------------------------- benchmarks
BENCH_BINS := $(patsubst bench/%.c,build/host/bench/%,$(BENCH_SRCS))

build/host/bench/%: bench/%.c $(HOST_LIBS)
	@mkdir -p $(@D)
	$(Q)$(CC) $(HOST_CFLAGS) -o $@ $< $(HOST_LIBS) $(HOST_LDLIBS) -lm

.PHONY: bench
bench: deps
	$(Q)$(MAKE) --no-print-directory -j$(NPROC) $(BENCH_BINS) $(if $(BENCH_SCRIPTS),$(KERNEL_TARGETS) build/host/bootmm)
	$(Q)bench/run.sh $(BENCH_BINS) $(BENCH_SCRIPTS)

# ---------------------------------------------------------------- test
# Every suite writes build/results/<suite>.txt ("N passed, N failed");
# the summary adds them up and fails if any failed or is missing.
TEST_SUITES := unit lib fuzz $(if $(TOOL_TEST_SCRIPTS),tools) $(EXTRA_TESTS:test-%=%)

.PHONY: test deps
test: deps
	$(Q)rm -rf build/results && mkdir -p build/results
	-$(Q)$(MAKE) --no-print-directory -k test-unit test-lib test-fuzz $(if $(TOOL_TEST_SCRIPTS),test-tools) $(EXTRA_TESTS)
	$(Q)scripts/test-summary.sh build/results $(TEST_SUITES)

deps:
	$(Q)scripts/deps.sh

# ---------------------------------------------------------------- misc
.PHONY: clean help
clean:
	rm -rf build

help:
	@sed -n '3,13p' Makefile | sed 's/^# \{0,1\}//'
	@$(if $(KERNEL_HELP),printf '%s\n' $(KERNEL_HELP))

-include $(shell find build -name '*.d' 2>/dev/null)
