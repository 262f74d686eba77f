"""Read files in worker processes, so that a file that crashes the native reader cannot take the
run down with it.

python-calamine is Rust: most failures become Python exceptions, but an allocation failure on a
hostile file aborts the whole process. Workers run with a memory ceiling; when one dies, the
files it was reading are retried one by one in a fresh process, and the file that kills that
process too is reported as the culprit. Both cores are used.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

WORKER_MEMORY_LIMIT = 3 * 1024**3
CRASHED = "crashed"


def _init_worker() -> None:
    """Silence Rust panic messages (they bypass Python) and cap memory where the OS allows."""
    import faulthandler

    faulthandler.disable()  # a worker killed by a hostile file is expected, not a crash to dump
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
    except OSError:
        pass
    if sys.platform != "win32":
        import resource

        try:
            _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
            limit = WORKER_MEMORY_LIMIT if hard == resource.RLIM_INFINITY else min(hard, WORKER_MEMORY_LIMIT)
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        except (ValueError, OSError):
            pass


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def run_isolated(func: Callable[[T], R], items: list[T], on_crash: Callable[[T, str], R],
                 jobs: int | None = None, window: int = 16) -> Iterator[tuple[int, R]]:
    """Yield (index, func(item)) for every item, in completion order.

    At most `window` items per worker are in flight, so a crash puts few items under
    suspicion. Suspects are re-run alone; one whose lone process dies too yields
    `on_crash(item)`.
    """
    queue = list(range(len(items)))
    queue.reverse()
    jobs = jobs or default_jobs()
    while queue:
        suspects: list[int] = []
        with ProcessPoolExecutor(max_workers=min(jobs, len(queue)),
                                 initializer=_init_worker) as pool:
            in_flight: dict[Future[R], int] = {}
            while queue or in_flight:
                while queue and len(in_flight) < jobs * window:
                    index = queue.pop()
                    in_flight[pool.submit(func, items[index])] = index
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                broken = False
                for future in done:
                    index = in_flight.pop(future)
                    try:
                        result = future.result()
                    except BrokenProcessPool:
                        broken = True
                        suspects.append(index)
                        continue
                    except Exception as exc:  # noqa: BLE001 - a bug on one file spares the rest
                        result = on_crash(items[index], f"{type(exc).__name__}: {exc}")
                    yield index, result
                if broken:
                    # Everything still in flight died with the pool: suspects too.
                    for future, index in in_flight.items():
                        if future.done() and future.exception() is None:
                            yield index, future.result()
                        else:
                            suspects.append(index)
                    in_flight.clear()
                    break
        for index in suspects:
            outcome = _run_alone(func, items[index])
            yield index, outcome if outcome is not None else on_crash(items[index], CRASHED)


def _run_alone(func: Callable[[T], R], item: T) -> R | None:
    with ProcessPoolExecutor(max_workers=1, initializer=_init_worker) as pool:
        try:
            return pool.submit(func, item).result()
        except Exception:  # noqa: BLE001 - BrokenProcessPool or a bug: the caller reports it
            return None
