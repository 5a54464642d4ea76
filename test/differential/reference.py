"""What pip and packaging themselves make of the differential corpus, printed as JSON.

Usage: python reference.py CORPUS_DIR   (run with the corpus's files/ directory as the working
directory: pip resolves local paths against it). Needs pip >= 24.1 and packaging >= 26.
Only pip's and packaging's own parsers are called; nothing is installed or downloaded.
"""

import json
import os
import sys
from pathlib import Path

import packaging
import pip
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from pip._internal.cli import cmdoptions
from pip._internal.exceptions import CommandError, InstallationError
from pip._internal.network.session import PipSession
from pip._internal.req.constructors import install_req_from_parsed_requirement
from pip._internal.req.req_file import (
    OptionParsingError,
    ParsedLine,
    _decode_req_file,
    get_line_parser,
    handle_requirement_line,
    parse_requirements,
    preprocess,
)


def first_line(error):
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def requirement_fields(req):
    """name/extras/specifiers/url/marker of a packaging Requirement."""
    return {
        "name": canonicalize_name(req.name),
        "extras": sorted({canonicalize_name(e) for e in req.extras}),
        "specifiers": [str(s) for s in req.specifier],
        "url": req.url,
        "marker": None if req.marker is None else str(req.marker),
    }


def install_req_fields(ireq, parsed):
    """The fields of pip's InstallRequirement that our Requirement mirrors."""
    req = ireq.req
    return {
        "text": parsed.requirement,
        "editable": bool(ireq.editable),
        "name": canonicalize_name(req.name) if req is not None else None,
        "extras": sorted({canonicalize_name(e) for e in ireq.extras}),
        "specifiers": [str(s) for s in req.specifier] if req is not None else [],
        "url": ireq.link.url if ireq.link is not None else None,
        "marker": None if ireq.markers is None else str(ireq.markers),
        "options": {k: v for k, v in (parsed.options or {}).items()},
        "constraint": bool(parsed.constraint),
    }


def option_fields(opts):
    """Global options set on an option line, in pip's own shape (only what differs from defaults)."""
    fields = {
        "index_url": opts.index_url,
        "extra_index_urls": list(opts.extra_index_urls),
        "no_index": opts.no_index,
        "find_links": list(opts.find_links),
        "no_binary": sorted(opts.format_control.no_binary) if opts.format_control else [],
        "only_binary": sorted(opts.format_control.only_binary) if opts.format_control else [],
        "prefer_binary": opts.prefer_binary,
        "require_hashes": opts.require_hashes,
        "no_require_hashes": opts.no_require_hashes,
        "pre": opts.pre,
        "all_releases": sorted(opts.release_control.all_releases) if opts.release_control else [],
        "only_final": sorted(opts.release_control.only_final) if opts.release_control else [],
        "trusted_hosts": list(opts.trusted_hosts),
        "features_enabled": list(opts.features_enabled),
    }
    return {k: v for k, v in fields.items() if v not in (None, False, [])}


def scan_lines(path, constraint):
    """Every logical line of one file, parsed by pip line by line (pip itself stops at the first error)."""
    content = _decode_req_file(Path(path).read_bytes(), path)
    line_parser = get_line_parser(None)
    results = []
    for lineno, line in preprocess(content):
        # pip's --use-feature option shares one default list between parsers, so features would
        # leak from line to line; each line is judged on its own here.
        cmdoptions.use_new_feature.keywords["default"].clear()
        entry = {"line": lineno}
        try:
            args, opts = line_parser(line)
            parsed_line = ParsedLine(path, lineno, args, opts, constraint)
            if parsed_line.requirement is not None:
                parsed = handle_requirement_line(parsed_line)
                ireq = install_req_from_parsed_requirement(parsed)
                entry.update(kind="requirement", **install_req_fields(ireq, parsed))
            elif opts.requirements or opts.constraints:
                kind = "requirement" if opts.requirements else "constraint"
                target = (opts.requirements or opts.constraints)[0]
                entry.update(kind="include", include={"kind": kind, "path": target})
            else:
                entry.update(kind="options", options=option_fields(opts))
        except (OptionParsingError, CommandError, InstallationError, ValueError) as error:
            message = error.msg if isinstance(error, OptionParsingError) else first_line(error)
            entry.update(kind="error", error=message)
        results.append(entry)
    return results


def parse_whole_file(path):
    """pip's own parse_requirements over a file and its includes, up to the first error."""
    requirements, error = [], None
    try:
        for parsed in parse_requirements(path, session=PipSession()):
            ireq = install_req_from_parsed_requirement(parsed)
            fields = install_req_fields(ireq, parsed)
            source = parsed.line_source  # "line N of FILE"
            _, lineno, _, filename = source.split(" ", 3)
            fields.update(line=int(lineno), file=os.path.relpath(filename))
            requirements.append(fields)
    except Exception as exc:  # pip raises several types; the test only needs "it failed"
        error = first_line(exc)
    return {"requirements": requirements, "error": error}


def evaluate_markers(cases):
    results = []
    for case in cases:
        python, arch = case["python"], case["arch"]
        environment = {
            "implementation_name": "cpython",
            "implementation_version": f"{python}.0",
            "os_name": "posix",
            "platform_machine": arch,
            "platform_release": "",
            "platform_system": "Linux",
            "platform_version": "",
            "python_full_version": f"{python}.0",
            "platform_python_implementation": "CPython",
            "python_version": python,
            "sys_platform": "linux",
        }
        extras = case.get("extras")
        environment["extra"] = set(extras) if extras else ""
        try:
            results.append({**case, "result": Marker(case["marker"]).evaluate(environment)})
        except Exception as error:
            results.append({**case, "error": first_line(error)})
    return results


def parse_strings(strings):
    results = []
    for text in strings:
        try:
            results.append(requirement_fields(Requirement(text)))
        except Exception as error:
            results.append({"error": first_line(error)})
    return results


def main():
    corpus = Path(sys.argv[1]).resolve()
    for name, value in json.loads((corpus / "env.json").read_text()).items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    files = sorted(p.name for p in (corpus / "files").glob("*.txt"))
    output = {
        "versions": {"pip": pip.__version__, "packaging": packaging.__version__},
        "strings": parse_strings(json.loads((corpus / "requirement-strings.json").read_text())),
        "markers": evaluate_markers(json.loads((corpus / "markers.json").read_text())),
        "lines": {name: scan_lines(name, name.startswith("constraints")) for name in files},
        "files": {name: parse_whole_file(name) for name in files if name.startswith("main")},
    }
    json.dump(output, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
