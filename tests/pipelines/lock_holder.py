"""Hold a warehouse's write lock until stdin closes: another writer, for the concurrency tests.

Run as ``python tests/pipelines/lock_holder.py WAREHOUSE``; prints ``holding`` once it has
the lock. A script of its own (not ``python -c``) so that its command line, which the
``WarehouseBusy`` message quotes, is recognisable.
"""

from __future__ import annotations

import sys

import duckdb

if __name__ == "__main__":
    con = duckdb.connect(sys.argv[1])
    print("holding", flush=True)
    sys.stdin.read()
    con.close()
