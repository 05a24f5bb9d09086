package cn.majordecision.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The access-control table: for each endpoint, the answer each role (and anonymous) must get. */
public final class AccessMatrix {

    /** Column name to the demo user who stands for that role; anonymous has none. */
    public static final Map<String, String> ROLES = roles();

    public record Row(String method, String path, Map<String, String> expected) {

        public String key() {
            return method + " " + path;
        }
    }

    private AccessMatrix() {
    }

    public static List<Row> load() {
        try (InputStream in = AccessMatrix.class.getResourceAsStream("/security/access-matrix.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
            String[] header = lines.get(0).split(",");
            List<Row> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                if (cells.length != header.length) {
                    throw new IllegalStateException("Row has " + cells.length + " cells, header " + header.length + ": " + line);
                }
                Map<String, String> expected = new LinkedHashMap<>();
                for (int i = 2; i < header.length; i++) {
                    expected.put(header[i], cells[i].strip());
                }
                rows.add(new Row(cells[0].strip(), cells[1].strip(), expected));
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> roles() {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("anonymous", null);
        roles.put("officers", "wangfang");
        roles.put("heads", "zhangwei");
        roles.put("experts", "chenming");
        roles.put("risk-assessors", "zhoujing");
        roles.put("legal-advisers", "sunli");
        roles.put("legal-reviewers", "wugang");
        roles.put("meeting-secretaries", "zhenghong");
        roles.put("party-committee", "fenglei");
        roles.put("archivists", "hefang");
        roles.put("auditors", "xunuo");
        roles.put("admins", "admin");
        roles.put("engine-operators", "ops");
        return roles;
    }
}
