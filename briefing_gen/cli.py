"""Command line: argument parsing and calls into the stages, nothing more."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import briefing_gen
from briefing_gen.config import ENGINE_CHOICES, BuildOptions, SettingsError
from briefing_gen.errors import FileProblems
from briefing_gen.pipeline.run import run_build
from briefing_gen.pipeline.sources import extract_outcomes
from briefing_gen.site.build import SiteBuildError, site_engine
from briefing_gen.site.charts import plural

# Exit statuses, in README.md: each kind of failure has its own, so a script can tell them apart.
EXIT_OK = 0
EXIT_FILES_SKIPPED = 1  # some article files could not be used; the others were built
EXIT_SETTINGS = 2  # a wrong option or settings file (actors.yml, notes, briefing-gen.yml): nothing built
EXIT_OUTPUT = 3  # docs/ or site/ could not be written (a file where a folder belongs, no space, no permission)
EXIT_SITE_ENGINE = 4  # MkDocs did not build the site; the pages in docs/ were written
EXIT_INTERRUPTED = 130


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)  # exits with 2 (EXIT_SETTINGS) on a wrong option
    if args.name is None:  # `briefing-gen` alone: what it can do, not an error about a missing name
        parser.print_help()
        return EXIT_OK
    try:
        return args.command(args)
    except SiteBuildError as error:
        print(f"briefing-gen: error: {error}", file=sys.stderr)
        return EXIT_SITE_ENGINE
    except RuntimeError as error:
        print(f"briefing-gen: error: {error}", file=sys.stderr)
        return EXIT_SETTINGS
    except FileProblems as error:  # notes, actors.yml, briefing-gen.yml: one line per problem, each naming its file and key
        for line in error.problems:
            print(f"briefing-gen: error: {line}", file=sys.stderr)
        return EXIT_SETTINGS
    except FileNotFoundError as error:
        if error.filename is None:  # ours: a folder given on the command line is missing
            print(f"briefing-gen: error: {error}", file=sys.stderr)
            return EXIT_SETTINGS
        print(f"briefing-gen: error: {output_problem(error)}", file=sys.stderr)
        return EXIT_OUTPUT
    except OSError as error:
        print(f"briefing-gen: error: {output_problem(error)}", file=sys.stderr)
        return EXIT_OUTPUT
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def output_problem(error: OSError) -> str:
    """One line naming the path and what is wrong with it, for an error writing the output."""
    import errno

    path = error.filename or "the output"
    hints = {
        errno.ENOTDIR: "a file stands where a folder is needed",
        errno.EEXIST: "a file stands where a folder is needed",  # from making a folder
        errno.EISDIR: "a folder stands where a file is needed",
        errno.ENOSPC: "the disk is full",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EROFS: "the file system is read-only",
    }
    problem = hints.get(error.errno, error.strerror or type(error).__name__)
    return f"cannot write {path}: {problem}"


DEFAULT_MAX_SIZE_MB = 20.0


def size_in_mb(value: str) -> float:
    try:
        megabytes = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of megabytes: {value!r}") from None
    if not megabytes > 0:
        raise argparse.ArgumentTypeError("the size limit must be more than 0 MB")
    return megabytes


def add_max_size(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-size", type=size_in_mb, default=DEFAULT_MAX_SIZE_MB, metavar="MB",
        help=f"refuse article files larger than this, without reading them (default: {DEFAULT_MAX_SIZE_MB:g} MB)",
    )


def max_bytes(args) -> int:
    return int(getattr(args, "max_size", DEFAULT_MAX_SIZE_MB) * 1_000_000)


def job_count(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError("--jobs must be at least 1")
    return jobs


def add_speed_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", "-j", type=job_count, default=None, metavar="N", help="processes for language analysis (default: one per core)")
    parser.add_argument("--no-cache", action="store_true", help="extract every article again, ignoring what earlier builds kept in .briefing-gen/cache/")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing-gen", description="Turn news and analysis articles into a briefing site.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {briefing_gen.__version__}")
    commands = parser.add_subparsers(dest="name", metavar="COMMAND")

    extract = commands.add_parser("extract", help="print what is extracted from article files")
    extract.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    extract.add_argument("--json", action="store_true", help="print the JSON contract (an array, one object per file)")
    extract.add_argument("--actors", type=Path, default=Path("actors.yml"), help="the editor's actor reference file")
    add_max_size(extract)
    extract.set_defaults(command=command_extract)

    for name, help_text in (("build", "write the briefing pages and build the site"), ("serve", "regenerate, then preview with mkdocs serve")):
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("--articles", type=Path, default=Path("articles"), help="article folder (default: articles)")
        sub.add_argument("--docs", type=Path, default=Path("docs"), help="generated Markdown folder (default: docs)")
        sub.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs configuration (default: mkdocs.yml)")
        sub.add_argument("--actors", type=Path, default=Path("actors.yml"), help="editor's actor file (default: actors.yml)")
        sub.add_argument("--notes", type=Path, default=Path("notes"), help="editors' notes folder (default: notes)")
        sub.add_argument("--force", action="store_true", help="replace pages edited by hand, after backing each up next to it")
        add_max_size(sub)
        add_speed_options(sub)
        loudness = sub.add_mutually_exclusive_group()
        loudness.add_argument("-q", "--quiet", action="store_true", help="print errors only")
        loudness.add_argument("-v", "--verbose", action="store_true", help="print every article as it is extracted, and the time of each stage")
        if name == "build":
            sub.add_argument("--site", type=Path, default=Path("site"), help="built site folder (default: site)")
            sub.add_argument(
                "--search", choices=("auto", "builtin", "pagefind"), default=None,
                help="site search: MkDocs' built-in index, or Pagefind's, fetched in pieces (default: briefing-gen.yml's 'search', else auto: Pagefind from 500 briefings)",
            )
            sub.add_argument(
                "--engine", choices=ENGINE_CHOICES, default=None,
                help="what builds the site from docs/: MkDocs or Zensical, which reads the same mkdocs.yml (default: mkdocs)",
            )
            sub.add_argument(
                "--offline", action="store_true",
                help="a site to open from disk (site/index.html, file://): page links name files and the search works without a server (MkDocs only)",
            )
            sub.add_argument("--no-site", action="store_true", help="stop after writing docs/")
            sub.set_defaults(command=command_build)
        else:
            sub.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
            sub.set_defaults(command=command_serve)

    note = commands.add_parser("note", help="create the editors' notes file of a briefing (or of a story, with --story) and print its path")
    note.add_argument("slug", metavar="SLUG", help="the briefing's slug (its file name in docs/briefings/, without .md)")
    note.add_argument(
        "--story", action="store_true",
        help="SLUG is a story's (its file name in docs/stories/): create notes/stories/SLUG.md, to rename, merge or split the story",
    )
    note.add_argument("--notes", type=Path, default=Path("notes"), help="editors' notes folder (default: notes)")
    note.add_argument("--docs", type=Path, default=Path("docs"), help="generated Markdown folder (default: docs)")
    note.set_defaults(command=command_note)

    init = commands.add_parser("init", help="create a new site folder that builds at once")
    init.add_argument("folder", type=Path, metavar="DIR", help="a new or empty folder")
    init.set_defaults(command=command_init)

    add = commands.add_parser("add", help="save a web page, or every entry of an RSS/Atom feed, into the articles folder")
    add.add_argument("targets", nargs="+", metavar="URL_OR_FEED", help="a page address, a feed address, or a feed file")
    add.add_argument("--articles", type=Path, default=Path("articles"), help="article folder (default: articles)")
    add.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for the network (default: 20)")
    add.set_defaults(command=command_add)
    return parser


def command_extract(args) -> int:
    from briefing_gen.extract.reference import load_reference
    from briefing_gen.readers import ReaderRegistry

    reference = load_reference(args.actors)
    registry = ReaderRegistry(max_bytes=max_bytes(args))
    outcomes = list(extract_outcomes(args.paths, reference=reference, registry=registry, sources=[str(p) for p in args.paths]))
    if args.json:
        json.dump([o.to_dict() for o in outcomes], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for outcome in outcomes:
            print(readable_summary(outcome))
    for outcome in outcomes:
        if outcome.error:
            print(f"briefing-gen: {outcome.source}: {outcome.error}", file=sys.stderr)
    return 1 if any(o.error for o in outcomes) else 0


def readable_summary(outcome) -> str:
    if outcome.error:
        return f"{outcome.source}\n  error: {outcome.error}\n"
    b = outcome.briefing
    a = b.article
    lines = [f"{a.source}", f"  title:     {a.title}", f"  slug:      {b.slug}"]
    if a.authors:
        lines.append(f"  authors:   {', '.join(a.authors)}")
    if a.published or a.publisher:
        lines.append(f"  published: {a.published or 'undated'}{' by ' + a.publisher if a.publisher else ''}")
    lines.append(f"  body:      {len(a.paragraphs)} paragraphs")
    lines.append(f"  actors:    {', '.join(f'{x.name} ({x.type}, {x.mentions})' for x in b.actors[:8])}")
    lines.append(f"  claims:    {len(b.claims)}")
    for sentence in b.summary:
        lines.append(f"  | {sentence}")
    return "\n".join(lines) + "\n"


def build_options(args, build_site: bool) -> BuildOptions:
    return BuildOptions(
        articles_dir=args.articles,
        docs_dir=args.docs,
        site_dir=getattr(args, "site", Path("site")),
        config_file=args.config,
        actors_file=args.actors,
        notes_dir=args.notes,
        force=args.force,
        build_site=build_site,
        max_bytes=max_bytes(args),
        jobs=getattr(args, "jobs", None),
        cache=not getattr(args, "no_cache", False),
        search=getattr(args, "search", None),
        engine=getattr(args, "engine", None),
        offline=getattr(args, "offline", False),
    )


def verbosity(args) -> int:
    return -1 if getattr(args, "quiet", False) else (1 if getattr(args, "verbose", False) else 0)


class ProgressPrinter:
    """Prints build progress to stderr: every stage; the extraction count at most once per
    `interval` seconds (each article with --verbose); nothing with --quiet."""

    def __init__(self, level: int = 0, stream=None, interval: float = 2.0):
        self.level, self.stream, self.interval = level, stream, interval
        self.last = 0.0

    def __call__(self, message) -> None:
        if self.level < 0 or getattr(message, "stage", None) == "error":
            return  # each unreadable file gets its one line in the final report
        stream = self.stream or sys.stderr
        if getattr(message, "detail", False) and self.level < 1:
            done, total = message.done, message.total
            now = time.monotonic()
            if done == total or now - self.last >= self.interval:
                self.last = now
                print(f"extracted {done}/{total} articles", file=stream, flush=True)
            return
        print(message, file=stream, flush=True)


def print_report(report, level: int = 0) -> None:
    for outcome in report.errors:
        print(f"briefing-gen: {outcome.source}: {outcome.error}", file=sys.stderr)
    if level < 0:
        return
    written = report.written
    pages = f"; {plural(len(written.written), 'page')} written, {len(written.unchanged)} unchanged, {len(written.removed)} removed" if written else ""
    site = f"; site built ({report.search} search)" if report.site_built else ""
    print(
        f"{plural(len(report.built), 'briefing')} built, {plural(len(report.errors), 'file')} skipped; "
        f"{plural(report.actor_count, 'actor')}, {plural(report.claim_count, 'claim')}{pages}{site}; {report.seconds:.1f}s in all"
    )
    if report.errors:
        print(skipped_summary(report), file=sys.stderr)
    timings = getattr(report, "timings", {})
    if level > 0 and timings:
        print("time: " + ", ".join(f"{stage} {seconds:.1f}s" for stage, seconds in timings.items()))


def skipped_summary(report) -> str:
    """`skipped 5 files: 2 empty, 1 binary, ...`: the reasons of the lines above, counted."""
    count = len(report.errors)
    reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(report.skip_reasons.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"skipped {plural(count, 'file')}: {reasons}"


def command_build(args) -> int:
    options = build_options(args, build_site=not args.no_site)
    engine = site_engine(options.config_file, args.engine)
    if args.offline and engine != "mkdocs":
        raise SettingsError([f"--offline: {engine} does not build a site to open from disk; use --engine mkdocs"])
    report = run_build(options, progress=ProgressPrinter(verbosity(args)))
    print_report(report, verbosity(args))
    print_editor_warnings(report)
    if report.site_built and verbosity(args) >= 0:
        print(f"open {options.site_dir / 'index.html'}")
    return EXIT_FILES_SKIPPED if report.errors or report.left_out_notes else EXIT_OK


def print_editor_warnings(report) -> None:
    """Corrections that matched nothing, pages edited by hand, orphaned notes: one line each."""
    for warning in report.warnings:
        print(f"briefing-gen: warning: {warning}", file=sys.stderr)
    for path in report.orphaned_notes:
        print(f"briefing-gen: orphaned notes (no briefing has this slug; kept): {path}", file=sys.stderr)


def command_serve(args) -> int:
    from briefing_gen.site.serve import serve

    return serve(build_options(args, build_site=False), args.dev_addr, say=serve_messages(verbosity(args)))


def serve_messages(level: int):
    """What `serve` says: everything by default (None), only the problems with --quiet."""
    if level >= 0:
        return None

    def say(message: str) -> None:
        if message.startswith("briefing-gen:") and ": warning:" not in message:
            print(message, file=sys.stderr, flush=True)

    return say


def command_note(args) -> int:
    from briefing_gen.editorial.new_note import NoBriefing, NoStory, create_note, create_story_note, find_briefing, find_story

    try:
        if args.story:
            path = create_story_note(args.notes, find_story(args.docs, args.slug))
        else:
            path = create_note(args.notes, find_briefing(args.docs, args.slug))
    except (NoBriefing, NoStory, FileExistsError) as error:
        print(f"briefing-gen: error: {error}", file=sys.stderr)
        return 2
    print(path)
    return 0


def command_init(args) -> int:
    from briefing_gen.site.scaffold import ScaffoldError, create_site

    try:
        created = create_site(args.folder)
    except ScaffoldError as error:
        print(f"briefing-gen: error: {error}", file=sys.stderr)
        return 2
    print(f"created a briefing site in {args.folder} ({len(created)} files):")
    for path in created:
        print(f"  {path}")
    print(f"next: cd {args.folder} && briefing-gen build")
    return 0


def command_add(args) -> int:
    from briefing_gen.ingest.add import add
    from briefing_gen.ingest.fetch import ArticleFolder

    failed = 0
    folder = ArticleFolder(args.articles)  # read once for every target
    for target in args.targets:
        for saved in add(target, folder, timeout=args.timeout):
            if saved.error:
                failed += 1
                print(f"briefing-gen: {saved.url}: {saved.error}", file=sys.stderr)
            elif saved.existing:
                print(f"already saved: {saved.existing} <- {saved.url}")
            else:
                print(f"saved {saved.path} <- {saved.url}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
