package fetchbench.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.Executors;

/**
 * A deliberately pinning model for the tests: each fetch first initialises a class of its own whose
 * initialiser sleeps, on a virtual thread. A virtual thread that blocks inside a class initialiser
 * stays pinned to its carrier even on JDK 24+ (JEP 491 unpinned only {@code synchronized}).
 */
public final class PinningModel extends ExecutorServiceModel {

    /** How long each fetch stays pinned. */
    public static final long PIN_MS = 2;

    public PinningModel(ModelSettings settings) {
        super(settings, Executors.newThreadPerTaskExecutor(Pools.virtualThreads("pinning")));
    }

    @Override
    Outcome fetch(URI url, CallGroup group) {
        initialiseAFreshCopy();
        return super.fetch(url, group);
    }

    /** Its own loader each time, so every fetch runs the initialiser again. */
    private static void initialiseAFreshCopy() {
        String name = SlowInitialiser.class.getName();
        try (InputStream in = PinningModel.class.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
            byte[] bytes = in.readAllBytes();
            ClassLoader fresh = new ClassLoader(null) {
                @Override
                protected Class<?> findClass(String className) throws ClassNotFoundException {
                    if (!className.equals(name)) {
                        throw new ClassNotFoundException(className);
                    }
                    return defineClass(className, bytes, 0, bytes.length);
                }
            };
            Class.forName(name, true, fresh);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sleeps while it is initialised. */
    static final class SlowInitialiser {
        static {
            try {
                Thread.sleep(PIN_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private SlowInitialiser() {
        }
    }
}
