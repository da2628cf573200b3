package se.alfmonitor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What the figures were measured on: cores, CPU model and memory, from /proc. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = read("/proc/cpuinfo").lines().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        long memoryKb = kilobytes(read("/proc/meminfo"), "MemTotal:").orElse(0L);
        return String.format("%d cores, %s, %.1f GB RAM, Java %s; %s", Runtime.getRuntime().availableProcessors(),
                cpu, memoryKb / 1024.0 / 1024.0, System.getProperty("java.version"), load());
    }

    /** The machine is shared: how busy it was is part of every figure. */
    static String load() {
        String[] load = read("/proc/loadavg").split(" ");
        return load.length < 3 ? "load unknown" : "load average " + load[0] + " " + load[1] + " " + load[2];
    }

    /** Resident memory of a process in MB, from VmRSS in /proc/&lt;pid&gt;/status. */
    static double rssMb(long pid) {
        return kilobytes(read("/proc/" + pid + "/status"), "VmRSS:").orElse(0L) / 1024.0;
    }

    /**
     * CPU time a process has used so far (user and system, from /proc/&lt;pid&gt;/stat, in the kernel's usual 100
     * ticks per second). On a shared machine this is steadier than wall time.
     */
    static double cpuSeconds(long pid) {
        String[] fields = statFields(pid);
        // fields after the command name start at field 3; utime and stime are fields 14 and 15; none once it ended
        return fields.length < 13 ? 0 : (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /**
     * {@link #cpuSeconds} of a process and its children: its own time, the time of children it has reaped, and the
     * time of its living children (PostgreSQL's backends are children of the postmaster).
     */
    static double cpuSecondsWithChildren(long pid) {
        String[] own = statFields(pid);
        long ticks = 0;
        if (own.length > 14) {
            // cutime and cstime, fields 16 and 17: children that have ended
            ticks += Long.parseLong(own[11]) + Long.parseLong(own[12]) + Long.parseLong(own[13])
                    + Long.parseLong(own[14]);
        }
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String[] fields = statFields(Long.parseLong(name));
                // the parent's pid is field 4
                if (fields.length > 12 && fields[1].equals(String.valueOf(pid))) {
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ticks / 100.0;
    }

    /** The fields of /proc/&lt;pid&gt;/stat after the command name (field 3 first); none if it has ended. */
    private static String[] statFields(long pid) {
        String stat = read("/proc/" + pid + "/stat");
        return stat.isEmpty() ? new String[0] : stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    private static Optional<Long> kilobytes(String text, String key) {
        return text.lines().filter(l -> l.startsWith(key))
                .map(l -> Long.parseLong(l.substring(key.length()).replace("kB", "").strip())).findFirst();
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}
