"""Executes notebooks top to bottom with nbclient, as Jupyter would, and fails when a cell fails.

    python Tests/oracle/run_notebooks.py [NOTEBOOK.ipynb ...]     (default: every notebooks/*.ipynb)

Each notebook runs in its own folder (so relative paths work as in Jupyter) on a fresh python3 kernel of this
interpreter; the executed copy is not written back, so the committed notebooks stay free of outputs. The
environment passes through (REGIO_DATA, REGIO_BIN, REGIO_NOTEBOOK_OUTPUT). Prints one line per notebook and
exits 1 when any cell of any notebook raised, with the failing cell's error.
"""
import pathlib
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = pathlib.Path(__file__).resolve().parents[2]


def main(paths) -> int:
    notebooks = [pathlib.Path(p).resolve() for p in paths] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    failed = 0
    for path in notebooks:
        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                                resources={"metadata": {"path": str(path.parent)}})
        start = time.perf_counter()
        try:
            client.execute()
            print(f"ok: {path.name} ({len(notebook.cells)} cells, {time.perf_counter() - start:.1f} s)")
        except CellExecutionError as error:
            failed += 1
            print(f"FAIL: {path.name}: {error}", file=sys.stderr)
    print(f"{len(notebooks) - failed} notebooks ran, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
