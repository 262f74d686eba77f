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
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future

T = TypeVar("T")
R = TypeVar("R")

WORKER_MEMORY_LIMIT = 3 * 1024**3
CRASHED = "crashed"
TIMED_OUT = "timed-out"


def _init_worker() -> None:
    """Silence Rust panic messages (they bypass Python) and cap memory where the OS allows."""
    import faulthandler

    faulthandler.disable()  # a worker killed by a hostile file is expected, not a crash to dump
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        from kcn_reports import workbook

        workbook.STDERR_SILENCED = True
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


def _run_chunk(func: Callable[[T], R], chunk: list[T]) -> list[R | BaseException]:
    """Run in a worker: one result per item; an exception on one item spares the others."""
    results: list[R | BaseException] = []
    for item in chunk:
        try:
            results.append(func(item))
        except Exception as exc:  # noqa: BLE001 - reported by the caller for this item only
            results.append(exc)
    return results


def run_isolated(func: Callable[[T], R], items: list[T], on_crash: Callable[[T, str], R],
                 jobs: int | None = None, chunk_size: int | None = None,
                 timeout: float | None = None) -> Iterator[tuple[int, R]]:
    """Yield (index, func(item)) for every item, in completion order.

    Items travel in chunks (one task per item costs more than reading a small file), at most
    two chunks per worker in flight. When a worker dies, or no chunk finishes within `timeout`
    seconds, the workers are stopped and the items of the chunks in flight are re-run alone; one
    whose lone process dies too yields `on_crash(item, CRASHED)`, one still running after
    `timeout` seconds `on_crash(item, TIMED_OUT)`; an item whose `func` raises yields
    `on_crash(item, "ExceptionName: message")`.
    """
    if not items:
        return  # a re-run served from the cache: no worker, not even multiprocessing imported
    # Imported here: multiprocessing is slow to import.
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    jobs = jobs or default_jobs()
    size = chunk_size or max(1, min(32, len(items) // (jobs * 4) or 1))
    chunks = [list(range(i, min(i + size, len(items)))) for i in range(0, len(items), size)]
    chunks.reverse()
    suspects: list[int] = []
    while chunks:
        with ProcessPoolExecutor(max_workers=min(jobs, len(chunks)),
                                 initializer=_init_worker) as pool:
            in_flight: dict[Future[list[R | BaseException]], list[int]] = {}
            while chunks or in_flight:
                while chunks and len(in_flight) < jobs * 2:
                    indices = chunks.pop()
                    try:
                        future = pool.submit(_run_chunk, func, [items[i] for i in indices])
                    except BrokenProcessPool:
                        # A worker died since the last wait: this chunk never ran, it goes to
                        # the next pool; the chunks in flight fail below and become suspects.
                        chunks.append(indices)
                        break
                    in_flight[future] = indices
                if not in_flight:
                    break  # the pool broke with nothing running: start a fresh one
                done, _ = wait(in_flight, timeout=timeout, return_when=FIRST_COMPLETED)
                broken = not done  # nothing finished in time: some file hangs a worker
                if broken:
                    _stop_workers(pool)
                for future in done:
                    indices = in_flight.pop(future)
                    try:
                        results = future.result()
                    except BrokenProcessPool:
                        broken = True
                        suspects.extend(indices)
                        continue
                    for index, result in zip(indices, results, strict=True):
                        if isinstance(result, BaseException):
                            yield index, on_crash(items[index], f"{type(result).__name__}: {result}")
                        else:
                            yield index, result
                if broken:
                    # Everything still in flight died with the pool: its items are suspects.
                    for indices in in_flight.values():
                        suspects.extend(indices)
                    in_flight.clear()
                    break
    for index in suspects:
        outcome, verdict = _run_alone(func, items[index], timeout)
        if verdict is None and outcome is not None:
            yield index, outcome
        else:
            yield index, on_crash(items[index], verdict or CRASHED)


def _stop_workers(pool: Any) -> None:
    """Terminate a pool's worker processes (ProcessPoolExecutor has no public way before
    Python 3.14; `_processes` has been there since 3.2)."""
    for process in list(getattr(pool, "_processes", {}).values()):
        process.terminate()


def _run_alone(func: Callable[[T], R], item: T,
               timeout: float | None) -> tuple[R | None, str | None]:
    """(result, None), or (None, CRASHED / TIMED_OUT)."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures import TimeoutError as FutureTimeout
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(max_workers=1, initializer=_init_worker)
    try:
        return pool.submit(func, item).result(timeout=timeout), None
    except FutureTimeout:
        _stop_workers(pool)
        return None, TIMED_OUT
    except BrokenProcessPool:
        return None, CRASHED
    except Exception as exc:  # noqa: BLE001 - a bug on this item: the caller reports it
        return None, f"{type(exc).__name__}: {exc}"
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
