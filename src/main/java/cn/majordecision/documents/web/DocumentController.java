package cn.majordecision.documents.web;

import cn.majordecision.documents.CaseDocument;
import cn.majordecision.documents.Documents;
import cn.majordecision.documents.Documents.DocumentList;
import cn.majordecision.documents.Documents.Upload;
import cn.majordecision.documents.DraftDiffs;
import cn.majordecision.documents.DraftDiffs.DraftDiff;
import cn.majordecision.shared.Actor;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.multipart.MultipartFile;

/** Uploading, listing and downloading the documents of a case, and the changes between two draft versions. */
@RestController
class DocumentController {

    private final Documents documents;
    private final DraftDiffs diffs;

    DocumentController(Documents documents, DraftDiffs diffs) {
        this.documents = documents;
        this.diffs = diffs;
    }

    record DocumentView(Long id, String title, int version, String fileName, String mediaType, long sizeBytes,
            String sha256, String stage, String taskId, String uploadedBy, Instant uploadedAt, String contentUrl) {
    }

    record HistoryView(String title, DocumentView latest, List<DocumentView> versions) {
    }

    record ListView(String caseNumber, List<HistoryView> documents) {
    }

    /** Every part optional here: who may upload is checked before what was sent. */
    @PostMapping("/api/cases/{number}/documents")
    ResponseEntity<DocumentView> upload(@PathVariable String number,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "title", required = false) String title,
            @RequestParam(name = "stage", required = false) String stage,
            @RequestParam(name = "taskId", required = false) String taskId, Actor actor) {
        CaseDocument stored = documents.upload(number, new Upload(file, title, stage, taskId), actor);
        DocumentView view = view(number, stored);
        return ResponseEntity.created(URI.create(view.contentUrl())).body(view);
    }

    @GetMapping("/api/cases/{number}/documents")
    ListView list(@PathVariable String number, Actor actor) {
        DocumentList list = documents.list(number, actor);
        return new ListView(list.caseNumber(), list.documents().stream()
                .map(h -> new HistoryView(h.title(), view(number, h.latest()),
                        h.versions().stream().map(d -> view(number, d)).toList()))
                .toList());
    }

    @GetMapping("/api/cases/{number}/documents/{id}/content")
    void content(@PathVariable String number, @PathVariable Long id, Actor actor, ServletWebRequest request,
            HttpServletResponse response) throws IOException {
        CaseDocument document = documents.find(number, id, actor);
        String etag = "\"" + document.getSha256() + "\"";
        if (request.checkNotModified(etag)) {
            return;
        }
        response.setContentType(document.getMediaType());
        response.setContentLengthLong(document.getSizeBytes());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(document.getFileName()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.ETAG, etag);
        documents.writeContent(document, response.getOutputStream());
    }

    @GetMapping("/api/cases/{number}/drafts/{from}/diff/{to}")
    DraftDiff diff(@PathVariable String number, @PathVariable int from, @PathVariable int to, Actor actor) {
        return diffs.diff(number, from, to, actor);
    }

    private static DocumentView view(String number, CaseDocument d) {
        return new DocumentView(d.getId(), d.getTitle(), d.getVersion(), d.getFileName(), d.getMediaType(),
                d.getSizeBytes(), d.getSha256(), d.getStage() == null ? null : d.getStage().name(), d.getTaskId(),
                d.getUploadedBy(), d.getUploadedAt(),
                "/api/cases/" + URLEncoder.encode(number, StandardCharsets.UTF_8).replace("+", "%20")
                        + "/documents/" + d.getId() + "/content");
    }

    /** RFC 6266 with an RFC 5987 {@code filename*} for the real name and a plain ASCII fallback for old clients. */
    static String attachment(String fileName) {
        StringBuilder ascii = new StringBuilder();
        fileName.codePoints().forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\' && cp != '%'
                ? (char) cp : '_'));
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
