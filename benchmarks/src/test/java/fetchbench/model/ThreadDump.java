package fetchbench.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every thread of this JVM with its stack, virtual threads included: the JDK's own thread dump
 * (the one {@code jcmd Thread.dump_to_file} writes), which lists the virtual threads of every
 * executor and scope, where {@link Thread#getAllStackTraces()} lists platform threads only.
 */
final class ThreadDump {

    private ThreadDump() {
    }

    /** Thread name (or "#tid" when it has none) to its frames, e.g. "okhttp3.internal.connection.RealCall.execute(...)". */
    static Map<String, List<String>> stacks() {
        try {
            Path folder = Files.createTempDirectory("fetchbench-threads");
            Path file = folder.resolve("threads.json"); // the dump refuses a file that exists
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(file.toAbsolutePath().toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
                return parse(Files.readString(file));
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<String>> parse(String json) {
        Map<String, List<String>> stacks = new LinkedHashMap<>();
        JsonObject dump = JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("threadDump");
        for (JsonElement container : dump.getAsJsonArray("threadContainers")) {
            for (JsonElement element : container.getAsJsonObject().getAsJsonArray("threads")) {
                JsonObject thread = element.getAsJsonObject();
                String name = thread.has("name") && !thread.get("name").getAsString().isEmpty()
                        ? thread.get("name").getAsString() : "#" + thread.get("tid").getAsString();
                List<String> frames = new ArrayList<>();
                thread.getAsJsonArray("stack").forEach(frame -> frames.add(frame.getAsString()));
                stacks.put(name + (stacks.containsKey(name) ? " #" + thread.get("tid").getAsString() : ""), frames);
            }
        }
        return stacks;
    }
}
