"""What changed under the walked folders since the last scan, from the kernel (Linux inotify).

A `mkdocs serve` rebuild used to re-`stat` every file and folder of the tree to find the one
the user saved: at 10k files that is most of a rebuild. With a journal the walk trusts what
it saw last time for every folder the kernel has watched since, and looks again only where
an event arrived. Events are read without a thread: the kernel queues them the moment a
write returns, so draining the queue at the start of a scan sees every change made before it.

Anything the journal cannot vouch for (no inotify on this platform, the watch limit reached,
a queue overflow, a watched folder moved) makes `drain` return None, and the caller falls
back to checking every file, as without a journal.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import logging
import os
import struct
import sys
import weakref
from dataclasses import dataclass, field

log = logging.getLogger("mkdocs.plugins.integrations")

_IN_MODIFY = 0x2
_IN_ATTRIB = 0x4
_IN_CLOSE_WRITE = 0x8
_IN_MOVED_FROM = 0x40
_IN_MOVED_TO = 0x80
_IN_CREATE = 0x100
_IN_DELETE = 0x200
_IN_DELETE_SELF = 0x400
_IN_MOVE_SELF = 0x800
_IN_UNMOUNT = 0x2000
_IN_Q_OVERFLOW = 0x4000
_IN_IGNORED = 0x8000
_IN_ONLYDIR = 0x01000000
_IN_ISDIR = 0x40000000
_IN_NONBLOCK = os.O_NONBLOCK
_IN_CLOEXEC = 0o2000000

_MASK = (
    _IN_MODIFY | _IN_ATTRIB | _IN_CLOSE_WRITE | _IN_MOVED_FROM | _IN_MOVED_TO | _IN_CREATE
    | _IN_DELETE | _IN_DELETE_SELF | _IN_MOVE_SELF | _IN_ONLYDIR
)
_ENTRIES = _IN_MOVED_FROM | _IN_MOVED_TO | _IN_CREATE | _IN_DELETE  # the folder's listing changed
_EVENT = struct.Struct("iIII")  # wd, mask, cookie, len; then len bytes of name


@dataclass
class Changes:
    """Paths the kernel reported since the last drain (absolute, as the walk spells them)."""

    files: set[str] = field(default_factory=set)  # written or touched in place
    folders: set[str] = field(default_factory=set)  # an entry added, removed or renamed

    def __bool__(self) -> bool:
        return bool(self.files or self.folders)


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.inotify_init1.argtypes = [ctypes.c_int]
        libc.inotify_add_watch.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32]
        return libc
    except (OSError, AttributeError):
        return None


class Journal:
    """One inotify queue and a watch per folder the walk entered."""

    def __init__(self) -> None:
        self._libc = _libc()
        self._fd = -1
        self._by_wd: dict[int, str] = {}
        self._by_path: dict[str, int] = {}
        self._lost = False  # an event was missed or cannot be placed: next drain says "unknown"
        if self._libc is not None:
            self._fd = self._libc.inotify_init1(_IN_NONBLOCK | _IN_CLOEXEC)
            if self._fd < 0:
                log.debug("integrations: no change journal (%s)", os.strerror(ctypes.get_errno()))
        self._finalizer = weakref.finalize(self, _close, self._fd)

    @property
    def active(self) -> bool:
        return self._fd >= 0

    def watching(self, folder: str) -> bool:
        """Whether changes in the folder have been reported since its watch was added."""
        return folder in self._by_path

    def watch(self, folder: str) -> None:
        """Watch a folder before it is listed, so that nothing between listing and watch is lost."""
        if self._fd < 0 or folder in self._by_path:
            return
        assert self._libc is not None
        wd = self._libc.inotify_add_watch(self._fd, os.fsencode(folder), _MASK)
        if wd < 0:
            err = ctypes.get_errno()
            if err in (errno.ENOENT, errno.ENOTDIR, errno.EACCES):
                return  # gone or unreadable: the walk reports it; nothing to trust here
            # ENOSPC: the user's watch limit (fs.inotify.max_user_watches). Give up on the
            # journal for good rather than trusting part of the tree.
            log.info(
                "integrations: cannot watch %s for changes (%s); rebuilds check every file instead",
                folder, os.strerror(err),
            )
            self.close()
            return
        old = self._by_wd.get(wd)
        if old is not None and old != folder:  # the same folder reached by a new path: it moved
            self._by_path.pop(old, None)
        self._by_wd[wd] = folder
        self._by_path[folder] = wd

    def drain(self) -> Changes | None:
        """Everything reported since the last drain, or None when the journal cannot vouch."""
        if self._fd < 0:
            return None
        changes = Changes()
        while True:
            try:
                data = os.read(self._fd, 256 * 1024)
            except BlockingIOError:
                break
            except OSError as exc:
                log.debug("integrations: change journal unreadable (%s)", exc)
                self.close()
                return None
            if not data:
                break
            self._parse(data, changes)
        if self._lost:
            self._lost = False
            return None
        return changes

    def _parse(self, data: bytes, changes: Changes) -> None:
        offset = 0
        while offset + _EVENT.size <= len(data):
            wd, mask, _cookie, length = _EVENT.unpack_from(data, offset)
            name = data[offset + _EVENT.size: offset + _EVENT.size + length].rstrip(b"\0")
            offset += _EVENT.size + length
            if mask & (_IN_Q_OVERFLOW | _IN_UNMOUNT):
                self._lost = True
                continue
            folder = self._by_wd.get(wd)
            if mask & _IN_IGNORED:  # the watch is gone (folder deleted or unmounted)
                if folder is not None:
                    self._by_wd.pop(wd, None)
                    self._forget(folder)
                continue
            if folder is None:
                self._lost = True
                continue
            if mask & (_IN_DELETE_SELF | _IN_MOVE_SELF):
                # Its parent reports the entry change; the paths under it are no longer true.
                self._forget(folder)
                changes.folders.add(folder)
                continue
            if not name:
                continue
            path = folder + "/" + os.fsdecode(name)
            if mask & _ENTRIES or mask & _IN_ISDIR or name == b".gitignore":
                changes.folders.add(folder)
                if mask & _IN_ISDIR and not mask & _ENTRIES:
                    changes.folders.add(path)  # a sub-folder's own attributes (permissions)
            else:
                changes.files.add(path)

    def _forget(self, folder: str) -> None:
        """Stop trusting a folder and everything under it (it moved or was removed)."""
        prefix = folder + "/"
        for path in [p for p in self._by_path if p == folder or p.startswith(prefix)]:
            del self._by_path[path]

    def close(self) -> None:
        if self._fd >= 0:
            self._finalizer.detach()
            _close(self._fd)
        self._fd = -1
        self._by_wd.clear()
        self._by_path.clear()


def _close(fd: int) -> None:
    if fd >= 0:
        try:
            os.close(fd)
        except OSError:
            pass
