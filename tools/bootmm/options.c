// SPDX-License-Identifier: GPL-2.0
/*
 * bootmm's options (getopt_long) and --help, and loading the chosen input
 * into a firmware map.  A bare argument is auto-detected: a directory is
 * a /sys/firmware/memmap copy, a file with "BIOS-e820:" lines a kernel
 * log, anything else a plain e820 table.
 */
#define _GNU_SOURCE	/* memmem */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "options.h"

enum {
	OPT_MEMMAP = 256, OPT_DMESG, OPT_E820, OPT_QEMU_PC, OPT_QEMU_Q35, OPT_ARCH,
	OPT_APPEND, OPT_JSON, OPT_ZONEINFO, OPT_BUDDYINFO, OPT_SLABINFO, OPT_MEMBLOCK,
	OPT_SVG, OPT_HTML, OPT_EXPLAIN, OPT_LINT, OPT_LOG, OPT_STATS, OPT_VERSION,
	OPT_KERNEL_IMAGE,
};

static const struct option long_options[] = {
	{ "memmap",	required_argument, NULL, OPT_MEMMAP },
	{ "dmesg",	required_argument, NULL, OPT_DMESG },
	{ "e820",	required_argument, NULL, OPT_E820 },
	{ "qemu-pc",	required_argument, NULL, OPT_QEMU_PC },
	{ "qemu-q35",	required_argument, NULL, OPT_QEMU_Q35 },
	{ "arch",	required_argument, NULL, OPT_ARCH },
	{ "append",	required_argument, NULL, OPT_APPEND },
	{ "kernel-image", required_argument, NULL, OPT_KERNEL_IMAGE },
	{ "json",	no_argument,	   NULL, OPT_JSON },
	{ "zoneinfo",	no_argument,	   NULL, OPT_ZONEINFO },
	{ "buddyinfo",	no_argument,	   NULL, OPT_BUDDYINFO },
	{ "slabinfo",	no_argument,	   NULL, OPT_SLABINFO },
	{ "memblock",	no_argument,	   NULL, OPT_MEMBLOCK },
	{ "svg",	required_argument, NULL, OPT_SVG },
	{ "html",	required_argument, NULL, OPT_HTML },
	{ "explain",	no_argument,	   NULL, OPT_EXPLAIN },
	{ "lint",	no_argument,	   NULL, OPT_LINT },
	{ "log",	no_argument,	   NULL, OPT_LOG },
	{ "stats",	no_argument,	   NULL, OPT_STATS },
	{ "help",	no_argument,	   NULL, 'h' },
	{ "version",	no_argument,	   NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 },
};

/** bootmm_usage() - the complete --help text. */
void bootmm_usage(FILE *f)
{
	fputs(
"Usage: bootmm INPUT [--arch i386|x86_64] [--append \"CMDLINE\"] [OUTPUT...]\n"
"\n"
"Boot a simulated x86 machine with a given firmware memory map through the\n"
"kernel's own e820 -> memblock (or bootmem) -> zones -> memmap -> buddy ->\n"
"slab code, on sparse simulated RAM, and show what the kernel made of it.\n"
"\n"
"Input (one):\n"
"  --memmap DIR       a /sys/firmware/memmap tree (N/start, N/end, N/type)\n"
"  --dmesg FILE|-     a kernel log: its BIOS-e820 lines, 6.x \"[mem A-B] type\"\n"
"                     or 2.6 \"A - B (type)\" format; other lines are ignored\n"
"  --e820 FILE|-      a plain table: \"START END TYPE\" (END exclusive) or\n"
"                     \"START +SIZE TYPE\"; hex or decimal with K/M/G/T\n"
"                     suffixes; TYPE a number or name; '#' comments;\n"
"                     \"alt_mem_k N\" / \"ext_mem_k N\" give the E801/88h figures\n"
"  --qemu-pc SIZE     the map SeaBIOS gives QEMU -M pc -m SIZE (plain number:\n"
"  --qemu-q35 SIZE    MiB, as QEMU's -m); with --arch x86_64 the map of\n"
"                     qemu-system-x86_64 (HyperTransport hole at 1012 GiB)\n"
"  PATH               a directory, log or table, recognised by its content\n"
"\n"
"Kernel:\n"
"  --arch ARCH        i386: DMA/Normal/HighMem, 887 MiB lowmem, flat memmap\n"
"                     x86_64: DMA/DMA32/Normal, sparse 128 MiB sections\n"
"                     (default: x86_64 for a 64-bit log or --memmap, else i386)\n"
"  --append CMDLINE   kernel command line: mem=, memmap=, memblock=debug,\n"
"                     bootmem=bitmap, movablecore=, kernelcore=, highmem=,\n"
"                     min_free_kbytes=, loglevel=, debug, quiet,\n"
"                     e820.legacy_format, mm_selftest, mm_audit, slub_debug...\n"
"  --kernel-image VMLINUX\n"
"                     place the kernel image exactly as this ELF file's\n"
"                     _text.._end symbols say (build/x86/vmlinux: the log then\n"
"                     equals our kernel's serial log); default: an image\n"
"                     sized like Linux 6.1's at 16 MiB (686 or amd64)\n"
"\n"
"Output (default: the kernel's console log and a summary):\n"
"  --log              only the console log: with --kernel-image, the kernel's\n"
"                     serial log line for line (struct page size aside)\n"
"  --json             e820 (firmware and sanitised), memblock, zones, free lists;\n"
"                     stdout is then only JSON: not with the other text outputs\n"
"                     (--log, --explain, --zoneinfo, --buddyinfo, --slabinfo,\n"
"                     --memblock: exit 2)\n"
"  --zoneinfo         /proc/zoneinfo\n"
"  --buddyinfo        /proc/buddyinfo\n"
"  --slabinfo         /proc/slabinfo\n"
"  --memblock         debugfs memblock/memory and memblock/reserved\n"
"  --svg FILE         a picture of the physical address space (segmented axis)\n"
"  --html FILE        the same picture in a page with the tables\n"
"  --explain          a narrated boot: each step, the function, what changed\n"
"  --lint             check the firmware map only (no boot; --json the only\n"
"                     output with it); exit 3 if findings (notes do not count)\n"
"  --stats            time, peak RSS and memmap size on stderr\n"
"  -h, --help         this text;  --version  the version\n"
"\n"
"Exit status: 0 success, 1 bad input or the simulated kernel panicked (its log\n"
"so far is printed), 2 bad usage, 3 lint findings (--lint).\n"
"Example: bootmm --memmap /sys/firmware/memmap --arch x86_64 --svg map.svg\n",
	      f);
}

static int set_input(struct bootmm_options *o, enum bootmm_input in, const char *arg,
		     char *err, size_t errlen)
{
	if (o->input != INPUT_NONE) {
		snprintf(err, errlen, "more than one input (\"%s\" and \"%s\")", o->input_arg, arg);
		return -1;
	}
	o->input = in;
	o->input_arg = arg;
	return 0;
}

/**
 * bootmm_parse_options() - fill @o from argv
 * @o: the options (zeroed here)
 * @argc: argument count, @argv: arguments
 * @err: the usage error, @errlen its size
 *
 * Return: 0, or -1 for a usage error (@err says which).
 */
int bootmm_parse_options(struct bootmm_options *o, int argc, char **argv,
			 char *err, size_t errlen)
{
	static const unsigned int flag_of[] = {
		[OPT_JSON - OPT_JSON] = OUT_JSON, [OPT_ZONEINFO - OPT_JSON] = OUT_ZONEINFO,
		[OPT_BUDDYINFO - OPT_JSON] = OUT_BUDDYINFO, [OPT_SLABINFO - OPT_JSON] = OUT_SLABINFO,
		[OPT_MEMBLOCK - OPT_JSON] = OUT_MEMBLOCK,
	};
	int c;

	memset(o, 0, sizeof(*o));
	optind = 0;	/* GNU: restart scanning (tests parse several argvs) */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", long_options, NULL)) != -1) {
		switch (c) {
		case OPT_MEMMAP:   if (set_input(o, INPUT_MEMMAP, optarg, err, errlen)) return -1; break;
		case OPT_DMESG:    if (set_input(o, INPUT_DMESG, optarg, err, errlen)) return -1; break;
		case OPT_E820:     if (set_input(o, INPUT_E820, optarg, err, errlen)) return -1; break;
		case OPT_QEMU_PC:  if (set_input(o, INPUT_QEMU_PC, optarg, err, errlen)) return -1; break;
		case OPT_QEMU_Q35: if (set_input(o, INPUT_QEMU_Q35, optarg, err, errlen)) return -1; break;
		case OPT_ARCH:
			if (!strcmp(optarg, "i386") || !strcmp(optarg, "x86"))
				o->arch = BOOTMM_I386;
			else if (!strcmp(optarg, "x86_64") || !strcmp(optarg, "amd64"))
				o->arch = BOOTMM_X86_64;
			else {
				snprintf(err, errlen, "--arch %s: expected i386 or x86_64", optarg);
				return -1;
			}
			o->arch_given = true;
			break;
		case OPT_APPEND:   o->append = optarg; break;
		case OPT_KERNEL_IMAGE: o->kernel_image = optarg; break;
		case OPT_JSON: case OPT_ZONEINFO: case OPT_BUDDYINFO: case OPT_SLABINFO:
		case OPT_MEMBLOCK:
			o->outputs |= flag_of[c - OPT_JSON];
			break;
		case OPT_SVG:      o->svg_file = optarg; break;
		case OPT_HTML:     o->html_file = optarg; break;
		case OPT_EXPLAIN:  o->outputs |= OUT_EXPLAIN; break;
		case OPT_LINT:     o->outputs |= OUT_LINT; break;
		case OPT_LOG:      o->outputs |= OUT_LOG; break;
		case OPT_STATS:    o->outputs |= OUT_STATS; break;
		case 'h':          o->help = true; return 0;
		case OPT_VERSION:  o->version = true; return 0;
		case ':':	/* optstring ":...": a missing argument, told apart */
			snprintf(err, errlen, "%s: missing argument", argv[optind - 1]);
			return -1;
		default: {
			const char *arg = argv[optind - 1];

			if (strncmp(arg, "--", 2))
				snprintf(err, errlen, "unknown option -%c", optopt);
			else if (optopt)	/* a known long option given "=VALUE" */
				snprintf(err, errlen, "%s: this option takes no argument", arg);
			else
				snprintf(err, errlen, "%s: unknown option (or an abbreviation of more than one)",
					 arg);
			return -1;
		}
		}
		if (optind > argc)
			break;
	}
	for (; optind < argc; optind++)
		if (set_input(o, INPUT_AUTO, argv[optind], err, errlen))
			return -1;
	if (o->input == INPUT_NONE) {
		snprintf(err, errlen, "no input: give --memmap, --dmesg, --e820, --qemu-pc or --qemu-q35");
		return -1;
	}
	if ((o->outputs & OUT_LINT) &&
	    ((o->outputs & ~(OUT_LINT | OUT_JSON)) || o->svg_file || o->html_file ||
	     o->append || o->kernel_image)) {
		snprintf(err, errlen, "--lint checks the firmware map without booting: it takes only --json (drop --lint for the boot's outputs)");
		return -1;
	}
	if ((o->outputs & OUT_JSON) && (o->outputs & OUT_TEXT)) {
		/* stdout stays one JSON document: a script pipes it to a parser */
		static const struct { unsigned int flag; const char *name; } text[] = {
			{ OUT_LOG, "--log" }, { OUT_EXPLAIN, "--explain" },
			{ OUT_ZONEINFO, "--zoneinfo" }, { OUT_BUDDYINFO, "--buddyinfo" },
			{ OUT_SLABINFO, "--slabinfo" }, { OUT_MEMBLOCK, "--memblock" },
		};
		size_t i = 0;

		while (!(o->outputs & text[i].flag))
			i++;
		snprintf(err, errlen, "--json and %s: --json keeps standard output one JSON document (run bootmm once for each; --svg, --html and --stats go with --json)",
			 text[i].name);
		return -1;
	}
	if (!(o->outputs & ~OUT_STATS) && !o->svg_file && !o->html_file)
		o->outputs |= OUT_LOG | OUT_SUMMARY;	/* --log alone: just the log */
	return 0;
}

static int qemu_size(const char *arg, u64 *bytes)
{
	const char *end;
	u64 v;

	if (fwmap_parse_u64(arg, &end, &v) || *end)
		return -1;
	if (end[-1] >= '0' && end[-1] <= '9') {	/* QEMU's -m: a plain number is MiB */
		if (v > (UINT64_MAX >> 20))
			return -1;
		v <<= 20;
	}
	*bytes = v;
	return 0;
}

static int load_text(struct fw_map *map, const char *path, enum bootmm_input in,
		     char *err, size_t errlen)
{
	char *buf;
	size_t len;
	int ret;

	if (fwmap_slurp(path, &buf, &len, err, errlen))
		return -1;
	if (in == INPUT_AUTO)	/* memmem: a log may hold NUL bytes before its map */
		in = memmem(buf, len, "BIOS-e820:", 10) || memmem(buf, len, "BIOS-e801:", 10) ||
		     memmem(buf, len, "BIOS-88:", 8) ? INPUT_DMESG : INPUT_E820;
	ret = in == INPUT_DMESG ? fwmap_parse_dmesg(map, buf, len, err, errlen) :
				  fwmap_parse_e820(map, buf, len, err, errlen);
	free(buf);
	if (!ret && !map->nr) {
		snprintf(err, errlen, "%s: no entries", map->source);
		ret = -1;
	}
	return ret;
}

/**
 * bootmm_load_input() - read the input @o names into @map
 *
 * Return: 0, or -1 with @err naming the file (and line) at fault.
 */
int bootmm_load_input(const struct bootmm_options *o, struct fw_map *map,
		      char *err, size_t errlen)
{
	const char *arg = o->input_arg;
	struct stat st;
	u64 size;

	switch (o->input) {
	case INPUT_QEMU_PC:
	case INPUT_QEMU_Q35:
		fwmap_init(map, o->input == INPUT_QEMU_PC ? "qemu-pc" : "qemu-q35");
		if (qemu_size(arg, &size)) {
			snprintf(err, errlen, "%s: bad size \"%s\" (e.g. 512M, 4G, 1T, or MiB)",
				 map->source, arg);
			return -1;
		}
		return fwmap_qemu(map, o->input == INPUT_QEMU_PC ? QEMU_PC : QEMU_Q35, size,
				  o->arch_given && o->arch == BOOTMM_X86_64, err, errlen);
	case INPUT_MEMMAP:
		fwmap_init(map, arg);
		map->x86_64_hint = true;
		return fwmap_read_memmap_dir(map, arg, err, errlen);
	case INPUT_AUTO:
		if (strcmp(arg, "-") && !stat(arg, &st) && S_ISDIR(st.st_mode)) {
			fwmap_init(map, arg);
			map->x86_64_hint = true;
			return fwmap_read_memmap_dir(map, arg, err, errlen);
		}
		/* fall through */
	default:
		fwmap_init(map, strcmp(arg, "-") ? arg : "<stdin>");
		return load_text(map, arg, o->input, err, errlen);
	}
}
