package fetchbench.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real headless Chromium driven over the DevTools protocol (a WebSocket, JDK client only):
 * open a page, collect console errors, evaluate JavaScript, take a screenshot.
 */
final class Chromium implements AutoCloseable {

    static final List<String> BINARIES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://[^\\s]+)");
    private static final long TIMEOUT_SECONDS = 60;

    private final Process process;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Path profile;
    private final WebSocket socket;
    private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    private final List<String> errors = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** The Chromium binary of this machine, if Debian's package is installed. */
    static Optional<Path> binary() {
        return BINARIES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    Chromium(Path binary, Path profile) throws Exception {
        this(binary, profile, 1280, 1000);
    }

    /** A browser whose window is {@code width} × {@code height} CSS pixels. */
    Chromium(Path binary, Path profile, int width, int height) throws Exception {
        this.profile = profile;
        process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-quic", "--user-data-dir=" + profile,
                "--remote-debugging-port=0", "--window-size=" + width + "," + height, "about:blank")
                .redirectErrorStream(true).start();
        try {
            socket = connect(awaitDevTools());
        } catch (Exception e) {
            stop();
            throw e;
        }
        call("Runtime.enable", new JsonObject());
        call("Log.enable", new JsonObject());
        call("Page.enable", new JsonObject());
    }

    /** Finds the page target behind the browser's DevTools address and opens its WebSocket. */
    private WebSocket connect(String browserSocket) throws Exception {
        URI list = URI.create(browserSocket.replaceFirst("^ws://([^/]+)/.*", "http://$1/json/list"));
        String pageSocket = null;
        for (JsonElement target : JsonParser.parseString(http.send(HttpRequest.newBuilder(list).build(),
                HttpResponse.BodyHandlers.ofString()).body()).getAsJsonArray()) {
            if ("page".equals(target.getAsJsonObject().get("type").getAsString())) {
                pageSocket = target.getAsJsonObject().get("webSocketDebuggerUrl").getAsString();
            }
        }
        if (pageSocket == null) {
            throw new IOException("Chromium has no page target");
        }
        return http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new Collector())
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private String awaitDevTools() throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "chromium-output");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
            seen.append(line).append('\n');
        }
        throw new IOException("Chromium exited without opening DevTools; it said:\n" + seen);
    }

    /** Opens {@code page} and waits for its load event. */
    void open(Path page) throws Exception {
        JsonObject params = new JsonObject();
        params.addProperty("url", page.toUri().toString());
        call("Page.navigate", params);
        awaitEvent("Page.loadEventFired");
    }

    /** Evaluates a JavaScript expression in the page and returns its value as JSON. */
    JsonElement evaluate(String expression) throws Exception {
        JsonObject params = new JsonObject();
        params.addProperty("expression", expression);
        params.addProperty("returnByValue", true);
        JsonObject result = call("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            throw new AssertionError("JavaScript failed: " + result.get("exceptionDetails"));
        }
        return result.getAsJsonObject("result").get("value");
    }

    /** The whole page as PNG. */
    void screenshot(Path file) throws Exception {
        JsonObject params = new JsonObject();
        params.addProperty("format", "png");
        params.addProperty("captureBeyondViewport", true);
        JsonObject metrics = call("Page.getLayoutMetrics", new JsonObject()).getAsJsonObject("cssContentSize");
        JsonObject clip = new JsonObject();
        clip.addProperty("x", 0);
        clip.addProperty("y", 0);
        clip.addProperty("width", metrics.get("width").getAsDouble());
        clip.addProperty("height", metrics.get("height").getAsDouble());
        clip.addProperty("scale", 1);
        params.add("clip", clip);
        String data = call("Page.captureScreenshot", params).get("data").getAsString();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(data));
    }

    /** Console errors, uncaught exceptions and failed loads the page reported so far. */
    List<String> errors() throws InterruptedException {
        drainEvents();
        return List.copyOf(errors);
    }

    private JsonObject call(String method, JsonObject params) throws Exception {
        int id = ids.incrementAndGet();
        JsonObject message = new JsonObject();
        message.addProperty("id", id);
        message.addProperty("method", method);
        message.add("params", params);
        socket.sendText(message.toString(), true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            JsonObject reply = messages.poll(100, TimeUnit.MILLISECONDS);
            if (reply == null) {
                continue;
            }
            if (reply.has("id") && reply.get("id").getAsInt() == id) {
                if (reply.has("error")) {
                    throw new IOException(method + " failed: " + reply.get("error"));
                }
                return reply.getAsJsonObject("result");
            }
            record(reply);
        }
        throw new IOException(method + ": no answer within " + TIMEOUT_SECONDS + " s");
    }

    private void awaitEvent(String method) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            JsonObject event = messages.poll(100, TimeUnit.MILLISECONDS);
            if (event != null) {
                record(event);
                if (method.equals(event.has("method") ? event.get("method").getAsString() : "")) {
                    return;
                }
            }
        }
        throw new IOException("no " + method + " within " + TIMEOUT_SECONDS + " s");
    }

    private void drainEvents() throws InterruptedException {
        JsonObject event;
        while ((event = messages.poll(300, TimeUnit.MILLISECONDS)) != null) {
            record(event);
        }
    }

    private void record(JsonObject event) {
        String method = event.has("method") ? event.get("method").getAsString() : "";
        JsonObject params = event.has("params") ? event.getAsJsonObject("params") : new JsonObject();
        switch (method) {
            case "Runtime.consoleAPICalled" -> {
                if ("error".equals(params.get("type").getAsString())) {
                    errors.add("console.error: " + params.get("args"));
                }
            }
            case "Runtime.exceptionThrown" -> errors.add("exception: " + params.get("exceptionDetails"));
            case "Log.entryAdded" -> {
                JsonObject entry = params.getAsJsonObject("entry");
                if ("error".equals(entry.get("level").getAsString())) {
                    errors.add("log: " + entry.get("text").getAsString()
                            + (entry.has("url") ? " (" + entry.get("url").getAsString() + ")" : ""));
                }
            }
            default -> {
                // Other events do not matter here.
            }
        }
    }

    @Override
    public void close() throws Exception {
        socket.abort();
        stop();
    }

    private void stop() throws Exception {
        http.close();
        // Every child waited for too: one still running may write into the profile while it is deleted.
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new IOException("a Chromium process did not exit: " + child.pid(), e);
            }
        }
        // Chromium keeps its singleton socket in a /tmp folder of its own, linked from the profile.
        Path socket = profile.resolve("SingletonSocket");
        if (Files.isSymbolicLink(socket)) {
            deleteTree(Files.readSymbolicLink(socket).getParent());
        }
        deleteTree(profile);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Joins the text frames of each WebSocket message and queues it as JSON. */
    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(JsonParser.parseString(partial.toString()).getAsJsonObject());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
