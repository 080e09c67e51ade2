"""Walking folders: every entry that cannot be read gets one line naming it, and the walk goes on."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.ingest import InputError, read_inputs

ARTICLE = "Harbour talks\n\nThe mayor of Ostrava met the envoys of Zembla on Monday, her office said.\n"


def outcomes(*paths: Path) -> dict[str, str]:
    """Each input: 'article' or the reason it was skipped."""
    return {(item.source if isinstance(item, InputError) else item.path):
            (item.reason if isinstance(item, InputError) else "article") for item in read_inputs(map(str, paths))}


@pytest.fixture
def odd_folder(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "sub" / "b.txt").write_text(ARTICLE.replace("Monday", "Tuesday"))
    (folder / "sub" / "loop").symlink_to("..")
    (folder / "dangling.txt").symlink_to("nowhere.txt")
    (folder / "selfloop.txt").symlink_to("selfloop.txt")
    os.mkfifo(folder / "pipe.txt")
    return folder


def test_links_loops_and_fifos_are_named_and_the_rest_is_read(odd_folder):
    found = outcomes(odd_folder)
    assert found[str(odd_folder / "a.txt")] == found[str(odd_folder / "sub" / "b.txt")] == "article"
    assert found[str(odd_folder / "dangling.txt")] == "dangling symbolic link"
    assert found[str(odd_folder / "selfloop.txt")] == "symbolic link loop"
    assert found[str(odd_folder / "pipe.txt")].startswith("not a regular file or directory (a FIFO")
    assert "a folder already read" in found[str(odd_folder / "sub" / "loop")]


def test_a_symlink_loop_given_directly_is_called_a_loop(odd_folder):
    assert outcomes(odd_folder / "selfloop.txt") == {str(odd_folder / "selfloop.txt"): "symbolic link loop"}


def test_a_folder_that_cannot_be_entered_is_reported_and_the_walk_goes_on(odd_folder, monkeypatch):
    locked = odd_folder / "locked"
    locked.mkdir()
    (locked / "c.txt").write_text(ARTICLE)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != locked and real_access(path, mode))
    found = outcomes(odd_folder)
    assert found[str(locked)] == "cannot enter this folder (permission denied); its files were skipped"
    assert found[str(odd_folder / "a.txt")] == "article"


def test_a_folder_that_cannot_be_listed_is_reported(odd_folder, monkeypatch):
    real_scandir = os.scandir

    def scandir(path):
        if Path(path) == odd_folder / "sub":
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_scandir(path)
    monkeypatch.setattr(os, "scandir", scandir)
    found = outcomes(odd_folder)
    assert found[str(odd_folder / "sub")] == "cannot list this folder: Permission denied"
    assert found[str(odd_folder / "a.txt")] == "article"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0 or not shutil.which("setpriv"),
                    reason="permissions bind only a normal user: needs root to run the check as nobody via setpriv")
@pytest.mark.parametrize("mode", [0o644, 0o000, 0o300])
def test_real_permissions_as_a_normal_user(tmp_path_factory, mode):
    folder = tmp_path_factory.mktemp("perm", numbered=True) / "corpus"
    (folder / "closed").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "closed" / "c.txt").write_text(ARTICLE)
    os.chmod(folder / "closed", mode)
    for part in [folder, *folder.parents]:
        os.chmod(part, os.stat(part).st_mode | 0o005)
    probe = ("import sys\nfrom newsgraph.ingest import InputError, read_inputs\n"
             "for item in read_inputs([sys.argv[1]]):\n"
             "    print(item if isinstance(item, InputError) else item.path)")
    result = subprocess.run(["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", sys.executable,
                             "-c", probe, str(folder)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert f"{folder / 'closed'}: cannot enter this folder" in result.stdout
    assert str(folder / "a.txt") in result.stdout.splitlines()
