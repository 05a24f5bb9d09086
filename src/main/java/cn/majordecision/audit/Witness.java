package cn.majordecision.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Hands every signed checkpoint to someone outside the database (ADR 0022): a directory ({@code
 * app.audit.witness.directory}, e.g. a share of the county's) gets one file per checkpoint, and an HTTP endpoint
 * ({@code app.audit.witness.url}) gets it POSTed as JSON, retried until it answers. A database restored from an old
 * backup cannot take back what the witness holds: verification compares the two and reports the fork.
 */
@Component
class Witness {

    private static final Logger LOG = LoggerFactory.getLogger(Witness.class);
    private static final int MAX_PENDING = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final URI url;
    private final String name;
    private final HttpClient http;
    private final ConcurrentLinkedDeque<Checkpoint> pending = new ConcurrentLinkedDeque<>();

    Witness(@Value("${app.audit.witness.directory:}") String directory, @Value("${app.audit.witness.url:}") String url,
            @Value("${app.audit.witness.name:外部见证方}") String name) {
        this.directory = directory.isBlank() ? null : Path.of(directory);
        this.url = url.isBlank() ? null : URI.create(url);
        this.name = name;
        this.http = this.url == null ? null : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        if (this.directory != null) {
            try {
                Files.createDirectories(this.directory);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot prepare the audit witness directory " + directory, e);
            }
        }
    }

    /** Who holds the published checkpoints, as verification names them. */
    String name() {
        return name;
    }

    Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** Publishes a checkpoint; never throws, never waits for the endpoint: an append must not depend on the witness. */
    void publish(Checkpoint checkpoint) {
        if (directory != null) {
            try {
                Path temporary = Files.createTempFile(directory, "checkpoint", ".tmp");
                Files.write(temporary, JSON.writeValueAsBytes(json(checkpoint)));
                Files.move(temporary, directory.resolve(fileName(checkpoint.treeSize())),
                        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                LOG.error("Audit checkpoint of {} entries could not be written to the witness directory {}",
                        checkpoint.treeSize(), directory, e);
            }
        }
        if (url != null) {
            pending.addLast(checkpoint);
            while (pending.size() > MAX_PENDING) {
                pending.pollFirst(); // a newer checkpoint covers what an older one said
            }
            retryPending();
        }
    }

    /** POSTs the checkpoints the endpoint has not yet accepted, oldest first, in the background. */
    void retryPending() {
        Checkpoint next = pending.peekFirst();
        if (url == null || next == null) {
            return;
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(json(next)))).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure == null && response.statusCode() / 100 == 2) {
                pending.remove(next);
                retryPending();
            } else {
                LOG.warn("Audit witness {} did not take the checkpoint of {} entries ({}); retried with the next one",
                        url, next.treeSize(), failure != null ? failure.toString() : "HTTP " + response.statusCode());
            }
        });
    }

    int pendingCount() {
        return pending.size();
    }

    /** The largest checkpoint the witness directory holds that {@code ours} accepts (the newest readable one). */
    Optional<Checkpoint> newestPublished(java.util.function.Predicate<Checkpoint> ours) {
        if (directory == null || !Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().matches("checkpoint-\\d{19}\\.json"))
                    .sorted(Comparator.comparing(Path::toString).reversed())
                    .map(Witness::read).flatMap(Optional::stream).filter(ours).findFirst();
        } catch (IOException e) {
            LOG.error("Audit witness directory {} cannot be read", directory, e);
            return Optional.empty();
        }
    }

    static String fileName(long treeSize) {
        return "checkpoint-%019d.json".formatted(treeSize);
    }

    static Map<String, Object> json(Checkpoint c) {
        return Map.of("origin", Checkpoint.ORIGIN, "treeSize", c.treeSize(), "rootHash", c.rootHash(),
                "issuedAt", c.issuedAt().toString(), "signature", c.signature(), "publicKey", c.publicKey());
    }

    private static Optional<Checkpoint> read(Path file) {
        try {
            var node = JSON.readTree(file.toFile());
            return Optional.of(new Checkpoint(node.path("treeSize").asLong(), node.path("rootHash").asText(),
                    Instant.parse(node.path("issuedAt").asText()), node.path("signature").asText(),
                    node.path("publicKey").asText()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable file proves nothing
        }
    }
}
