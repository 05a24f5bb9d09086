package cn.majordecision.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The witness on this machine: a directory and an HTTP endpoint that is down at first. */
class WitnessTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    HttpServer server;
    final AtomicInteger refusals = new AtomicInteger(1);
    final List<JsonNode> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startEndpoint() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/witness", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (refusals.getAndDecrement() > 0) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                received.add(JSON.readTree(body));
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopEndpoint() {
        server.stop(0);
    }

    @Test
    void writesEachCheckpointToTheDirectoryAndReadsTheNewestBack(@TempDir Path directory) throws Exception {
        // given
        Witness witness = new Witness(directory.toString(), "", "县司法局");
        Checkpoint older = checkpoint(5);
        Checkpoint newer = checkpoint(12);

        // when
        witness.publish(older);
        witness.publish(newer);
        Files.writeString(directory.resolve(Witness.fileName(99)), "not a checkpoint");

        // then
        assertThat(Files.list(directory).map(p -> p.getFileName().toString()))
                .contains("checkpoint-0000000000000000005.json", "checkpoint-0000000000000000012.json");
        assertThat(witness.newestPublished(c -> true)).contains(newer);
        assertThat(witness.newestPublished(c -> c.treeSize() < 10)).contains(older);
    }

    @Test
    void retriesACheckpointTheEndpointDidNotTake() throws Exception {
        // given: the endpoint refuses the first attempt
        Witness witness = new Witness("", "http://127.0.0.1:" + server.getAddress().getPort() + "/witness", "县司法局");

        // when
        witness.publish(checkpoint(7));
        awaitPending(witness, 1);
        witness.retryPending();
        awaitPending(witness, 0);

        // then
        assertThat(received).hasSize(1);
        assertThat(received.get(0).path("treeSize").asLong()).isEqualTo(7);
        assertThat(received.get(0).path("origin").asText()).isEqualTo("major-decision/audit-log");
        assertThat(received.get(0).path("signature").asText()).isEqualTo("c2ln");
    }

    private void awaitPending(Witness witness, int expected) throws InterruptedException {
        for (int i = 0; i < 100 && !(witness.pendingCount() == expected && refusals.get() <= 0); i++) {
            Thread.sleep(50);
        }
        assertThat(witness.pendingCount()).isEqualTo(expected);
    }

    private static Checkpoint checkpoint(long size) {
        return new Checkpoint(size, "ab".repeat(32), Instant.parse("2026-03-02T08:00:00Z"), "c2ln", "a2V5");
    }
}
