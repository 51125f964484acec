package io.mmsdk.benchmarks.cdr;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a trial's CPU went: CPU time per group of Java threads (names with their numbers taken
 * out, such as {@code cdr-http-#}), and the rest of the process (the garbage collector, the JIT
 * compiler), from one start to the report. CPU time, unlike throughput, hardly changes when other
 * processes share the machine, so it says what the receiver costs per batch even on a busy one.
 * Threads that end before the report are counted in the rest.
 */
final class CpuAccount {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final OperatingSystemMXBean os =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final Map<Long, Long> threadsAtStart = new HashMap<>();
  private long processAtStart;

  /** Starts counting from now. */
  void start() {
    threadsAtStart.clear();
    for (long id : threads.getAllThreadIds()) {
      threadsAtStart.put(id, Math.max(0, threads.getThreadCpuTime(id)));
    }
    processAtStart = os.getProcessCpuTime();
  }

  /** {@return microseconds of CPU per operation since {@link #start}, per thread group} */
  String perOperation(long operations) {
    long n = Math.max(1, operations);
    Map<String, Long> groups = new TreeMap<>();
    long javaThreads = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      if (cpu < 0) {
        continue;
      }
      long spent = cpu - threadsAtStart.getOrDefault(info.getThreadId(), 0L);
      javaThreads += spent;
      groups.merge(info.getThreadName().replaceAll("\\d+", "#"), spent, Long::sum);
    }
    long process = os.getProcessCpuTime() - processAtStart;
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "process CPU per batch %d us:", process / 1000 / n));
    groups.entrySet().stream()
        .filter(e -> e.getValue() * 100 >= process) // groups with 1 % or more
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> sb.append(String.format(Locale.ROOT, " %s %d,", e.getKey(),
            e.getValue() / 1000 / n)));
    sb.append(String.format(Locale.ROOT, " GC, JIT and ended threads %d",
        (process - javaThreads) / 1000 / n));
    return sb.toString();
  }
}
