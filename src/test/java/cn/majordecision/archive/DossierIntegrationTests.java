package cn.majordecision.archive;

import static cn.majordecision.support.Submissions.archive;
import static cn.majordecision.support.Submissions.draft;
import static cn.majordecision.support.Submissions.expertAdoption;
import static cn.majordecision.support.Submissions.expertOpinion;
import static cn.majordecision.support.Submissions.expertSelection;
import static cn.majordecision.support.Submissions.launch;
import static cn.majordecision.support.Submissions.legalOpinion;
import static cn.majordecision.support.Submissions.legalityConclusion;
import static cn.majordecision.support.Submissions.legalityPackage;
import static cn.majordecision.support.Submissions.materialsCheck;
import static cn.majordecision.support.Submissions.meeting;
import static cn.majordecision.support.Submissions.partyAnswer;
import static cn.majordecision.support.Submissions.partyReport;
import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.audit.offline.BundleVerifier;
import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Archiving a case produces its dossier: a valid bag of PDF/A documents, JSON records and the audit bundle. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DossierIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theArchivistsConfirmationProducesAVerifiableDossierOfReadableChineseDocuments() throws Exception {
        CaseDriver driver = new CaseDriver(port);
        String number = toTheArchive(driver, "镇机关档案管理办法");
        assertThat(download("hefang", number).statusCode()).as("not before archiving").isEqualTo(409);
        driver.complete(number, "Task_ConfirmArchive", "hefang", archive());
        DossierEndingsIntegrationTests.awaitReady(driver, number, 1);

        HttpResponse<byte[]> response = download("xunuo", number);
        assertThat(response.statusCode()).isEqualTo(200);
        byte[] dossier = response.body();
        Map<String, byte[]> files = unzip(dossier);

        // a bag that verifies offline, audit bundle included
        BundleVerifier.Result result = BundleVerifier.verify(dossier, null);
        assertThat(result.problems()).isEmpty();
        assertThat(files).containsKeys(number + "/bagit.txt", number + "/manifest-sha256.txt",
                number + "/tagmanifest-sha256.txt", number + "/data/audit-bundle.zip", number + "/data/00-case-file.pdf");
        // every record as PDF/A-2u with the font embedded and the Chinese text searchable, and as JSON
        List<String> pdfs = files.keySet().stream().filter(n -> n.contains("/data/records/") && n.endsWith(".pdf")).toList();
        assertThat(pdfs).hasSizeGreaterThanOrEqualTo(8);
        assertThat(files.keySet().stream().filter(n -> n.contains("/data/records/") && n.endsWith(".json"))).hasSameSizeAs(pdfs);
        String meetingPdf = pdfs.stream().filter(n -> n.contains("Task_RecordMeeting")).findFirst().orElseThrow();
        try (PDDocument pdf = Loader.loadPDF(files.get(meetingPdf))) {
            String xmp = new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>U</pdfaid:conformance>");
            assertThat(pdf.getDocumentCatalog().getOutputIntents()).isNotEmpty();
            PDFont font = pdf.getPage(0).getResources().getFont(pdf.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).as("a subset of the font that comes with the application").matches("[A-Z]{6}\\+NotoSansSC-Regular");
            assertThat(new PDFTextStripper().getText(pdf)).contains("集体讨论", "郑红");
        }
        // the dossier's digest is in the audit log
        String log = driver.as("xunuo").get("/api/audit/entries?caseNumber=" + number).body();
        assertThat(log).contains("DOSSIER_CREATED", BundleVerifier.sha256Hex(dossier));

        // a changed document is found by the verifier
        Map<String, byte[]> tampered = new LinkedHashMap<>(files);
        tampered.put(meetingPdf, "替换的文件".getBytes(StandardCharsets.UTF_8));
        assertThat(String.join("\n", BundleVerifier.verify(zip(tampered), null).problems())).contains("已被改动");
        assertThat(download("wangfang", number).statusCode()).isEqualTo(403);
    }

    @Test
    void aCharacterTheFontLacksIsNamedAndNothingIsArchived() throws Exception {
        ArchiveFont font = new ArchiveFont("");
        String rare = java.util.stream.Stream.of(0x30EDE, 0x3134A, 0x2B81D, 0x1F600)
                .filter(cp -> !font.missing(new String(Character.toChars(cp))).isEmpty())
                .map(cp -> new String(Character.toChars(cp))).findFirst().orElseThrow();
        CaseDriver driver = new CaseDriver(port);
        String number = toTheArchive(driver, "生僻字归档");
        String task = driver.awaitTask(number, "Task_ConfirmArchive");
        Api archivist = driver.as("hefang");
        archivist.post("/api/tasks/" + task + "/claim", "");
        Map<String, Object> data = archive();
        data.put("remarks", "移交人：王" + rare);

        Api.Response refused = archivist.post("/api/tasks/" + task + "/complete", data);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("CHARACTER_NOT_IN_FONT");
        assertThat(refused.json().at("/errors/0/message").asText()).contains(rare, "U+");
        assertThat(download("hefang", number).statusCode()).isEqualTo(409);
        assertThat(driver.awaitTask(number, "Task_ConfirmArchive")).isEqualTo(task);
    }

    @Test
    void aCaseTheDemoExpertWithAnExtensionBNameTookPartInWaitsAtTheArchiveNamingTheCharacter() throws Exception {
        // given a technical case whose experts include 𠮷祥: the bundled font has no glyph for U+20BB7
        CaseDriver driver = new CaseDriver(port);
        String number = driver.file("镇区排水管网改造", Map.of("technical", true, "nonPublic", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.complete(number, "Task_SelectExperts", "wangfang", expertSelection(List.of("chenming", "liuyang", "jixiang")));
        for (String expert : List.of("chenming", "liuyang", "jixiang")) {
            String opinionTask = driver.awaitTask(number, "Task_WriteExpertOpinion", expert);
            driver.as(expert).post("/api/tasks/" + opinionTask + "/conflict-declaration", Map.of("noConflict", true));
            driver.complete(number, "Task_WriteExpertOpinion", expert, expertOpinion(expert));
        }
        driver.complete(number, "Task_RecordExpertAdoption", "wangfang", expertAdoption());
        afterTheDraft(driver, number);
        String task = driver.awaitTask(number, "Task_ConfirmArchive");
        Api archivist = driver.as("hefang");
        archivist.post("/api/tasks/" + task + "/claim", "");

        // when
        Api.Response refused = archivist.post("/api/tasks/" + task + "/complete", archive());

        // then the archivist is told which character is missing and where; nothing is dropped, nothing archived
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        List<String> messages = new java.util.ArrayList<>();
        refused.json().path("errors").forEach(e -> {
            assertThat(e.path("code").asText()).isEqualTo("CHARACTER_NOT_IN_FONT");
            messages.add(e.path("message").asText());
        });
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("出具专家论证意见（办理人）", "U+20BB7 “𠮷”"))
                .allSatisfy(m -> assertThat(m).contains("U+20BB7", "app.archive.font"));
        assertThat(download("hefang", number).statusCode()).isEqualTo(409);
        assertThat(driver.awaitTask(number, "Task_ConfirmArchive")).isEqualTo(task);
    }

    private static String toTheArchive(CaseDriver driver, String title) {
        String number = driver.file(title, Map.of("nonPublic", true));
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        afterTheDraft(driver, number);
        return number;
    }

    /** From the legality review to the party committee's answer, for a case that needs no publication. */
    private static void afterTheDraft(CaseDriver driver, String number) {
        driver.complete(number, "Task_SubmitLegalityPackage", "wangfang", legalityPackage());
        driver.complete(number, "Task_CheckLegalityMaterials", "wugang", materialsCheck("accept"));
        driver.complete(number, "Task_GiveLegalOpinion", "sunli", legalOpinion());
        driver.complete(number, "Task_ConcludeLegality", "wugang", legalityConclusion("lawful"));
        driver.complete(number, "Task_RecordMeeting", "zhenghong", meeting("approve"));
        driver.complete(number, "Task_PreparePartyReport", "wangfang", partyReport());
        driver.complete(number, "Task_RecordPartyAnswer", "fenglei", partyAnswer("agree"));
    }

    private HttpResponse<byte[]> download(String user, String number) throws Exception {
        String auth = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/cases/" + number + "/dossier"))
                .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static byte[] zip(Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
