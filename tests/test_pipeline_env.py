"""The pipeline runs numpy's BLAS on one thread per process unless the user chose otherwise."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[1] / "src")
PROBE = "import os, warta.pipeline, numpy; print(os.environ['OPENBLAS_NUM_THREADS'])"


def _run(env_value: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
    if env_value is not None:
        env["OPENBLAS_NUM_THREADS"] = env_value
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_one_blas_thread_by_default() -> None:
    assert _run(None) == "1"


def test_a_users_setting_is_kept() -> None:
    assert _run("2") == "2"
