package org.rightsflow.support;

import java.io.IOException;
import java.io.OutputStream;
import org.springframework.util.function.ThrowingConsumer;

/** What both file stores and {@link SealedFiles} do with a writer and its stream. */
final class Streams {

    private Streams() {
    }

    /** Runs the writer; checked exceptions other than {@link IOException} are wrapped in one, the rest pass as they are. */
    static void runWriter(ThrowingConsumer<OutputStream> writer, OutputStream out) throws IOException {
        try {
            writer.acceptWithException(out);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("The writer of a sealed file failed", e);
        }
    }

    /**
     * A stream whose close only flushes: Tink closes the stream it writes to when it seals the last segment, and a
     * writer may close its zip, but the store decides when a file is complete, after the writer returned.
     */
    static final class CloseIgnored extends OutputStream {

        private final OutputStream out;

        CloseIgnored(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
