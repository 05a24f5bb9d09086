package cn.majordecision.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.security.AccessMatrix.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writes the access-control table (checked over HTTP by AccessMatrixIntegrationTests) into the guide. */
class AccessMatrixDocumentationTests {

    private static final Map<String, String> SHOWN = Map.of("ok", "✔", "401", "401", "403", "403", "404", "404");

    @Test
    void writesTheTableForTheGuide() throws IOException {
        List<Row> rows = AccessMatrix.load();
        StringBuilder table = new StringBuilder("[cols=\"3,9" + ",1".repeat(AccessMatrix.ROLES.size())
                + "\",options=\"header\",role=\"access-matrix\"]\n|===\n| 方法 | 路径");
        AccessMatrix.ROLES.keySet().forEach(role -> table.append(" | ").append(role));
        table.append('\n');
        for (Row row : rows) {
            table.append("| ").append(row.method()).append(" | `").append(row.path()).append('`');
            row.expected().values().forEach(answer -> table.append(" | ").append(SHOWN.getOrDefault(answer, answer)));
            table.append('\n');
        }
        table.append("|===\n");
        Path out = Path.of("target", "generated-snippets", "access-matrix", "table.adoc");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table, StandardCharsets.UTF_8);
        assertThat(rows).allSatisfy(row -> assertThat(row.expected().values()).allMatch(SHOWN::containsKey));
    }
}
