package fetchbench.catalog;

import fetchbench.model.ConcurrencyModel;
import fetchbench.model.ModelSettings;
import fetchbench.workload.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Structured concurrency (JDK 25 preview): a scope forks a virtual thread per URL and joins them.
 * Its class is built only by a JDK 25 and loads only with --enable-preview, so it is found by name.
 */
final class StructuredCard implements ModelCard {

    /** The JVM option the structured model's classes need. */
    static final String ENABLE_PREVIEW = "--enable-preview";
    private static final String STRUCTURED_CLASS = "fetchbench.model.Structured";
    /** Java class file major versions count from 44 + the feature release (69 is Java 25). */
    private static final int CLASS_VERSION_OFFSET = 44;

    @Override
    public Knob knob() {
        return Knob.none;
    }

    @Override
    public boolean onVirtualThreads() {
        return true;
    }

    @Override
    public ConcurrencyModel create(ModelSettings settings) {
        unavailableReason().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        try {
            return (ConcurrencyModel) Class.forName(STRUCTURED_CLASS)
                    .getConstructor(ModelSettings.class).newInstance(settings);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("structured needs a JVM started with " + ENABLE_PREVIEW + ": " + e, e);
        }
    }

    @Override
    public int slots(Limits limits, int urls, int defaultExecutorThreads) {
        return urls;
    }

    @Override
    public OptionalInt sharedLimit(Limits limits, int urls, int defaultExecutorThreads) {
        return OptionalInt.empty();
    }

    @Override
    public String settingWords(Limits limits) {
        return "";
    }

    @Override
    public String toSet(Limits limits, boolean reaches) {
        return "nothing: a virtual thread per fork";
    }

    @Override
    public Look look() {
        return new Look(Look.REDDISH_PURPLE, Look.Marker.oval);
    }

    @Override
    public List<Variant> variants(Model self) {
        return List.of(Variant.of(self, "structured").comparedBy(Shape.values()).playing(Variant.Role.underLoadInFull));
    }

    @Override
    public List<String> jvmOptions() {
        return List.of(ENABLE_PREVIEW);
    }

    /**
     * The model exists only when the build's JDK compiled its preview classes, and they load only
     * on that same feature release.
     */
    @Override
    public Optional<String> unavailableReason() {
        int compiledFor = structuredClassRelease();
        int here = Runtime.version().feature();
        if (compiledFor == 0) {
            return Optional.of("structured skipped: its preview classes were not built (they need a JDK 25 "
                    + "to compile; see the README)");
        }
        if (compiledFor != here) {
            return Optional.of("structured skipped: its preview classes were built for Java " + compiledFor
                    + " and a preview API runs only on that release; this JVM is Java " + here);
        }
        return Optional.empty();
    }

    /** The Java release the Structured class file was compiled for, or 0 when it is not there. */
    private static int structuredClassRelease() {
        try (InputStream in = StructuredCard.class.getResourceAsStream(
                "/" + STRUCTURED_CLASS.replace('.', '/') + ".class")) {
            if (in == null) {
                return 0;
            }
            byte[] header = in.readNBytes(8);
            return header.length < 8 ? 0 : (((header[6] & 0xff) << 8) | (header[7] & 0xff)) - CLASS_VERSION_OFFSET;
        } catch (IOException e) {
            return 0;
        }
    }
}
