"""The same prime factorisation under multiprocessing.Pool, for `npm run bench`.

Usage: python3 factorise.py NUMBERS_JSON_FILE PARTS. Prints one JSON line:
{"sequential": s, "parallel": s, "workers": n, "total": factors, "pool_start": s}
"""
import json
import multiprocessing
import sys
import time


def calculate_prime_factors(n):
    primfac = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            primfac.append(d)
            n //= d
        d += 1
    if n > 1:
        primfac.append(n)
    return primfac


def factor_count(numbers):
    return sum(len(calculate_prime_factors(n)) for n in numbers)


def main():
    with open(sys.argv[1]) as f:
        numbers = json.load(f)
    parts = int(sys.argv[2])
    size = -(-len(numbers) // parts)
    chunks = [numbers[i:i + size] for i in range(0, len(numbers), size)]
    workers = multiprocessing.cpu_count()

    start = time.perf_counter()
    with multiprocessing.Pool(workers) as pool:
        pool.map(factor_count, [[2]] * workers)  # the workers are up
        pool_start = time.perf_counter() - start

        start = time.perf_counter()
        sequential_total = factor_count(numbers)
        sequential = time.perf_counter() - start

        start = time.perf_counter()
        parallel_total = sum(pool.map(factor_count, chunks))
        parallel = time.perf_counter() - start

    assert sequential_total == parallel_total
    print(json.dumps({"sequential": sequential, "parallel": parallel, "workers": workers,
                      "total": parallel_total, "pool_start": pool_start}))


if __name__ == "__main__":
    main()
