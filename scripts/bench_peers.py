"""The planner's peers on the same integer matrices: LKH-3 (through the
`elkai` wheel) and OR-Tools' routing solver. Run by scripts/bench-peers.sh,
which makes the instances (examples/bench_peers.rs, `make`), then reads what
this writes beside each one.

For each instance file NAME.txt (first line: stops, start time, showing
duration; then the matrix of depot + stops, one row per line), writes
NAME.peers:
  lkh LENGTH SECONDS        LKH-3's closed tour, ignoring any windows
  ortools LENGTH SECONDS    OR-Tools' tour's travel, late starts penalised
                            above any travel (as the planner orders them)
  window STOP EARLIEST LATEST   (windowed cases) the windows, set around
                            LKH-3's own tour's times, so that tour keeps
                            every one: its length stays a fair reference.
"""
import sys
import time
from pathlib import Path

import elkai
from ortools.constraint_solver import pywrapcp, routing_enums_pb2

WINDOW_HALF = 15 * 60  # seconds either side of LKH-3's arrival


def read(path):
    lines = path.read_text().split("\n")
    n, start, duration = (int(x) for x in lines[0].split())
    matrix = [[int(x) for x in line.split()] for line in lines[1 : n + 2]]
    return n, start, duration, matrix


def lkh(matrix):
    began = time.perf_counter()
    tour = elkai.DistanceMatrix(matrix).solve_tsp(runs=10)
    seconds = time.perf_counter() - began
    tour = tour[:-1] if tour[-1] == tour[0] else tour
    at = tour.index(0)
    tour = tour[at:] + tour[:at]
    length = sum(matrix[a][b] for a, b in zip(tour, tour[1:] + [0]))
    return tour, length, seconds


def windows_around(tour, matrix, start, duration):
    """A quarter of the stops (every fourth by number) get a window around
    the time LKH-3's tour arrives there."""
    t, place, out = start, 0, {}
    for stop in tour[1:]:
        t += matrix[place][stop]
        if stop % 4 == 0:
            out[stop] = (t - WINDOW_HALF, t + WINDOW_HALF)
        t += duration
        place = stop
    return out


def ortools(matrix, start, duration, windows, seconds_limit):
    n = len(matrix)
    manager = pywrapcp.RoutingIndexManager(n, 1, 0)
    routing = pywrapcp.RoutingModel(manager)

    def travel(i, j):
        return matrix[manager.IndexToNode(i)][manager.IndexToNode(j)]

    def timed(i, j):
        a = manager.IndexToNode(i)
        return matrix[a][manager.IndexToNode(j)] + (duration if a != 0 else 0)

    routing.SetArcCostEvaluatorOfAllVehicles(routing.RegisterTransitCallback(travel))
    if windows:
        cb = routing.RegisterTransitCallback(timed)
        horizon = start + 10 * 24 * 3600
        routing.AddDimension(cb, horizon, horizon, False, "time")
        dim = routing.GetDimensionOrDie("time")
        dim.CumulVar(routing.Start(0)).SetRange(start, start)
        # As the planner counts them: waiting for a window is free, every
        # second late costs more than any travel (soft latest start).
        for stop, (lo, hi) in windows.items():
            index = manager.NodeToIndex(stop)
            dim.CumulVar(index).SetMin(lo)
            dim.SetCumulVarSoftUpperBound(index, hi, 100_000)
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    params.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    params.time_limit.FromSeconds(seconds_limit)
    began = time.perf_counter()
    solution = routing.SolveWithParameters(params)
    seconds = time.perf_counter() - began
    if solution is None:
        return None, seconds
    # Travel alone (the objective adds any lateness penalty).
    index, length = routing.Start(0), 0
    while not routing.IsEnd(index):
        after = solution.Value(routing.NextVar(index))
        length += travel(index, after)
        index = after
    return length, seconds


def main():
    folder = Path(sys.argv[1])
    for path in sorted(folder.glob("*.txt")):
        n, start, duration, matrix = read(path)
        tour, length, seconds = lkh(matrix)
        lines = [f"lkh {length} {seconds:.4f}"]
        windows = windows_around(tour, matrix, start, duration) if "-windows-" in path.name else {}
        limit = 1 if n <= 50 else 2 if n <= 100 else 4
        ot, ot_seconds = ortools(matrix, start, duration, windows, limit)
        lines.append(f"ortools {ot if ot is not None else -1} {ot_seconds:.4f}")
        lines += [f"window {stop} {lo} {hi}" for stop, (lo, hi) in sorted(windows.items())]
        path.with_suffix(".peers").write_text("\n".join(lines) + "\n")
        print(f"{path.name}: LKH-3 {length} in {seconds:.2f} s, OR-Tools {ot} in {ot_seconds:.2f} s", flush=True)


if __name__ == "__main__":
    main()
