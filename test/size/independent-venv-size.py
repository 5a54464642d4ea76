"""An independent measure of the venv the Dockerfile builds, to check `explain --online --size`.

Not the CLI's method: pip *downloads* the wheels, this script unpacks them with zipfile, strips
ELF files outside *.libs folders with GNU strip, compiles with py_compile (unchecked-hash) and
sums the file sizes. Usage: independent-venv-size.py PYTHON_VERSION ARCH BYTECODE(0|1) REQUIREMENT...
Prints JSON: {"venv": BYTES, "wheels": [names]}.
"""
import json
import os
import py_compile
import subprocess
import sys
import tempfile
import zipfile


def main() -> None:
    version, arch, bytecode, *requirements = sys.argv[1:]
    with tempfile.TemporaryDirectory() as work:
        wheels = os.path.join(work, "wheels")
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-input",
             "--only-binary", ":all:", "--platform", f"musllinux_1_2_{arch}", "--platform", f"musllinux_1_1_{arch}",
             "--python-version", version, "--implementation", "cp", "--dest", wheels, *requirements],
            check=True,
        )
        tree = os.path.join(work, "tree")
        names = sorted(os.listdir(wheels))
        for name in names:
            with zipfile.ZipFile(os.path.join(wheels, name)) as archive:
                archive.extractall(tree)
        files = [os.path.join(root, f) for root, _, fs in os.walk(tree) for f in fs]
        elf = []
        for path in files:
            if any(part.endswith(".libs") for part in os.path.relpath(path, tree).split(os.sep)):
                continue
            with open(path, "rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    elf.append(path)
        if elf:
            subprocess.run(["strip", "--strip-unneeded", *elf], check=True)
        if bytecode == "1":
            for path in files:
                if path.endswith(".py"):
                    try:
                        py_compile.compile(path, doraise=True, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
                    except py_compile.PyCompileError:
                        pass
        total = sum(os.path.getsize(os.path.join(root, f)) for root, _, fs in os.walk(tree) for f in fs)
        print(json.dumps({"venv": total, "wheels": names}))


if __name__ == "__main__":
    main()
