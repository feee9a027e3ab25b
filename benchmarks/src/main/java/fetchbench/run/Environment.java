package fetchbench.run;

import com.sun.management.OperatingSystemMXBean;
import fetchbench.model.CompletableFutures;
import fetchbench.model.Reactor;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ForkJoinPool;

/** Facts about the machine, JDK and libraries that a reader of the results needs. */
final class Environment {

    private Environment() {
    }

    static Map<String, Object> jdk() {
        Map<String, Object> jdk = new LinkedHashMap<>();
        jdk.put("version", System.getProperty("java.version"));
        jdk.put("vendor", System.getProperty("java.vendor"));
        jdk.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        jdk.put("home", System.getProperty("java.home"));
        return jdk;
    }

    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("arch", System.getProperty("os.arch"));
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            machine.put("memoryBytes", os.getTotalMemorySize());
        }
        return machine;
    }

    static Map<String, Object> libraries() {
        Properties versions = new Properties();
        try (InputStream in = Environment.class.getResourceAsStream("/fetchbench-versions.properties")) {
            if (in != null) {
                versions.load(in);
            }
        } catch (IOException e) {
            // Versions are informative; a missing file leaves them out.
        }
        Map<String, Object> libraries = new LinkedHashMap<>();
        versions.stringPropertyNames().stream().sorted().forEach(k -> libraries.put(k, versions.getProperty(k)));
        return libraries;
    }

    /** Which executor {@code supplyAsync} without one uses here, since it decides completableFuture's default. */
    static Map<String, Object> completableFutureDefaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("commonPoolParallelism", ForkJoinPool.getCommonPoolParallelism());
        defaults.put("defaultAsyncExecutor", CompletableFutures.defaultAsyncExecutor().getClass().getName());
        return defaults;
    }

    /** What the reactor model runs on besides its flatMap concurrency: Reactor Netty's event loops and pool. */
    static Map<String, Object> reactorDefaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("eventLoopThreads", Reactor.EVENT_LOOP_THREADS);
        defaults.put("flatMapConcurrencyByDefault", Reactor.DEFAULT_FLAT_MAP_CONCURRENCY);
        defaults.put("poolMaxConnections", "N (the URLs of a batch)");
        defaults.put("poolPendingAcquireMaxCount", "unbounded");
        return defaults;
    }
}
