"""One writer per output folder, and a record of which files in it a run wrote.

``OutFolder`` is held for the whole of a ``run`` (and while ``shared`` writes into a tables folder):
an exclusive ``flock`` on ``DIR/.lock``. The operating system drops the lock when the process ends,
however it ends (SIGKILL included), so a killed run never leaves the folder locked; a second process
that finds it held stops with one sentence (``ConfigError``, exit code 2) before touching anything.

``DIR/.run.json`` (the manifest) lists the files the run writes (its tables and summaries) and the
outputs derived from them later (``shared_items.csv`` …). A fresh run deletes only files the previous
manifest lists, so files of the researcher's own in the folder survive, and derived outputs of the
earlier tables go with them instead of lying beside new tables they no longer describe. A file the
run would overwrite that no run wrote stops the run.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from .errors import ConfigError

MANIFEST = ".run.json"
LOCK = ".lock"
_HELD: set[int] = set()  # lock descriptors of this process


def _close_in_child() -> None:
    """A forked worker must not keep the folder locked after its parent is gone (closing, not unlocking:
    the parent's lock stays)."""
    for fd in list(_HELD):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_in_child)


def check_folder(out: Path, option: str = "--out") -> Path:
    """``out`` as a folder that may be created; ConfigError if it names a file."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise ConfigError(f"{option} {out}: is a file, not a folder (give a folder for the tables)")
    for parent in out.parents:
        if parent.exists():
            if not parent.is_dir():
                raise ConfigError(f"{option} {out}: {parent} is a file, not a folder")
            break
    return out


class OutFolder:
    """Exclusive use of an output folder (a context manager) and its manifest."""

    def __init__(self, out, option: str = "--out"):
        self.out = check_folder(Path(out), option)
        self._fd: int | None = None

    # -------------------------------------------------------------- the lock
    def __enter__(self) -> "OutFolder":
        self.out.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.out / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            holder = os.read(fd, 64).decode(errors="replace").strip() or "unknown"
            os.close(fd)
            raise ConfigError(f"{self.out}: another run (process {holder}) is writing to this folder; "
                              f"wait for it to finish or choose another --out")
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        _HELD.add(fd)
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            _HELD.discard(self._fd)
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None

    # -------------------------------------------------------------- the manifest
    def manifest(self) -> dict:
        path = self.out / MANIFEST
        if not path.exists():
            return {"files": [], "derived": []}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, OSError):
            raise ConfigError(f"{path}: unreadable run record; delete it if the folder holds no run's tables") from None
        return {**data, "files": list(data.get("files", [])), "derived": list(data.get("derived", []))}

    def _write(self, data: dict) -> None:
        tmp = self.out / (MANIFEST + ".tmp")
        tmp.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(tmp, self.out / MANIFEST)

    def claim(self, files: list[str], fingerprint: str) -> None:
        """A fresh run will write ``files``: stop if one exists that no run wrote, delete the previous run's
        files and derived outputs, record the new list."""
        old = self.manifest()
        ours = self._refuse_foreign(old, files)
        for f in sorted(ours):
            (self.out / f).unlink(missing_ok=True)
        self._write({"fingerprint": fingerprint, "files": sorted(files), "derived": [], "complete": False})

    def resume(self, fingerprint: str) -> None:
        """A resumed run: the manifest must be this run's (it is, unless someone edited the folder)."""
        data = self.manifest()
        if data.get("fingerprint") != fingerprint:
            raise ConfigError(f"{self.out / MANIFEST}: does not match the unfinished run in this folder; "
                              f"delete {self.out / '.partial'} to start afresh")

    def complete(self) -> None:
        data = self.manifest()
        data["complete"] = True
        self._write(data)

    def add_derived(self, files: list[str]) -> None:
        """Record outputs derived from the tables, so that the next fresh run removes them."""
        data = self.manifest()
        data["derived"] = sorted(set(data["derived"]) | set(files))
        self._write(data)

    def check_derived(self, files: list[str]) -> None:
        """Stop before overwriting a file the folder's manifest does not list."""
        self._refuse_foreign(self.manifest(), files)

    def _refuse_foreign(self, manifest: dict, files: list[str]) -> set[str]:
        """The files ``manifest`` lists; ConfigError if one of ``files`` exists but is not among them."""
        ours = set(manifest["files"]) | set(manifest["derived"])
        for f in files:
            if (self.out / f).exists() and f not in ours:
                raise ConfigError(f"{self.out / f}: exists and was not written by a run of this toolkit; "
                                  f"move it or choose another --out")
        return ours


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def _unlock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:
        import msvcrt
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    fcntl.flock(fd, fcntl.LOCK_UN)
