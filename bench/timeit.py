# bench/timeit.py COMMAND: runs COMMAND with bash, then prints "wall cpu rss" for it (seconds, seconds, MB):
# wall from a monotonic clock, CPU as user + system time of the command and every process it waited for
# (microsecond resolution, which /usr/bin/time's two decimals lack), rss as the largest peak of any of them.
import os
import resource
import subprocess
import sys
import time

with open(os.devnull, "wb") as null:
    start = time.perf_counter()
    process = subprocess.Popen(["bash", "-c", sys.argv[1]], stdout=null, stderr=null)
    _, _, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
print("%.6f %.6f %.1f" % (wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024))
