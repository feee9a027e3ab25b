package fetchbench.run;

import fetchbench.theory.Machine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code -Dfetchbench.taskset=SERVER:FORKS}: the CPUs the local server runs on and the CPUs the
 * benchmark forks run on, kept apart with Linux's {@code taskset}, so that neither steals the
 * other's cores. Each JVM then sees only its own CPUs and sizes itself for them (its GC threads,
 * the common pool, the carriers): on 2 cores, 1 each.
 */
public record Taskset(List<Integer> serverCpus, List<Integer> forkCpus) {

    /** The example every error gives. */
    static final String EXAMPLE = "0:1";

    /** SERVER:FORKS, each a CPU list as taskset takes it (0, 0-1, 0,2), disjoint, all CPUs this process may use. */
    static Taskset parse(String text, List<Integer> usable) throws OptionException {
        String problem = "bad value '" + text + "' for " + RunOption.taskset.property() + "; allowed: SERVER:FORKS, "
                + "two CPU lists with no CPU in both, of this machine's CPUs " + list(usable) + ", e.g. " + EXAMPLE;
        String[] parts = text.split(":", -1);
        if (parts.length != 2) {
            throw new OptionException(problem);
        }
        List<Integer> server = cpus(parts[0], problem);
        List<Integer> forks = cpus(parts[1], problem);
        if (!usable.containsAll(server) || !usable.containsAll(forks) || server.stream().anyMatch(forks::contains)) {
            throw new OptionException(problem);
        }
        return new Taskset(server, forks);
    }

    private static List<Integer> cpus(String text, String problem) throws OptionException {
        TreeSet<Integer> cpus = new TreeSet<>();
        for (String range : text.split(",", -1)) {
            if (!range.matches("\\d{1,4}(-\\d{1,4})?")) {
                throw new OptionException(problem);
            }
            String[] ends = range.split("-");
            int low = Integer.parseInt(ends[0]);
            int high = ends.length == 2 ? Integer.parseInt(ends[1]) : low;
            if (high < low) {
                throw new OptionException(problem);
            }
            IntStream.rangeClosed(low, high).forEach(cpus::add);
        }
        return List.copyOf(cpus);
    }

    /** Whether {@code taskset} is on the PATH. */
    static boolean installed() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, "taskset"))) {
                return true;
            }
        }
        return false;
    }

    /** The CPUs this process may run on (its affinity, from /proc), else 0 to the processors less one. */
    static List<Integer> usableCpus() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return cpus(line.substring(line.indexOf(':') + 1).trim(), "");
                }
            }
        } catch (IOException | OptionException e) {
            // Not Linux, or a format this reader does not know: the processors the JVM sees.
        }
        return IntStream.range(0, Runtime.getRuntime().availableProcessors()).boxed().toList();
    }

    /** "0-1,3": the list as taskset writes it. */
    static String list(List<Integer> cpus) {
        List<String> ranges = new ArrayList<>();
        int i = 0;
        while (i < cpus.size()) {
            int j = i;
            while (j + 1 < cpus.size() && cpus.get(j + 1) == cpus.get(j) + 1) {
                j++;
            }
            ranges.add(i == j ? String.valueOf(cpus.get(i)) : cpus.get(i) + "-" + cpus.get(j));
            i = j + 1;
        }
        return String.join(",", ranges);
    }

    /** What runs the server: {@code taskset -c SERVER} before its java. */
    public List<String> serverPrefix() {
        return List.of("taskset", "-c", list(serverCpus));
    }

    /**
     * A launcher JMH starts each fork with instead of java: a script that execs java under
     * {@code taskset -c FORKS}, so the fork keeps its process id and every thread it starts runs
     * on those CPUs. A temporary file, gone when the run is.
     */
    Path forkLauncher(Path java) {
        try {
            Path script = Files.createTempFile("fetchbench-fork-", ".sh",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            script.toFile().deleteOnExit();
            String quoted = "'" + java.toString().replace("'", "'\\''") + "'";
            Files.writeString(script, "#!/bin/sh\nexec taskset -c " + list(forkCpus) + " " + quoted + " \"$@\"\n");
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the forks' taskset launcher", e);
        }
    }

    /**
     * The machine a pinned fork sees, asked of a JVM started the way the forks are: the processors
     * it counts and the threads of CompletableFuture's default executor there (the JDKs differ on
     * 1 or 2 processors, so the suite does not guess).
     */
    Machine forkMachine() {
        // Asked once per set of CPUs: the plan and every JMH run's fork arguments need it.
        return SEEN_BY_FORKS.computeIfAbsent(forkCpus, cpus -> probeForkMachine());
    }

    private static final Map<List<Integer>, Machine> SEEN_BY_FORKS = new ConcurrentHashMap<>();

    private Machine probeForkMachine() {
        Path launcher = forkLauncher(Path.of(System.getProperty("java.home"), "bin", "java"));
        try {
            Process probe = new ProcessBuilder(launcher.toString(), "-cp", System.getProperty("java.class.path"),
                    Probe.class.getName()).redirectErrorStream(true).start();
            String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!probe.waitFor(60, TimeUnit.SECONDS) || probe.exitValue() != 0 || !out.matches("\\d+ \\d+")) {
                throw new IllegalStateException("a JVM under taskset -c " + list(forkCpus) + " did not start: " + out);
            }
            String[] seen = out.split(" ");
            return new Machine(Integer.parseInt(seen[0]), Integer.parseInt(seen[1]));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a JVM under taskset", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking a pinned JVM what it sees", e);
        } finally {
            launcher.toFile().delete();
        }
    }

    /** Prints what a JVM sees: its processors and the threads of CompletableFuture's default executor. */
    static final class Probe {
        public static void main(String[] args) {
            Machine here = Machine.here();
            System.out.println(here.cores() + " " + here.defaultExecutorThreads());
        }
    }

    /** "the server on CPU 0, the forks on CPU 1". */
    public String describe() {
        return "the server on " + cpuWords(serverCpus) + ", the forks on " + cpuWords(forkCpus);
    }

    private static String cpuWords(List<Integer> cpus) {
        return (cpus.size() == 1 ? "CPU " : "CPUs ") + cpus.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** How the run records it, as the option is written. */
    public String spec() {
        return list(serverCpus) + ":" + list(forkCpus);
    }
}
