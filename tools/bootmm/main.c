// SPDX-License-Identifier: GPL-2.0
/*
 * bootmm: run a machine's firmware memory map through the kernel's own
 * memory initialisation on simulated RAM and show the result.  main() is
 * a table of contents: options, input, lint, boot, outputs.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/utsrelease.h>
#include "options.h"
#include "lint.h"
#include "report.h"

#define BOOTMM_VERSION	"bootmm " UTS_RELEASE " (Linux 6.12 e820/memblock, 6.1 log formats)"

static int write_file(const char *path, int (*render)(FILE *, const struct fw_map *,
						       const struct lint_report *,
						       const struct bootmm_run *),
		      const struct fw_map *map, const struct lint_report *lint,
		      const struct bootmm_run *run)
{
	FILE *f = fopen(path, "w");
	int ret;

	if (!f) {
		fprintf(stderr, "bootmm: %s: %s\n", path, strerror(errno));
		return -1;
	}
	errno = 0;
	ret = render(f, map, lint, run);
	if (fclose(f) || ret) {
		fprintf(stderr, "bootmm: %s: write failed%s%s\n", path, errno ? ": " : "",
			errno ? strerror(errno) : "");
		return -1;
	}
	return 0;
}

static int svg_file(FILE *f, const struct fw_map *map, const struct lint_report *lint,
		    const struct bootmm_run *run)
{
	return report_svg(f, map, run);
}

int main(int argc, char **argv)
{
	struct bootmm_options o;
	struct lint_report lint = { 0 };
	struct bootmm_run run = { 0 };
	struct fw_map map;
	char err[FWMAP_ERR_MAX];
	int findings, ret = 0;

	if (bootmm_parse_options(&o, argc, argv, err, sizeof(err))) {
		fprintf(stderr, "bootmm: %s\nTry 'bootmm --help'.\n", err);
		return 2;
	}
	if (o.help || o.version) {
		if (o.help)
			bootmm_usage(stdout);
		else
			puts(BOOTMM_VERSION);
		return 0;
	}
	if (bootmm_load_input(&o, &map, err, sizeof(err))) {
		fprintf(stderr, "bootmm: %s\n", err);
		fwmap_free(&map);
		return 1;
	}

	findings = lint_map(&map, &lint);
	if (findings < 0) {
		fprintf(stderr, "bootmm: out of memory\n");
		return 1;
	}
	if (o.outputs & OUT_LINT) {
		if (o.outputs & OUT_JSON)
			report_json(stdout, &map, &lint, NULL);
		else
			lint_print(stdout, &map, &lint);
		ret = findings ? 3 : 0;
		goto out;
	}
	if (findings)
		fprintf(stderr, "bootmm: %s: %d firmware map finding%s (see bootmm --lint)\n",
			map.source, findings, findings == 1 ? "" : "s");

	run.arch = o.arch_given ? o.arch : map.x86_64_hint ? BOOTMM_X86_64 : BOOTMM_I386;
	run.cmdline = o.append;
	run.kernel_image = o.kernel_image;
	run.panic_log_stderr = !(o.outputs & OUT_LOG);
	if (bootmm_boot(&map, &run, err, sizeof(err))) {
		fprintf(stderr, "bootmm: %s\n", err);
		ret = 1;
		goto out;
	}

	if (o.outputs & OUT_LOG)
		fwrite(run.log, 1, run.log_len, stdout);
	if (o.outputs & OUT_SUMMARY)
		report_summary(stdout, &map, &run);
	if (o.outputs & OUT_EXPLAIN)
		report_explain(stdout, &map, &run);
	if (o.outputs & OUT_MEMBLOCK)
		report_memblock(stdout, &run);
	if (o.outputs & OUT_ZONEINFO)
		report_proc(stdout, zoneinfo_show);
	if (o.outputs & OUT_BUDDYINFO)
		report_proc(stdout, buddyinfo_show);
	if (o.outputs & OUT_SLABINFO)
		report_proc(stdout, slabinfo_show);
	if (o.outputs & OUT_JSON)
		report_json(stdout, &map, &lint, &run);
	if (o.svg_file && write_file(o.svg_file, svg_file, &map, &lint, &run))
		ret = 1;
	if (o.html_file && write_file(o.html_file, report_html, &map, &lint, &run))
		ret = 1;
	if (o.outputs & OUT_STATS)
		report_stats(stderr, &run);
	bootmm_run_free(&run);
out:
	lint_free(&lint);
	fwmap_free(&map);
	return ret;
}
