package cn.majordecision.documents;

import static cn.majordecision.support.Submissions.launch;
import static cn.majordecision.support.Submissions.legalOpinion;
import static cn.majordecision.support.Submissions.legalityConclusion;
import static cn.majordecision.support.Submissions.legalityPackage;
import static cn.majordecision.support.Submissions.map;
import static cn.majordecision.support.Submissions.materialsCheck;
import static cn.majordecision.support.Submissions.revision;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import cn.majordecision.support.Submissions;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Officers and reviewers attach files to a case; over real HTTP, with a small limit so that oversize is cheap to test. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.documents.max-size=256KB", "app.documents.max-request-size=320KB", "app.documents.chunk-size=64KB"})
class DocumentsIntegrationTests {

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    CaseDriver driver;
    String number;
    Api officer;

    @BeforeEach
    void caseBeingDrafted() {
        driver = new CaseDriver(port);
        number = driver.file("中心街道路改造工程", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.awaitTask(number, "Task_DraftDecision");
        officer = driver.as("wangfang");
    }

    @Test
    void anUploadedFileIsDownloadedByteForByteWithItsDigest() throws Exception {
        // given a scan of 200 KB, stored in several chunks
        byte[] scan = png(200 * 1024);

        // when the officer uploads it for the hearing stage
        Api.Response uploaded = upload(officer, Map.of("title", "听证笔录扫描件", "stage", "PUBLIC_PARTICIPATION"),
                "听证笔录.png", scan);

        // then it is stored as version 1 with the digest of its bytes
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        JsonNode document = uploaded.json();
        assertThat(document.path("sha256").asText()).isEqualTo(sha256(scan));
        assertThat(document.path("sizeBytes").asLong()).isEqualTo(scan.length);
        assertThat(document.path("mediaType").asText()).isEqualTo("image/png");
        assertThat(document.path("version").asInt()).isEqualTo(1);
        assertThat(document.path("stage").asText()).isEqualTo("PUBLIC_PARTICIPATION");
        assertThat(document.path("uploadedBy").asText()).isEqualTo("wangfang");

        // and a reader of the case downloads the same bytes, as an attachment that is never sniffed
        Api.Download download = driver.as("zhangwei").download(document.path("contentUrl").asText());
        assertThat(download.status()).isEqualTo(200);
        assertThat(sha256(download.body())).isEqualTo(sha256(scan));
        assertThat(download.header("Content-Type")).isEqualTo("image/png");
        assertThat(download.header("ETag")).isEqualTo("\"" + sha256(scan) + "\"");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.header("Content-Disposition")).startsWith("attachment;")
                .contains("filename*=UTF-8''%E5%90%AC%E8%AF%81%E7%AC%94%E5%BD%95.png");

        // and the audit log holds the upload with its digest
        JsonNode entry = auditEntries("DOCUMENT_UPLOADED").get(0);
        assertThat(entry.at("/payload/sha256").asText()).isEqualTo(sha256(scan));
        assertThat(entry.at("/payload/sizeBytes").asLong()).isEqualTo(scan.length);
        assertThat(entry.at("/payload/mediaType").asText()).isEqualTo("image/png");
        assertThat(entry.at("/payload/version").asInt()).isEqualTo(1);
        assertThat(entry.path("actor").asText()).isEqualTo("wangfang");
    }

    @Test
    void uploadingUnderTheSameTitleAddsAVersionAndKeepsTheOldOne() {
        // given a draft explanation uploaded once
        byte[] first = "起草说明\n第一版\n".getBytes(StandardCharsets.UTF_8);
        byte[] second = "起草说明\n第二版\n".getBytes(StandardCharsets.UTF_8);
        JsonNode v1 = upload(officer, Map.of("title", "起草说明"), "起草说明.txt", first).json();

        // when it is uploaded again under the same title
        Api.Response again = upload(officer, Map.of("title", "起草说明"), "起草说明（修改）.txt", second);

        // then it is version 2, the list shows it as the latest, and version 1 is still there as it was
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json().path("version").asInt()).isEqualTo(2);
        JsonNode list = officer.get("/api/cases/" + number + "/documents").json();
        assertThat(list.path("documents")).hasSize(1);
        assertThat(list.at("/documents/0/latest/version").asInt()).isEqualTo(2);
        assertThat(list.at("/documents/0/versions")).hasSize(2);
        Api.Download old = officer.download(v1.path("contentUrl").asText());
        assertThat(new String(old.body(), StandardCharsets.UTF_8)).isEqualTo("起草说明\n第一版\n");
        assertThat(old.header("Content-Type")).isEqualToIgnoringWhitespace("text/plain;charset=UTF-8");
    }

    @Test
    void anEmptyFileIsRefusedAndNothingStored() {
        Api.Response response = upload(officer, Map.of("title", "风险评估报告"), "报告.pdf", new byte[0]);

        assertRefused(response, 400, "FILE_EMPTY");
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413AndNothingStored() {
        // over the per-file limit (256 KB), within the request limit
        assertRefused(upload(officer, Map.of("title", "扫描件"), "扫描件.png", png(300 * 1024)), 413, "FILE_TOO_LARGE");
        // over the whole request limit (320 KB): refused before it is read
        assertRefused(upload(officer, Map.of("title", "扫描件"), "扫描件.png", png(400 * 1024)), 413, "FILE_TOO_LARGE");
    }

    @Test
    void theTypeIsToldFromTheBytesNotTheName() {
        assertRefused(upload(officer, Map.of("title", "专家意见"), "专家意见.pdf", png(2048)), 400, "FILE_TYPE_MISMATCH");
        assertRefused(upload(officer, Map.of("title", "专家意见"), "专家意见.docx", zip("readme.txt")), 400,
                "FILE_TYPE_UNSUPPORTED");
    }

    @Test
    void unsupportedContentIsRefused() {
        byte[] elf = new byte[4096];
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, 0, elf, 0, 8);
        assertRefused(upload(officer, Map.of("title", "程序"), "程序.pdf", elf), 400, "FILE_TYPE_UNSUPPORTED");
        byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        assertRefused(upload(officer, Map.of("title", "网页"), "网页.txt", html), 400, "FILE_TYPE_UNSUPPORTED");
        byte[] gbk = "公众意见汇总：建议保留人行通道。".getBytes(Charset.forName("GBK"));
        assertRefused(upload(officer, Map.of("title", "汇总"), "汇总.txt", gbk), 400, "FILE_TYPE_UNSUPPORTED");
    }

    @Test
    void officeDocumentsAreRecognisedByWhatTheirContainerHolds() {
        assertThat(upload(officer, Map.of("title", "决策草案"), "决策草案.docx",
                zip("[Content_Types].xml", "word/document.xml")).json().path("mediaType").asText())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(upload(officer, Map.of("title", "概算表"), "概算表.xlsx",
                zip("[Content_Types].xml", "xl/workbook.xml")).json().path("mediaType").asText())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(upload(officer, Map.of("title", "说明"), "说明.odt", odt()).json().path("mediaType").asText())
                .isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(upload(officer, Map.of("title", "批复"), "批复.pdf",
                "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)).json().path("mediaType").asText())
                .isEqualTo("application/pdf");
        byte[] jpeg = new byte[1024];
        System.arraycopy(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0}, 0, jpeg, 0, 11);
        assertThat(upload(officer, Map.of("title", "现场照片"), "现场.JPG", jpeg).json().path("mediaType").asText())
                .isEqualTo("image/jpeg");
    }

    @Test
    void aZipBombNamedDocxIsRefusedBeforeItIsAccepted() throws IOException {
        // given a Word file of about 200 KB whose document part unpacks to 200 MB
        byte[] bomb = bomb(200);
        assertThat(bomb.length).isLessThan(256 * 1024);

        // then it is refused as an archive too large, and nothing is stored
        assertRefused(upload(officer, Map.of("title", "决策草案"), "决策草案.docx", bomb), 400, "FILE_ARCHIVE_TOO_LARGE");
        // a Word file that carries another archive inside is refused too
        assertRefused(upload(officer, Map.of("title", "决策草案"), "决策草案.docx",
                zip("[Content_Types].xml", "word/document.xml", "word/embeddings/sheet.xlsx")), 400, "FILE_ARCHIVE_NESTED");
    }

    /** [Content_Types].xml and word/document.xml, the latter {@code megabytes} MB of one repeated byte. */
    static byte[] bomb(int megabytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < megabytes; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void aPathInTheFileNameIsStoredHarmlessly() {
        Api.Response response = upload(officer, Map.of("title", "会议材料"), "../../etc/\u202e𠮷\u0007会议材料.txt",
                "会议材料".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("fileName").asText()).isEqualTo("𠮷会议材料.txt");
        Api.Download download = officer.download(response.json().path("contentUrl").asText());
        assertThat(download.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"_____.txt\"; filename*=UTF-8''%F0%A0%AE%B7%E4%BC%9A%E8%AE%AE%E6%9D%90%E6%96%99.txt");
    }

    @Test
    void someoneWhoMayNotSeeTheCaseIsToldItDoesNotExist() {
        // given a document of the case
        String content = upload(officer, Map.of("title", "决策草案"), "草案.txt", "草案".getBytes(StandardCharsets.UTF_8))
                .json().path("contentUrl").asText();

        // then an officer of another unit and an expert without a task on it get what an unknown number gets
        for (String outsider : List.of("liqiang", "chenming")) {
            Api api = driver.as(outsider);
            Api.Response unknown = api.get("/api/cases/YHZ-1999-999/documents");
            assertThat(unknown.status()).isEqualTo(404);
            for (Api.Response hidden : List.of(api.get("/api/cases/" + number + "/documents"),
                    api.get(content), upload(api, Map.of("title", "x"), "x.txt", "x".getBytes(StandardCharsets.UTF_8)))) {
                assertThat(hidden.status()).as(outsider + " " + hidden).isEqualTo(404);
                assertThat(hidden.json().path("code").asText()).isEqualTo(unknown.json().path("code").asText());
            }
        }
    }

    @Test
    void readersWhoDoNotWorkOnTheCaseMayNotUpload() {
        assertRefused(upload(driver.as("xunuo"), Map.of("title", "审计意见"), "意见.txt",
                "意见".getBytes(StandardCharsets.UTF_8)), 403, "AUDITOR_READ_ONLY");
        assertRefused(upload(driver.as("zhangwei"), Map.of("title", "批示"), "批示.txt",
                "批示".getBytes(StandardCharsets.UTF_8)), 403, "DOCUMENT_UPLOAD_NOT_ALLOWED");
        assertThat(driver.as("xunuo").get("/api/cases/" + number + "/documents").status()).isEqualTo(200);
    }

    @Test
    void aMissingTitleOrFileIsNamed() {
        Api.Response noTitle = upload(officer, Map.of(), "a.txt", "a".getBytes(StandardCharsets.UTF_8));
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.json().at("/errors/0/field").asText()).isEqualTo("title");
        Api.Response json = officer.post("/api/cases/" + number + "/documents", Map.of("title", "x"));
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.json().at("/errors/0/field").asText()).isEqualTo("title");
        assertThat(json.json().at("/errors/1/code").asText()).isEqualTo("FILE_REQUIRED");
        assertNothingStored();
    }

    @Test
    void aRiskAssessorWithATaskOnTheCaseReadsAndUploadsAndKeepsReadingAfterwards() {
        // given a case whose risk assessment is open
        String risky = driver.file("中心街拆迁安置方案", Map.of("nonPublic", true, "stabilityRisk", true));
        driver.complete(risky, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(risky, "Task_DraftDecision", "wangfang", Submissions.draft());
        driver.awaitTask(risky, "Task_AssessRisk");
        String path = "/api/cases/" + risky + "/documents";
        driver.as("wangfang").upload(path, Map.of("title", "决策草案"), "草案.txt", "text/plain",
                "草案".getBytes(StandardCharsets.UTF_8));
        Api assessor = driver.as("zhoujing");

        // when the risk assessor uploads the signed report
        Api.Response report = assessor.upload(path, Map.of("title", "社会稳定风险评估报告", "stage", "RISK_ASSESSMENT"),
                "风险评估报告.pdf", "application/pdf", "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

        // then it is stored, the officers see it, and the assessor sees the case's materials
        assertThat(report.status()).as(report.toString()).isEqualTo(201);
        assertThat(driver.as("wangfang").get(path).json().path("documents")).hasSize(2);
        assertThat(assessor.get(path).json().path("documents")).hasSize(2);
        // a legal adviser without a task on the case is told nothing
        assertThat(driver.as("sunli").get(path).status()).isEqualTo(404);

        // and after the assessment the assessor still reads, but no longer uploads
        driver.complete(risky, "Task_AssessRisk", "zhoujing", Submissions.riskAssessment("controllable"));
        assertThat(assessor.get(path).status()).isEqualTo(200);
        Api.Response late = assessor.upload(path, Map.of("title", "补充说明"), "补充.txt", "text/plain",
                "补充".getBytes(StandardCharsets.UTF_8));
        assertThat(late.status()).as(late.toString()).isEqualTo(403);
        assertThat(late.json().path("code").asText()).isEqualTo("DOCUMENT_UPLOAD_NOT_ALLOWED");
    }

    @Test
    void aReviewerSeesWhatChangedBetweenTwoDraftVersions() {
        // given a draft and its revision after the legality review
        String nonPublic = driver.file("镇区停车管理办法", Map.of("nonPublic", true));
        driver.complete(nonPublic, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(nonPublic, "Task_DraftDecision", "wangfang", map("draftText", "第一条 总则\n第二条 改造1.8公里\n第三条 附则",
                "draftExplanation", "起草说明", "lawsReviewed", "《公路法》"));
        driver.complete(nonPublic, "Task_SubmitLegalityPackage", "wangfang", legalityPackage());
        driver.complete(nonPublic, "Task_CheckLegalityMaterials", "wugang", materialsCheck("accept"));
        driver.complete(nonPublic, "Task_GiveLegalOpinion", "sunli", legalOpinion());
        driver.complete(nonPublic, "Task_ConcludeLegality", "wugang", legalityConclusion("revise"));
        driver.complete(nonPublic, "Task_ReviseDraftForLegality", "wangfang",
                revision("第一条 总则\n第二条 改造2.0公里并新建管网\n第三条 附则"));

        // when the legality reviewer compares them
        Api.Response diff = driver.as("wugang").get("/api/cases/" + nonPublic + "/drafts/1/diff/2");

        // then the changed line is removed and added, the others unchanged
        assertThat(diff.status()).as(diff.toString()).isEqualTo(200);
        JsonNode text = diff.json().path("text");
        assertThat(text.path("added").asInt()).isEqualTo(1);
        assertThat(text.path("removed").asInt()).isEqualTo(1);
        List<String> lines = new ArrayList<>();
        text.path("lines").forEach(l -> lines.add(l.path("change").asText() + " " + l.path("text").asText()));
        assertThat(lines).containsExactly("UNCHANGED 第一条 总则", "REMOVED 第二条 改造1.8公里", "ADDED 第二条 改造2.0公里并新建管网",
                "UNCHANGED 第三条 附则");
        assertThat(diff.json().at("/explanation/added").asInt()).isEqualTo(1);
        assertThat(diff.json().at("/to/changeSummary").asText()).isEqualTo("按意见修改");

        // and a version that does not exist is named
        Api.Response unknown = driver.as("wugang").get("/api/cases/" + nonPublic + "/drafts/1/diff/9");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0/code").asText()).isEqualTo("DRAFT_VERSION_UNKNOWN");
        assertThat(driver.as("liqiang").get("/api/cases/" + nonPublic + "/drafts/1/diff/2").status()).isEqualTo(404);
    }

    private void assertRefused(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("code").asText()).isEqualTo(code);
        if (!code.equals("AUDITOR_READ_ONLY") && !code.equals("DOCUMENT_UPLOAD_NOT_ALLOWED")) {
            assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("file");
            assertThat(response.json().path("detail").asText()).isNotBlank();
        }
        assertNothingStored();
    }

    private void assertNothingStored() {
        assertThat(officer.get("/api/cases/" + number + "/documents").json().path("documents")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document_chunk c JOIN case_document d ON d.id = c.document_id"
                + " JOIN decision_case k ON k.id = d.case_id WHERE k.case_number = ?", Long.class, number)).isZero();
    }

    private Api.Response upload(Api api, Map<String, String> fields, String fileName, byte[] content) {
        return api.upload("/api/cases/" + number + "/documents", fields, fileName, "application/octet-stream", content);
    }

    private List<JsonNode> auditEntries(String type) {
        List<JsonNode> found = new ArrayList<>();
        driver.as("xunuo").get("/api/audit/entries?caseNumber=" + number).json().forEach(e -> {
            if (e.path("eventType").asText().equals(type)) {
                found.add(e);
            }
        });
        return found;
    }

    static byte[] png(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        System.arraycopy(PNG_SIGNATURE, 0, bytes, 0, PNG_SIGNATURE.length);
        return bytes;
    }

    static byte[] zip(String... entries) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (String entry : entries) {
                    zip.putNextEntry(new ZipEntry(entry));
                    zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] odt() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                byte[] type = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
                ZipEntry mimetype = new ZipEntry("mimetype");
                mimetype.setMethod(ZipEntry.STORED);
                mimetype.setSize(type.length);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(type);
                mimetype.setCrc(crc.getValue());
                zip.putNextEntry(mimetype);
                zip.write(type);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("content.xml"));
                zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
