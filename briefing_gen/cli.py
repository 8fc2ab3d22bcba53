"""Command line: argument parsing and calls into the stages, nothing more."""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from briefing_gen.build import BuildOptions, run_build
from briefing_gen.pipeline import extract_outcomes
from briefing_gen.reference import ReferenceError
from briefing_gen.site.build import SiteBuildError


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return args.command(args)
    except (FileNotFoundError, ReferenceError, SiteBuildError, RuntimeError) as error:
        print(f"briefing-gen: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing-gen", description="Turn news and analysis articles into a briefing site.")
    commands = parser.add_subparsers(dest="name", required=True)

    extract = commands.add_parser("extract", help="print what is extracted from article files")
    extract.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    extract.add_argument("--json", action="store_true", help="print the JSON contract (an array, one object per file)")
    extract.add_argument("--actors", type=Path, default=Path("actors.yml"), help="the editor's actor reference file")
    extract.set_defaults(command=command_extract)

    for name, help_text in (("build", "write the briefing pages and build the site"), ("serve", "regenerate, then preview with mkdocs serve")):
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("--articles", type=Path, default=Path("articles"), help="article folder (default: articles)")
        sub.add_argument("--docs", type=Path, default=Path("docs"), help="generated Markdown folder (default: docs)")
        sub.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs configuration (default: mkdocs.yml)")
        sub.add_argument("--actors", type=Path, default=Path("actors.yml"), help="editor's actor file (default: actors.yml)")
        if name == "build":
            sub.add_argument("--site", type=Path, default=Path("site"), help="built site folder (default: site)")
            sub.add_argument("--no-site", action="store_true", help="stop after writing docs/")
            sub.set_defaults(command=command_build)
        else:
            sub.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
            sub.set_defaults(command=command_serve)

    add = commands.add_parser("add", help="save a web page, or every entry of an RSS/Atom feed, into the articles folder")
    add.add_argument("targets", nargs="+", metavar="URL_OR_FEED", help="a page address, a feed address, or a feed file")
    add.add_argument("--articles", type=Path, default=Path("articles"), help="article folder (default: articles)")
    add.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for the network (default: 20)")
    add.set_defaults(command=command_add)
    return parser


def command_extract(args) -> int:
    from briefing_gen.reference import load_reference

    reference = load_reference(args.actors)
    outcomes = list(extract_outcomes(args.paths, reference=reference, sources=[str(p) for p in args.paths]))
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
        build_site=build_site,
    )


def print_report(report) -> None:
    for outcome in report.errors:
        print(f"briefing-gen: {outcome.source}: {outcome.error}", file=sys.stderr)
    written = report.written
    pages = f"{len(written.written)} pages written, {len(written.unchanged)} unchanged, {len(written.removed)} removed" if written else ""
    print(
        f"{len(report.built)} briefings built, {len(report.errors)} files skipped; {pages}"
        f"{'; site built' if report.site_built else ''} in {report.seconds:.1f}s"
    )


def command_build(args) -> int:
    options = build_options(args, build_site=not args.no_site)
    report = run_build(options, progress=lambda message: print(message, file=sys.stderr))
    print_report(report)
    if report.site_built:
        print(f"open {options.site_dir / 'index.html'}")
    return 1 if report.errors else 0


def command_serve(args) -> int:
    report = run_build(build_options(args, build_site=False), progress=lambda message: print(message, file=sys.stderr))
    print_report(report)
    command = [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(args.config), "--dev-addr", args.dev_addr]
    return subprocess.call(command)


def command_add(args) -> int:
    from briefing_gen.fetch import add

    failed = 0
    for target in args.targets:
        for saved in add(target, args.articles, timeout=args.timeout):
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
